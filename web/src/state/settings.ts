// Every setting of the playground, its default, its allowed values and its URL key: one table.
// Choices come from the package's catalogue, per-data-set limits and presets from data-sources.ts.

import {
  catalogue,
  names,
  type ActivationName,
  type CostName,
  type DatasetName,
  type FeatureName,
  type HiddenActivationName,
  type InitName,
} from "gradscope";
import {
  DATASET_NAMES,
  dataSource,
  inputWidth,
  outputWidth,
  sourcePreset,
  WIDEST,
  type SourcePreset,
} from "./data-sources.js";
import { NO_POINTS, type OwnPoints } from "./own-points.js";
import { pointsKind } from "./points-key.js";
import {
  enumKind,
  integerListKind,
  listKind,
  numberKind,
  parseParams,
  type ParseResult,
  type PropertyTable,
} from "./url-table.js";
import { legacySeeds, seedKind } from "./seeds.js";

export type { DatasetName, CostName, InitName };
export type HiddenActivation = HiddenActivationName;
export type OutputActivation = ActivationName;

/** Every menu's choices, in the catalogue's order. */
export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = catalogue.activations.flatMap((a) =>
  a.hidden ? [a.name] : [],
);
export const OUTPUT_ACTIVATIONS: readonly OutputActivation[] = catalogue.activations.flatMap((a) =>
  a.output ? [a.name] : [],
);
export const COSTS: readonly CostName[] = names(catalogue.costs);
export const INITS: readonly InitName[] = names(catalogue.initialisers);
export const FEATURES: readonly FeatureName[] = names(catalogue.features);

export const MAX_HIDDEN_LAYERS = 10;

export interface Settings extends SourcePreset {
  dataset: DatasetName;
  /** Classes of a set whose catalogue row allows several (classRange); ignored by the others. */
  classes: number;
  /**
   * The network's inputs, computed by the core from (x₁, x₂) (catalogue.features); only plane
   * data sets use them (a line set's input is x, an image's its pixels).
   */
  features: FeatureName[];
  noise: number;
  testFraction: number;
  /** Neurons per hidden layer, input and output excluded. */
  hidden: number[];
  l2: number;
  /**
   * The learner's own points (own-points.ts): what the own-classes and own-values sets train on;
   * ignored by the other sets. The `points` URL key (points-key.ts).
   */
  points: OwnPoints;
  /** λ₁ of L1 regularisation (w → w − (ηλ₁/n) sgn(w) − η ∂C₀/∂w). */
  l1: number;
  /** Draws the data points and the train/test split (seeds.ts). */
  dataSeed: number;
  /** Draws the initial weights and biases and the mini-batch shuffle order. */
  initSeed: number;
  /** Mini-batches per screen update. */
  speed: number;
}

/** The noise of a preset that does not choose its own. */
export const DEFAULT_NOISE = 0.05;

/** The first data set's settings (the page without a hash). */
export const DEFAULT_SETTINGS: Readonly<Settings> = presetFor("circle");

/**
 * The settings a link that names only `dataset` (and perhaps `classes`) gets: its source's preset,
 * the many-classes one for three or more classes (sourcePreset).
 */
export function presetFor(dataset: DatasetName, classes?: number): Readonly<Settings> {
  const k = classCount(dataset, classes);
  const preset = sourcePreset(dataset, k);
  return Object.freeze({
    dataset,
    classes: k,
    features: ["x1", "x2"] as FeatureName[],
    noise: DEFAULT_NOISE,
    testFraction: 0.5,
    l2: 0,
    l1: 0,
    points: NO_POINTS,
    dataSeed: 1,
    initSeed: 1,
    ...preset,
    hidden: [...preset.hidden],
  });
}

export const SETTINGS_TABLE: PropertyTable<Settings> = [
  { key: "dataset", kind: enumKind(DATASET_NAMES) },
  // The widest range of any set; parseSettings narrows it to the chosen set's classRange.
  { key: "classes", kind: numberKind(0, WIDEST.classes, true) },
  { key: "features", kind: listKind(enumKind(FEATURES), 1, FEATURES.length) },
  { key: "noise", kind: numberKind(0, 0.5) },
  // The widest ranges of any data set; parseSettings narrows them to the chosen set's.
  { key: "samples", kind: numberKind(WIDEST.samples[0], WIDEST.samples[1], true) },
  { key: "testFraction", kind: numberKind(0.1, 0.9) },
  { key: "hidden", kind: integerListKind(MAX_HIDDEN_LAYERS, 1, WIDEST.maxNeurons) },
  { key: "activation", kind: enumKind(HIDDEN_ACTIVATIONS) },
  { key: "output", kind: enumKind(OUTPUT_ACTIVATIONS) },
  { key: "cost", kind: enumKind(COSTS) },
  { key: "init", kind: enumKind(INITS) },
  { key: "learningRate", kind: numberKind(1e-5, 10) },
  { key: "batchSize", kind: numberKind(1, 500, true) },
  { key: "l2", kind: numberKind(0, 10) },
  { key: "l1", kind: numberKind(0, 10) },
  { key: "points", kind: pointsKind },
  { key: "dataSeed", kind: seedKind },
  { key: "initSeed", kind: seedKind },
  { key: "speed", kind: numberKind(1, 500, true) },
];

/** The most neurons a hidden layer may have with this data set. */
export function maxNeurons(dataset: DatasetName): number {
  return dataSource(dataset).maxNeurons;
}

export function sampleRange(dataset: DatasetName): readonly [number, number] {
  return dataSource(dataset).sampleRange;
}

export { inputWidth, outputWidth };

/** Layer sizes [n_1 … n_L] of the network the settings describe. */
export function layerSizes(s: Settings): number[] {
  return [
    inputWidth(s.dataset, s.features),
    ...s.hidden,
    outputWidth(s.dataset, s.output, s.classes),
  ];
}

/** `classes` when the set's row allows it (classRange), else the set's own number of classes. */
export function classCount(dataset: DatasetName, classes?: number): number {
  const info = dataSource(dataset).info;
  const [fewest, most] = info.classRange;
  return classes !== undefined && classes >= fewest && classes <= most ? classes : info.classes;
}

/** The keys a data source's preset sets. */
const PRESET_KEYS = Object.keys(DEFAULT_SETTINGS).filter(
  (k) => k in dataSource(DEFAULT_SETTINGS.dataset).preset,
) as (keyof SourcePreset)[];

/**
 * The settings a switch of data set starts from: a source with another preset (2-D points ↔
 * MNIST) brings its own network and training settings; within one family nothing changes.
 */
export function settingsForDataset(
  current: Settings,
  dataset: DatasetName,
  classes?: number,
): Settings {
  // The classes chosen so far stay when the new set allows them (spiral 3 → blobs 3).
  const k = classCount(dataset, classes ?? current.classes);
  const next: Settings = { ...current, hidden: [...current.hidden], dataset, classes: k };
  const preset = sourcePreset(dataset, k);
  if (preset === sourcePreset(current.dataset, current.classes)) return next;
  const take = <K extends keyof SourcePreset>(key: K) => {
    next[key] = preset[key] as Settings[K];
  };
  for (const key of PRESET_KEYS) take(key);
  next.hidden = [...preset.hidden];
  // A preset that chooses its noise sets it; leaving one restores the default.
  const before = sourcePreset(current.dataset, current.classes);
  if (preset.noise !== undefined || before.noise !== undefined)
    next.noise = preset.noise ?? DEFAULT_NOISE;
  return next;
}

/**
 * What a settings patch starts from: a new data set or number of classes may bring another preset
 * (settingsForDataset); other patches start from `before` as it is.
 */
export function patchBase(before: Settings, patch: Partial<Settings>): Settings {
  if (patch.dataset === undefined && patch.classes === undefined) return before;
  return settingsForDataset(before, patch.dataset ?? before.dataset, patch.classes);
}

/** Settings read from URL parameters, with the output/cost pairing checked as well. */
export function parseSettings(params: URLSearchParams): ParseResult<Settings> {
  // A link that names a data set and nothing else gets that set's network.
  const named = params.get("dataset");
  const asked = params.has("classes") ? Number(params.get("classes")) : undefined;
  const preset = (DATASET_NAMES as readonly string[]).includes(named ?? "")
    ? presetFor(named as DatasetName, asked)
    : DEFAULT_SETTINGS;
  // An old link's `seed=N` sets both seeds unless the link names them itself.
  const legacy = legacySeeds(params);
  const defaults: Settings = { ...preset, ...legacy.seeds };
  const result = parseParams<Settings>(SETTINGS_TABLE, defaults, params);
  const { value, problems } = result;
  if (legacy.problem) problems.unshift(legacy.problem);
  if (!catalogue.costsAllowedAfter(value.output).includes(value.cost)) {
    problems.push(
      `cost ${value.cost} does not fit output ${value.output}; ` +
        `output ${defaults.output} and cost ${defaults.cost} used`,
    );
    value.output = defaults.output;
    value.cost = defaults.cost;
  }
  const source = dataSource(value.dataset);
  const [fewestClasses, mostClasses] = source.info.classRange;
  if (value.classes < fewestClasses || value.classes > mostClasses) {
    const fallback = source.info.classes;
    const range =
      fewestClasses === mostClasses
        ? `${value.dataset} has ${fewestClasses === 0 ? "no classes (regression)" : `${fewestClasses} classes`}`
        : `${value.dataset} takes ${fewestClasses} to ${mostClasses}`;
    problems.push(`classes: ${value.classes} does not fit; ${range}; ${fallback} used`);
    value.classes = fallback;
  }
  const [fewest, most] = source.sampleRange;
  if (value.samples < fewest || value.samples > most) {
    const fallback = source.preset.samples;
    problems.push(
      `samples: ${value.samples} is outside [${fewest}, ${most}] for ${value.dataset}; ${fallback} used`,
    );
    value.samples = fallback;
  }
  const widest = source.maxNeurons;
  if (value.hidden.some((n) => n > widest)) {
    const fallback = source.preset.hidden;
    problems.push(
      `hidden: ${value.hidden.join(",")} has a layer wider than ${widest} neurons, the most for ` +
        `${value.dataset}; ${fallback.join(",")} used`,
    );
    value.hidden = [...fallback];
  }
  value.hidden = [...value.hidden];
  return result;
}

/** Settings whose change needs a new network or new data; the others apply while training. */
export const RUN_KEYS: readonly (keyof Settings)[] = [
  "dataset",
  "classes",
  "features",
  "noise",
  "samples",
  "testFraction",
  "hidden",
  "activation",
  "output",
  "cost",
  "init",
  "dataSeed",
  "initSeed",
  "points",
];

/** True when `a` and `b` describe the same data and network (training options may differ). */
export function sameRun(a: Settings, b: Settings): boolean {
  return SETTINGS_TABLE.every(
    (spec) =>
      !RUN_KEYS.includes(spec.key) || spec.kind.equals(a[spec.key] as never, b[spec.key] as never),
  );
}
