// DEVELOPMENT ONLY (deleted once backprop-stepper.ts lands): every number of a trace in one
// table, each value with data-path and data-value as the stepper's contract says.

import type { BackpropInput } from "./backprop-input.js";

export class TraceTable {
  readonly element: HTMLElement;

  constructor(container: HTMLElement) {
    this.element = container.ownerDocument.createElement("div");
    this.element.className = "backprop-dev-table";
    container.append(this.element);
  }

  show(input: BackpropInput): void {
    const doc = this.element.ownerDocument;
    const table = doc.createElement("table");
    const row = (path: string, values: Float32Array | number | undefined) => {
      if (values === undefined) return;
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.textContent = path;
      const td = doc.createElement("td");
      const list = typeof values === "number" ? [values] : [...values];
      list.forEach((v, i) => {
        const span = doc.createElement("span");
        span.dataset.path = typeof values === "number" ? path : `${path}[${i}]`;
        span.dataset.value = String(v);
        span.textContent = `${v.toPrecision(4)} `;
        td.append(span);
      });
      tr.append(th, td);
      table.append(tr);
    };
    const t = input.trace;
    row("input", t.input);
    row("target", t.target);
    row("cost", t.cost);
    t.layers.forEach((l, i) => {
      const p = `layers[${i}]`;
      row(`${p}.weights`, l.weights);
      row(`${p}.biases`, l.biases);
      row(`${p}.z`, l.z);
      row(`${p}.a`, l.a);
      row(`${p}.activationDerivative`, l.activationDerivative);
      row(`${p}.outputJacobian`, l.outputJacobian);
      row(`${p}.costGradient`, l.costGradient);
      row(`${p}.weightedError`, l.weightedError);
      row(`${p}.delta`, l.delta);
      row(`${p}.biasGradient`, l.biasGradient);
      row(`${p}.weightGradient`, l.weightGradient);
    });
    (t.updated ?? []).forEach((u, i) => {
      row(`updated[${i}].weights`, u.weights);
      row(`updated[${i}].biases`, u.biases);
    });
    row("costAfter", t.costAfter);
    this.element.replaceChildren(table);
  }

  clear(message: string): void {
    this.element.textContent = message;
  }
}
