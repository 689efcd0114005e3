// The chain's neurons as rows of controls: w_j and b_j each as a slider (drag) and a number field
// (type any value, e.g. Nielsen's w = 100), with the neuron's live z_j, a_j and σ'(z_j).

import type { ChainNeuron } from "gradscope";
import { formatNumber } from "../views/number-format.js";
import { chainEditorLabels } from "./chain-editor-labels.js";
import type { ChainActivation } from "./chain-state.js";

export type ParameterKind = "w" | "b";

/** Slider half-range: at least `base`, widened to hold a value typed or set by a preset. */
function sliderRange(value: number, base: number): number {
  const a = Math.abs(value);
  if (a <= base) return base;
  const pow = 10 ** Math.floor(Math.log10(a));
  return Math.ceil(a / pow) * pow;
}

interface ParameterControl {
  slider: HTMLInputElement;
  field: HTMLInputElement;
  base: number;
}

interface Row {
  w: ParameterControl;
  b: ParameterControl;
  z: HTMLElement;
  a: HTMLElement;
  sigmaPrime: HTMLElement;
}

export class ChainEditor {
  private readonly table: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLTableCaptionElement;
  private readonly headings: HTMLTableCellElement[];
  private rows: Row[] = [];

  constructor(
    container: HTMLElement,
    private readonly onChange: (kind: ParameterKind, j: number, value: number) => void,
  ) {
    const doc = container.ownerDocument;
    this.table = doc.createElement("table");
    this.table.className = "chain-editor";
    this.caption = doc.createElement("caption");
    const head = doc.createElement("thead");
    const hr = doc.createElement("tr");
    this.headings = chainEditorLabels("sigmoid").columns.map(() => {
      const th = doc.createElement("th");
      th.scope = "col";
      hr.append(th);
      return th;
    });
    head.append(hr);
    this.body = doc.createElement("tbody");
    this.table.append(this.caption, head, this.body);
    container.append(this.table);
    this.setActivation("sigmoid");
  }

  /** Names the caption's activation and the derivative column after the chain's activation. */
  setActivation(activation: ChainActivation): void {
    const labels = chainEditorLabels(activation);
    this.caption.textContent = labels.caption;
    labels.columns.forEach((text, i) => {
      const th = this.headings[i];
      if (th && th.textContent !== text) th.textContent = text;
    });
  }

  /** Rebuilds the rows for these parameters (call when the neuron count changes or a preset is applied). */
  setParameters(w: readonly number[], b: readonly number[]): void {
    const doc = this.table.ownerDocument;
    if (this.rows.length !== w.length) {
      this.body.replaceChildren();
      this.rows = w.map((_, i) => {
        const j = i + 1;
        const tr = doc.createElement("tr");
        const th = doc.createElement("th");
        th.scope = "row";
        th.textContent = String(j);
        const wc = this.parameterControl(doc, "w", j, 3);
        const bc = this.parameterControl(doc, "b", j, 5);
        const cell = (control: ParameterControl) => {
          const td = doc.createElement("td");
          const wrap = doc.createElement("div");
          wrap.className = "parameter";
          wrap.append(control.slider, control.field);
          td.append(wrap);
          return td;
        };
        const readout = () => {
          const td = doc.createElement("td");
          td.className = "readout";
          return td;
        };
        const z = readout();
        const a = readout();
        const sp = readout();
        tr.append(th, cell(wc), cell(bc), z, a, sp);
        this.body.append(tr);
        return { w: wc, b: bc, z, a, sigmaPrime: sp };
      });
    }
    this.rows.forEach((row, i) => {
      this.show(row.w, w[i] ?? 0);
      this.show(row.b, b[i] ?? 0);
    });
  }

  /** The live values of every neuron after a change. */
  showNeurons(neurons: readonly ChainNeuron[], maxDerivative: number): void {
    neurons.forEach((n, i) => {
      const row = this.rows[i];
      if (!row) return;
      row.z.textContent = formatNumber(n.z);
      row.a.textContent = formatNumber(n.a);
      row.sigmaPrime.textContent = formatNumber(n.sigmaPrime);
      // Saturated: σ' below 1% of its ceiling, the unit passes almost nothing back.
      row.sigmaPrime.classList.toggle("saturated", n.sigmaPrime < 0.01 * maxDerivative);
    });
  }

  private parameterControl(
    doc: Document,
    kind: ParameterKind,
    j: number,
    base: number,
  ): ParameterControl {
    const name = kind === "w" ? `weight w_${j}` : `bias b_${j}`;
    const slider = doc.createElement("input");
    slider.type = "range";
    slider.step = "0.01";
    slider.setAttribute("aria-label", `${name} (slider)`);
    slider.className = `chain-${kind}-slider`;
    const field = doc.createElement("input");
    field.type = "number";
    field.step = "any";
    field.setAttribute("aria-label", name);
    field.className = `chain-${kind}-field`;
    const control = { slider, field, base };
    slider.addEventListener("input", () => {
      const v = Number(slider.value);
      field.value = String(v);
      this.onChange(kind, j, v);
    });
    field.addEventListener("change", () => {
      const v = Number(field.value);
      if (field.value.trim() === "" || !Number.isFinite(v)) return;
      this.show(control, v);
      this.onChange(kind, j, v);
    });
    return control;
  }

  private show(c: ParameterControl, v: number): void {
    const range = sliderRange(v, c.base);
    c.slider.min = String(-range);
    c.slider.max = String(range);
    c.slider.value = String(v);
    if (Number(c.field.value) !== v || c.field.value === "") c.field.value = String(v);
  }
}
