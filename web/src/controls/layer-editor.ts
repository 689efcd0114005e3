// Hidden layers: add or remove a layer (0 … 10) and set each one's neurons (1 … the chosen data
// source's limit, which the caller passes).

import { DEFAULT_SETTINGS, MAX_HIDDEN_LAYERS, maxNeurons } from "../state/settings.js";

export class LayerEditor {
  private readonly list: HTMLOListElement;
  private readonly add: HTMLButtonElement;
  private readonly remove: HTMLButtonElement;
  private readonly count: HTMLSpanElement;
  private current: number[] = [];
  private maxNeurons = maxNeurons(DEFAULT_SETTINGS.dataset);

  constructor(
    fieldset: HTMLElement,
    private readonly onChange: (hidden: number[]) => void,
  ) {
    const doc = fieldset.ownerDocument;
    const bar = doc.createElement("div");
    bar.className = "control-row layer-bar";
    this.count = doc.createElement("span");
    this.count.id = "hidden-layer-count";
    this.remove = button(doc, "− layer", "Remove the last hidden layer");
    this.add = button(doc, "+ layer", "Add a hidden layer");
    this.remove.addEventListener("click", () => this.onChange(this.current.slice(0, -1)));
    this.add.addEventListener("click", () =>
      this.onChange([...this.current, this.current[this.current.length - 1] ?? 4]),
    );
    bar.append(this.count, this.remove, this.add);
    this.list = doc.createElement("ol");
    this.list.className = "layer-list";
    fieldset.append(bar, this.list);
  }

  render(hidden: readonly number[], maxNeurons: number): void {
    const doc = this.list.ownerDocument;
    this.maxNeurons = maxNeurons;
    this.count.textContent = `${hidden.length} hidden layer${hidden.length === 1 ? "" : "s"}`;
    this.add.disabled = hidden.length >= MAX_HIDDEN_LAYERS;
    this.remove.disabled = hidden.length === 0;
    if (hidden.length !== this.current.length) {
      this.list.replaceChildren(
        ...hidden.map((_, i) => {
          const item = doc.createElement("li");
          const input = doc.createElement("input");
          input.type = "number";
          input.min = "1";
          input.max = String(this.maxNeurons);
          input.step = "1";
          input.id = `hidden-layer-${i + 1}`;
          const label = doc.createElement("label");
          label.htmlFor = input.id;
          label.textContent = `Neurons in layer l = ${i + 2}`;
          input.addEventListener("change", () => {
            const v = Number(input.value);
            if (Number.isInteger(v) && v >= 1 && v <= this.maxNeurons) {
              const next = [...this.current];
              next[i] = v;
              this.onChange(next);
            } else {
              input.value = String(this.current[i] ?? 1);
            }
          });
          item.append(label, input);
          return item;
        }),
      );
    }
    hidden.forEach((n, i) => {
      const input = this.list.children[i]?.querySelector("input");
      if (input) input.max = String(maxNeurons);
      if (input && input.value !== String(n)) input.value = String(n);
    });
    this.current = [...hidden];
  }
}

function button(doc: Document, text: string, name: string): HTMLButtonElement {
  const b = doc.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", name);
  return b;
}
