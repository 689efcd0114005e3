// The form for every setting except the hidden layers (layer-editor.ts). Controls are described
// by a table, built once, and refreshed from the settings; a change reports a patch and nothing
// else: the playground decides what to do with it.

import { catalogue } from "gradscope";
import { DATASET_NAMES, dataSource } from "../state/data-sources.js";
import { SEED_MAX, seedKind, type Seeds } from "../state/seeds.js";
import {
  COSTS,
  HIDDEN_ACTIVATIONS,
  INITS,
  OUTPUT_ACTIVATIONS,
  sampleRange,
  type Settings,
} from "../state/settings.js";

/**
 * The settings a menu shows (the layer sizes and input features have their own editors; the own
 * points are edited on the plane).
 */
type Key = Exclude<keyof Settings, "hidden" | "features" | "points">;

interface SelectControl {
  key: Key;
  label: string;
  group: string;
  choices: readonly (string | number)[];
  text?: (v: string | number) => string;
}

/** Menu text of every catalogue name (data sets, activations, costs, initialisers). */
const NAMES: Record<string, string> = Object.fromEntries(
  [
    ...catalogue.datasets,
    ...catalogue.activations,
    ...catalogue.costs,
    ...catalogue.initialisers,
  ].map((row) => [row.name, row.label]),
);

/** Every count of classes a catalogue row allows (2 … 6 for spiral arms and gaussian blobs). */
const CLASS_CHOICES: readonly number[] = [
  ...new Set(
    catalogue.datasets.flatMap((d) =>
      d.classRange[0] === d.classRange[1]
        ? []
        : Array.from(
            { length: d.classRange[1] - d.classRange[0] + 1 },
            (_, i) => d.classRange[0] + i,
          ),
    ),
  ),
].sort((a, b) => a - b);

const percent = (v: string | number) => `${Math.round(Number(v) * 100)}%`;

const CONTROLS: readonly SelectControl[] = [
  { key: "dataset", label: "Data set", group: "Data", choices: DATASET_NAMES },
  // Shown only for a set whose catalogue row allows several (classRange): render() hides it.
  { key: "classes", label: "Classes", group: "Data", choices: CLASS_CHOICES },
  {
    key: "noise",
    label: "Noise (std. dev.)",
    group: "Data",
    choices: [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
  },
  // 2-D sets take up to 2,000 points, MNIST 1,000 to 10,000 digits: render() disables the rest.
  {
    key: "samples",
    label: "Samples (points or digits)",
    group: "Data",
    choices: [100, 200, 400, 800, 1000, 2000, 4000, 6000, 8000, 10000],
  },
  {
    key: "testFraction",
    label: "Test share",
    group: "Data",
    choices: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    text: percent,
  },
  { key: "activation", label: "Hidden activation", group: "Network", choices: HIDDEN_ACTIVATIONS },
  { key: "output", label: "Output activation", group: "Network", choices: OUTPUT_ACTIVATIONS },
  { key: "cost", label: "Cost", group: "Network", choices: COSTS },
  { key: "init", label: "Initialiser", group: "Network", choices: INITS },
  {
    key: "learningRate",
    label: "Learning rate η",
    group: "Training",
    choices: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  },
  { key: "batchSize", label: "Batch size", group: "Training", choices: [1, 2, 5, 10, 20, 50, 100] },
  {
    key: "l2",
    label: "L2 regularisation λ",
    group: "Training",
    choices: [0, 0.001, 0.01, 0.1, 1, 3, 10],
  },
  {
    key: "l1",
    label: "L1 regularisation λ₁",
    group: "Training",
    choices: [0, 0.001, 0.01, 0.1, 1, 3, 10],
  },
  {
    key: "speed",
    label: "Speed (mini-batches per update)",
    group: "Training",
    choices: [1, 2, 5, 10, 20, 50, 100, 200],
  },
];

export type SettingsPatch = Partial<Settings>;

/** The seed inputs and their labels: what each seed draws. */
const SEED_INPUTS: readonly (readonly [keyof Seeds, string])[] = [
  ["dataSeed", "Data seed (points, split)"],
  ["initSeed", "Weights seed (initial weights, shuffle)"],
];

export class SettingsPanel {
  private readonly selects = new Map<Key, HTMLSelectElement>();
  private readonly seeds = new Map<keyof Seeds, HTMLInputElement>();
  readonly groups = new Map<string, HTMLFieldSetElement>();

  constructor(
    container: HTMLElement,
    private readonly onChange: (patch: SettingsPatch) => void,
  ) {
    const doc = container.ownerDocument;
    for (const control of CONTROLS) {
      const fieldset = this.group(container, control.group);
      const select = doc.createElement("select");
      select.id = `setting-${control.key}`;
      select.name = control.key;
      const label = doc.createElement("label");
      label.htmlFor = select.id;
      label.textContent = control.label;
      for (const choice of control.choices) select.append(option(doc, choice, control));
      select.addEventListener("change", () => {
        const raw = select.value;
        const value = typeof control.choices[0] === "number" ? Number(raw) : raw;
        this.onChange({ [control.key]: value } as SettingsPatch);
      });
      const row = doc.createElement("div");
      row.className = "control-row";
      row.append(label, select);
      fieldset.append(row);
      this.selects.set(control.key, select);
    }
    // The two seeds (seeds.ts); the transport bar's New data and New weights draw new ones.
    const training = this.group(container, "Training");
    for (const [key, text] of SEED_INPUTS) {
      const input = doc.createElement("input");
      input.type = "number";
      input.id = `setting-${key}`;
      input.min = "0";
      input.max = String(SEED_MAX);
      input.step = "1";
      input.addEventListener("change", () => {
        const v = seedKind.parse(input.value);
        if (!(v instanceof Error)) this.onChange({ [key]: v });
      });
      const label = doc.createElement("label");
      label.htmlFor = input.id;
      label.textContent = text;
      const row = doc.createElement("div");
      row.className = "control-row";
      row.append(label, input);
      training.append(row);
      this.seeds.set(key, input);
    }
  }

  /** Shows `s` in every control. */
  render(s: Settings): void {
    for (const control of CONTROLS) {
      const select = this.selects.get(control.key);
      if (!select) continue;
      const value = String(s[control.key]);
      // A URL may carry a value the menu does not list (e.g. η = 0.05): show it as an option.
      if (![...select.options].some((o) => o.value === value)) {
        select.append(option(select.ownerDocument, s[control.key], control));
      }
      select.value = value;
    }
    const allowed = catalogue.costsAllowedAfter(s.output);
    for (const o of this.selects.get("cost")?.options ?? []) {
      o.disabled = !allowed.includes(o.value as (typeof COSTS)[number]);
    }
    const [fewest, most] = sampleRange(s.dataset);
    for (const o of this.selects.get("samples")?.options ?? []) {
      o.disabled = Number(o.value) < fewest || Number(o.value) > most;
    }
    showClasses(this.selects.get("classes"), s);
    // The digits have no noise setting.
    const noise = this.selects.get("noise");
    if (noise) noise.disabled = !dataSource(s.dataset).noise;
    // Your own points are as many as they are: the samples menu does not apply to them.
    const samples = this.selects.get("samples");
    if (samples) samples.disabled = dataSource(s.dataset).load.from === "points";
    for (const [key, input] of this.seeds) {
      if (input.value !== String(s[key])) input.value = String(s[key]);
    }
  }

  private group(container: HTMLElement, name: string): HTMLFieldSetElement {
    let fieldset = this.groups.get(name);
    if (!fieldset) {
      const doc = container.ownerDocument;
      fieldset = doc.createElement("fieldset");
      const legend = doc.createElement("legend");
      legend.textContent = name;
      fieldset.append(legend);
      container.append(fieldset);
      this.groups.set(name, fieldset);
    }
    return fieldset;
  }
}

/** The Classes menu: shown for a set that allows several, its other counts disabled. */
function showClasses(select: HTMLSelectElement | undefined, s: Settings): void {
  if (!select?.parentElement) return;
  const [fewest, most] = dataSource(s.dataset).info.classRange;
  select.parentElement.hidden = fewest === most;
  for (const o of select.options) o.disabled = Number(o.value) < fewest || Number(o.value) > most;
}

function option(doc: Document, v: string | number, control: SelectControl): HTMLOptionElement {
  const o = doc.createElement("option");
  o.value = String(v);
  o.textContent = control.text ? control.text(v) : (NAMES[String(v)] ?? String(v));
  return o;
}
