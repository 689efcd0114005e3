// The network's output for a drawn digit as one bar per output unit, with its value written
// beside it; the title says what the values are (softmax probabilities, or the output's own
// activations), computed from the settings by drawn-digit.ts.

import type { ActivationName } from "gradscope";
import { argmax, barFractions, barLabel, outputBarsTitle } from "../model/drawn-digit.js";

export class OutputBars {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly list: HTMLOListElement;

  constructor(doc: Document) {
    this.element = doc.createElement("figure");
    this.element.className = "output-bars";
    this.title = doc.createElement("figcaption");
    this.list = doc.createElement("ol");
    this.list.start = 0;
    this.element.append(this.title, this.list);
  }

  /** Shows `values` (one per output unit) under `output`'s name; null: nothing drawn yet. */
  show(output: ActivationName, values: Float32Array | null): void {
    this.title.textContent = outputBarsTitle(output);
    const doc = this.element.ownerDocument;
    this.list.replaceChildren();
    if (!values) return;
    const fractions = barFractions(output, values);
    const best = argmax(values);
    for (const [j, v] of values.entries()) {
      const item = doc.createElement("li");
      item.classList.toggle("best", j === best);
      item.setAttribute("aria-label", barLabel(output, j, v));
      item.dataset.value = String(v);
      const digit = doc.createElement("span");
      digit.className = "bar-digit";
      digit.textContent = String(j);
      const track = doc.createElement("span");
      track.className = "bar-track";
      const fill = doc.createElement("span");
      fill.className = "bar-fill";
      fill.style.width = `${(100 * (fractions[j] ?? 0)).toFixed(1)}%`;
      track.append(fill);
      const value = doc.createElement("span");
      value.className = "bar-value";
      value.textContent = Number.isFinite(v) ? v.toFixed(3) : "—";
      item.append(digit, track, value);
      this.list.append(item);
    }
  }
}
