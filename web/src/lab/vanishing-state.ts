// The deep-network experiment's settings and their URL table (keys prefixed "lab" so they never
// collide with the playground's).

import { numberKind, type PropertyKind, type PropertyTable } from "../state/url-table.js";
import type { ExperimentConfig } from "./vanishing-protocol.js";
import { VANISHING_VARIANTS } from "./vanishing-variants.js";

export const MAX_HIDDEN = 8;
const VARIANT_IDS = VANISHING_VARIANTS.map((v) => v.id);

export interface VanishingState {
  labHidden: number;
  /** Training images: the first labSamples of the digits (the speed is averaged over them). */
  labSamples: number;
  labWidth: number;
  labSeed: number;
  labEpochs: number;
  labBatch: number;
  labRate: number;
  labL2: number;
  labVariants: string[];
}

/** Four hidden layers as the book's figure; mini-batch SGD that shows the remedies within a minute. */
export const DEFAULT_VANISHING: VanishingState = {
  labHidden: 4,
  labSamples: 1000,
  labWidth: 30,
  labSeed: 1,
  labEpochs: 30,
  labBatch: 10,
  labRate: 0.1,
  labL2: 0,
  labVariants: [...VARIANT_IDS],
};

/** The held-out images: the 1,000 after the training images. */
export const TEST_SAMPLES = 1000;
/** The most training images: the bundled 10,000 digits less the held-out ones. */
export const MAX_SAMPLES = 9000;

type Training = Pick<VanishingState, "labSamples" | "labEpochs" | "labBatch" | "labRate" | "labL2">;

export interface TrainingSetting {
  id: "quick" | "speed-figure" | "book";
  /** The button's text. */
  name: string;
  /** What it is, for the button's title and the page. */
  description: string;
  values: Training;
}

/** The named training settings, each a button on the page. */
export const TRAINING_SETTINGS: readonly TrainingSetting[] = Object.freeze([
  {
    id: "quick",
    name: "Quick training",
    description: "1,000 images, mini-batches of 10, η = 0.1, no L2, 30 epochs",
    values: { labSamples: 1000, labEpochs: 30, labBatch: 10, labRate: 0.1, labL2: 0 },
  },
  {
    id: "speed-figure",
    name: "The book's speed figure",
    description:
      "generate_gradient.py, behind the book's speed-of-learning figures: full batches of 1,000 images, η = 0.1, λ = 5, 500 epochs",
    values: { labSamples: 1000, labEpochs: 500, labBatch: 1000, labRate: 0.1, labL2: 5 },
  },
  {
    id: "book",
    name: "The book's training",
    description:
      "network2 as in chapter 5's accuracy runs, on all 9,000 training digits: mini-batches of 10, η = 0.1, λ = 5 (λ/n with n = 9,000), 30 epochs",
    values: { labSamples: 9000, labEpochs: 30, labBatch: 10, labRate: 0.1, labL2: 5 },
  },
]);

/** The named setting the state's training matches, if any. */
export function trainingSettingOf(s: VanishingState): TrainingSetting | undefined {
  return TRAINING_SETTINGS.find((t) =>
    (Object.keys(t.values) as (keyof Training)[]).every((k) => t.values[k] === s[k]),
  );
}

function variantListKind(): PropertyKind<string[]> {
  return {
    parse(text) {
      const ids = text === "" ? [] : text.split(",");
      const bad = ids.find((id) => !VARIANT_IDS.includes(id));
      if (bad !== undefined)
        return new Error(
          `${JSON.stringify(bad.slice(0, 40))} is not one of ${VARIANT_IDS.join(", ")}`,
        );
      if (ids.length === 0) return new Error("no variant chosen");
      return [...new Set(ids)];
    },
    format: (v) => v.join(","),
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  };
}

export const VANISHING_TABLE: PropertyTable<VanishingState> = [
  { key: "labHidden", kind: numberKind(1, MAX_HIDDEN, true) },
  { key: "labSamples", kind: numberKind(1, MAX_SAMPLES, true) },
  { key: "labWidth", kind: numberKind(1, 100, true) },
  { key: "labSeed", kind: numberKind(0, 2 ** 31 - 1, true) },
  { key: "labEpochs", kind: numberKind(0, 500, true) },
  { key: "labBatch", kind: numberKind(1, 1000, true) },
  { key: "labRate", kind: numberKind(1e-4, 10) },
  { key: "labL2", kind: numberKind(0, 100) },
  { key: "labVariants", kind: variantListKind() },
];

export function experimentConfig(s: VanishingState): ExperimentConfig {
  return {
    hidden: s.labHidden,
    width: s.labWidth,
    seed: s.labSeed,
    variants: s.labVariants,
    epochs: s.labEpochs,
    batchSize: s.labBatch,
    learningRate: s.labRate,
    l2: s.labL2,
    samples: s.labSamples,
    testSamples: TEST_SAMPLES,
  };
}

/** Nielsen's numbers (chapter 5) for the book's setting, by number of hidden layers. */
export const BOOK_SPEEDS: Readonly<Record<number, readonly number[]>> = {
  3: [0.012, 0.06, 0.283],
  4: [0.003, 0.017, 0.07, 0.285],
};
