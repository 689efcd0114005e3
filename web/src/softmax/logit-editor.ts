// The logits z_1 … z_n as rows: a slider (drag, arrow keys) and a text field (type any value in
// −LOGIT_LIMIT … LOGIT_LIMIT, e.g. 12 beyond the slider, which then widens), kept in sync, with
// a message beside the field naming a bad value; beside each row the probability a_i as a bar.

import { LOGIT_LIMIT, LOGIT_SLIDER, readLogitText } from "./softmax-state.js";
import { markValue } from "./number-cell.js";
import { probabilityTexts, subscript } from "./softmax-text.js";

interface Row {
  item: HTMLLIElement;
  slider: HTMLInputElement;
  field: HTMLInputElement;
  message: HTMLElement;
  fill: HTMLElement;
  value: HTMLElement;
}

/** Slider half-range: LOGIT_SLIDER, widened to the next multiple of 10 to hold a typed value. */
export function sliderRange(v: number): number {
  const size = Math.abs(v);
  return size <= LOGIT_SLIDER ? LOGIT_SLIDER : Math.min(LOGIT_LIMIT, Math.ceil(size / 10) * 10);
}

export class LogitEditor {
  readonly element: HTMLElement;
  private rows: Row[] = [];

  constructor(
    container: HTMLElement,
    private readonly onChange: (j: number, value: number) => void,
  ) {
    this.element = container.ownerDocument.createElement("ol");
    this.element.className = "logit-rows";
    this.element.setAttribute("aria-label", "Logits z and their probabilities a = softmax(z)");
    container.append(this.element);
  }

  /** Shows these logits (rebuilding the rows when their number changed). */
  setLogits(logits: readonly number[]): void {
    if (this.rows.length !== logits.length) {
      this.rows = logits.map((_, i) => this.row(i));
      this.element.replaceChildren(...this.rows.map((r) => r.item));
    }
    logits.forEach((v, i) => {
      const row = this.rows[i];
      if (row) this.showLogit(row, v, true);
    });
  }

  /** The probabilities a (from the package) as bars with their values. */
  showProbabilities(p: ArrayLike<number>): void {
    const texts = probabilityTexts(p);
    this.rows.forEach((row, i) => {
      const v = p[i] as number;
      // CSSOM, not a style attribute: the strict CSP allows it.
      row.fill.style.width = `${Math.max(0, Math.min(1, v)) * 100}%`;
      markValue(row.value, `a[${i}]`, v, texts[i]);
    });
  }

  private row(i: number): Row {
    const doc = this.element.ownerDocument;
    const li = doc.createElement("li");
    li.className = "logit-row";
    const id = `softmax-z-${i + 1}`;
    const label = doc.createElement("label");
    label.htmlFor = id;
    label.className = "logit-name";
    label.textContent = `z${subscript(i + 1)}`;
    const slider = doc.createElement("input");
    slider.type = "range";
    slider.step = "0.1";
    slider.className = "logit-slider";
    slider.setAttribute("aria-label", `logit z${subscript(i + 1)} (slider)`);
    const field = doc.createElement("input");
    // Text, not type=number: a bad entry stays visible so the message can name it.
    field.type = "text";
    field.inputMode = "decimal";
    field.id = id;
    field.className = "logit-field";
    field.autocomplete = "off";
    const message = doc.createElement("span");
    message.className = "field-message";
    message.id = `${id}-message`;
    message.setAttribute("aria-live", "polite");
    const bar = doc.createElement("div");
    bar.className = "prob-bar";
    bar.setAttribute("aria-hidden", "true");
    const fill = doc.createElement("div");
    fill.className = "prob-fill";
    bar.append(fill);
    const probability = doc.createElement("span");
    probability.className = "prob";
    const name = doc.createElement("span");
    name.className = "prob-name";
    name.textContent = `a${subscript(i + 1)} = `;
    const value = doc.createElement("span");
    value.className = "prob-value";
    probability.append(name, value);
    const control = doc.createElement("div");
    control.className = "logit-control";
    control.append(label, slider, field);
    const shown = doc.createElement("div");
    shown.className = "logit-probability";
    shown.append(bar, probability);
    li.append(control, message, shown);
    const row: Row = { item: li, slider, field, message, fill, value };
    slider.addEventListener("input", () => {
      const v = Number(slider.value);
      this.showLogit(row, v, true);
      this.onChange(i, v);
    });
    // Each keystroke that makes a good value applies it; the message waits for Enter or leaving
    // the field, so that "−" on the way to "−2" is not called bad.
    field.addEventListener("input", () => {
      const v = readLogitText(field.value);
      if (v instanceof Error) return;
      this.clearMessage(row);
      this.showLogit(row, v, false);
      this.onChange(i, v);
    });
    field.addEventListener("change", () => {
      const v = readLogitText(field.value);
      if (v instanceof Error) this.setMessage(row, `z${subscript(i + 1)}: ${v.message}`);
    });
    return row;
  }

  private showLogit(row: Row, v: number, rewriteField: boolean): void {
    const range = sliderRange(v);
    row.slider.min = String(-range);
    row.slider.max = String(range);
    row.slider.value = String(v);
    row.slider.setAttribute("aria-valuetext", String(v));
    if (rewriteField) {
      const current = readLogitText(row.field.value);
      if (current instanceof Error || current !== v) row.field.value = String(v);
      this.clearMessage(row);
    }
  }

  private setMessage(row: Row, text: string): void {
    row.message.textContent = text;
    row.field.setAttribute("aria-invalid", "true");
    row.field.setAttribute("aria-describedby", row.message.id);
  }

  private clearMessage(row: Row): void {
    row.message.textContent = "";
    row.field.removeAttribute("aria-invalid");
    row.field.removeAttribute("aria-describedby");
  }
}
