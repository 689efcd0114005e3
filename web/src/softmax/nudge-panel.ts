// The nudge: pick logit j and a step h; a table shows, per class, the actual change
// Δaᵢ = softmax(z + h eⱼ)ᵢ − softmax(z)ᵢ beside the linear prediction Jᵢⱼ·h and their
// difference, with the equation typeset with the current j and h and a sentence on how the
// error shrinks (like h²).

import { typeset } from "../math/typeset.js";
import type { NudgeComparison } from "./linear-nudge.js";
import { texNumber, valueCell } from "./number-cell.js";
import { NUDGE_LIMIT, NUDGE_SLIDER, readStepText, type Nudge } from "./softmax-state.js";
import { subscript } from "./softmax-text.js";

export class NudgePanel {
  private readonly logit: HTMLSelectElement;
  private readonly slider: HTMLInputElement;
  private readonly field: HTMLInputElement;
  private readonly message: HTMLElement;
  private readonly equation: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLElement;
  private n = 0;

  constructor(
    container: HTMLElement,
    private readonly onChange: (nudge: Nudge) => void,
  ) {
    const doc = container.ownerDocument;
    const controls = doc.createElement("div");
    controls.className = "softmax-controls";
    this.logit = doc.createElement("select");
    this.logit.id = "softmax-nudge-logit";
    this.slider = doc.createElement("input");
    this.slider.type = "range";
    this.slider.min = String(-NUDGE_SLIDER);
    this.slider.max = String(NUDGE_SLIDER);
    this.slider.step = "0.05";
    this.slider.setAttribute("aria-label", "step h (slider)");
    this.field = doc.createElement("input");
    this.field.type = "text";
    this.field.inputMode = "decimal";
    this.field.id = "softmax-nudge-h";
    this.field.className = "logit-field";
    this.field.autocomplete = "off";
    this.message = doc.createElement("span");
    this.message.className = "field-message";
    this.message.id = "softmax-nudge-h-message";
    this.message.setAttribute("aria-live", "polite");
    const logitLabel = doc.createElement("label");
    logitLabel.htmlFor = this.logit.id;
    logitLabel.textContent = "Nudge logit";
    const stepLabel = doc.createElement("label");
    stepLabel.htmlFor = this.field.id;
    stepLabel.textContent = `by h (|h| ≤ ${NUDGE_LIMIT})`;
    const logitRow = doc.createElement("div");
    logitRow.className = "control-row";
    logitRow.append(logitLabel, this.logit);
    const stepRow = doc.createElement("div");
    stepRow.className = "control-row";
    stepRow.append(stepLabel, this.slider, this.field);
    controls.append(logitRow, stepRow, this.message);

    this.equation = doc.createElement("div");
    this.equation.className = "softmax-equation";
    const table = doc.createElement("table");
    table.className = "softmax-table";
    const caption = doc.createElement("caption");
    caption.textContent = "Per class i: the actual change, the prediction, and what it misses";
    const head = doc.createElement("thead");
    const hr = doc.createElement("tr");
    for (const text of ["i", "actual Δaᵢ", "Jᵢⱼ·h", "Δaᵢ − Jᵢⱼ·h"]) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = text;
      hr.append(th);
    }
    head.append(hr);
    this.body = doc.createElement("tbody");
    table.append(caption, head, this.body);
    const scroll = doc.createElement("div");
    scroll.className = "softmax-table-box";
    scroll.append(table);
    this.caption = doc.createElement("p");
    this.caption.className = "softmax-caption nudge-caption";
    container.append(controls, this.equation, scroll, this.caption);

    this.logit.addEventListener("change", () =>
      this.onChange({ j: Number(this.logit.value), h: this.currentStep() }),
    );
    this.slider.addEventListener("input", () => {
      const h = Number(this.slider.value);
      this.field.value = String(h);
      this.clearMessage();
      this.onChange({ j: Number(this.logit.value), h });
    });
    this.field.addEventListener("input", () => {
      const h = readStepText(this.field.value);
      if (h instanceof Error) return;
      this.clearMessage();
      this.onChange({ j: Number(this.logit.value), h });
    });
    this.field.addEventListener("change", () => {
      const h = readStepText(this.field.value);
      if (!(h instanceof Error)) return;
      this.message.textContent = `h: ${h.message}`;
      this.field.setAttribute("aria-invalid", "true");
      this.field.setAttribute("aria-describedby", this.message.id);
    });
  }

  /** The controls for n classes and this nudge, the comparison and its sentence. */
  show(n: number, nudge: Nudge, comparison: NudgeComparison, sentence: string): void {
    const doc = this.body.ownerDocument;
    if (n !== this.n) {
      this.n = n;
      this.logit.replaceChildren(
        ...Array.from({ length: n }, (_, k) => {
          const o = doc.createElement("option");
          o.value = String(k + 1);
          o.textContent = `z${subscript(k + 1)}`;
          return o;
        }),
      );
    }
    this.logit.value = String(nudge.j);
    this.slider.value = String(Math.max(-NUDGE_SLIDER, Math.min(NUDGE_SLIDER, nudge.h)));
    this.slider.setAttribute("aria-valuetext", String(nudge.h));
    const typed = readStepText(this.field.value);
    if (
      typed instanceof Error ? this.field.getAttribute("aria-invalid") === null : typed !== nudge.h
    ) {
      this.field.value = String(nudge.h);
    }
    const j = nudge.j;
    typeset(
      this.equation,
      // Two lines, so that the equation fits a phone's width.
      String.raw`\begin{aligned} \Delta a &= \operatorname{softmax}(z + h\,e_{${j}}) - ` +
        String.raw`\operatorname{softmax}(z) \\ &\approx J_{:,${j}}\,h, \qquad h = ${texNumber(nudge.h)}` +
        String.raw`\end{aligned}`,
      { display: true },
    );
    this.body.replaceChildren(
      ...comparison.actual.map((d, i) => {
        const tr = doc.createElement("tr");
        const th = doc.createElement("th");
        th.scope = "row";
        th.textContent = String(i + 1);
        tr.append(
          th,
          valueCell(doc, `nudge.actual[${i}]`, d),
          valueCell(doc, `nudge.linear[${i}]`, comparison.linear[i] as number),
          valueCell(doc, `nudge.error[${i}]`, comparison.error[i] as number),
        );
        return tr;
      }),
    );
    this.caption.textContent = sentence;
  }

  private currentStep(): number {
    const h = readStepText(this.field.value);
    return h instanceof Error ? Number(this.slider.value) : h;
  }

  private clearMessage(): void {
    this.message.textContent = "";
    this.field.removeAttribute("aria-invalid");
    this.field.removeAttribute("aria-describedby");
  }
}
