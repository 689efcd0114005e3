// The network diagram's input column, as TensorFlow Playground has it: one toggle per input
// feature (catalogue.features: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂) for plane data sets; the
// chosen ones are the network's inputs a¹ (settings.features, the URL key `features`). At least
// one stays on. The state logic is pure (toggledFeatures); FeatureToggles draws the buttons.

import { catalogue, type FeatureName } from "gradscope";

export type ToggleResult = { ok: true; features: FeatureName[] } | { ok: false; message: string };

/**
 * The features after toggling `name` in `current`: added (in the catalogue's order, so a link
 * names them the same way whatever the clicks' order) or removed; the last one cannot go.
 */
export function toggledFeatures(current: readonly FeatureName[], name: FeatureName): ToggleResult {
  const on = new Set(current);
  if (on.has(name)) {
    if (on.size === 1) {
      return { ok: false, message: `${label(name)} is the only input: turn another one on first.` };
    }
    on.delete(name);
  } else on.add(name);
  return { ok: true, features: catalogue.features.map((f) => f.name).filter((f) => on.has(f)) };
}

/** The feature's label, e.g. "x₁²". */
export function label(name: FeatureName): string {
  return catalogue.features.find((f) => f.name === name)?.label ?? name;
}

/** The toggles' sentence for a screen reader and the card: which inputs the network has. */
export function inputsSentence(features: readonly FeatureName[]): string {
  const n = features.length;
  return `The network's ${n} input${n === 1 ? "" : "s"}: ${features.map(label).join(", ")}.`;
}

export class FeatureToggles {
  readonly root: HTMLElement;
  private readonly buttons = new Map<FeatureName, HTMLButtonElement>();
  private readonly message: HTMLElement;
  private current: FeatureName[] = [];

  constructor(
    doc: Document,
    private readonly onChange: (features: FeatureName[]) => void,
  ) {
    this.root = doc.createElement("div");
    this.root.className = "feature-toggles";
    this.root.setAttribute("role", "group");
    this.root.setAttribute("aria-label", "Input features (the network's inputs)");
    const title = doc.createElement("span");
    title.className = "feature-toggles-title";
    title.textContent = "Inputs";
    this.root.append(title);
    for (const f of catalogue.features) {
      const b = doc.createElement("button");
      b.type = "button";
      b.className = "feature-toggle";
      b.dataset.feature = f.name;
      b.textContent = f.label;
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => this.toggle(f.name));
      this.buttons.set(f.name, b);
      this.root.append(b);
    }
    this.message = doc.createElement("p");
    this.message.className = "feature-toggles-message";
    this.message.setAttribute("aria-live", "polite");
    this.root.append(this.message);
  }

  /** Shows the settings' features; `applies`: the data set takes features (a plane set). */
  render(features: readonly FeatureName[], applies: boolean): void {
    this.root.hidden = !applies;
    this.current = [...features];
    for (const [name, b] of this.buttons) {
      const on = features.includes(name);
      b.setAttribute("aria-pressed", String(on));
      b.title = on
        ? `${label(name)} is an input: click to remove it`
        : `Add ${label(name)} as an input`;
    }
    this.message.textContent = "";
  }

  private toggle(name: FeatureName): void {
    const next = toggledFeatures(this.current, name);
    if (!next.ok) {
      this.message.textContent = next.message;
      return;
    }
    this.message.textContent = "";
    this.onChange(next.features);
  }
}
