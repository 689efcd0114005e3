// The stepper's small network diagram: one column of neurons per layer (a wide layer as the
// evenly spaced neurons network-diagram-geometry.ts draws, labelled "16 of 784"), the neurons
// and weights the current step involves drawn dark and thick, the others pale. SVG, drawn with
// attributes (no style="" attributes, so the strict CSP has nothing to drop).

import { layoutNeurons, shownIndices } from "../views/network-diagram-geometry.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const HEIGHT = 170;

export class BackpropDiagram {
  readonly element: SVGSVGElement;

  constructor(doc: Document) {
    this.element = doc.createElementNS(SVG, "svg");
    this.element.setAttribute("class", "bp-diagram");
    this.element.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    this.element.setAttribute("role", "img");
  }

  /** Draws layers [n_1 … n_L], highlighting neurons of layers `neurons` and weights wˡ of `weights`. */
  draw(
    sizes: readonly number[],
    neurons: readonly number[],
    weights: readonly number[],
    label: string,
  ): void {
    const doc = this.element.ownerDocument;
    const columns = layoutNeurons(sizes, WIDTH, HEIGHT);
    const make = (tag: string, attrs: Record<string, string | number>) => {
      const el = doc.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
      return el;
    };
    const pale = doc.createElementNS(SVG, "g");
    const strong = doc.createElementNS(SVG, "g");
    columns.forEach((to, i) => {
      const from = columns[i - 1];
      if (!from) return;
      const l = i + 1;
      const on = weights.includes(l);
      for (const b of to) {
        for (const a of from) {
          (on ? strong : pale).append(
            make("line", {
              x1: a.x,
              y1: a.y,
              x2: b.x,
              y2: b.y,
              class: on ? "bp-weight on" : "bp-weight",
            }),
          );
        }
      }
    });
    const dots = doc.createElementNS(SVG, "g");
    columns.forEach((column, i) => {
      const l = i + 1;
      const on = neurons.includes(l);
      for (const n of column) {
        dots.append(
          make("circle", { cx: n.x, cy: n.y, r: 3.5, class: on ? "bp-neuron on" : "bp-neuron" }),
        );
      }
      const x = column[0]?.x ?? 0;
      const size = sizes[i] ?? 0;
      const shown = shownIndices(size).length;
      const text = make("text", { x, y: HEIGHT - 14, class: on ? "bp-layer on" : "bp-layer" });
      text.textContent = `l=${l}`;
      const count = make("text", { x, y: HEIGHT - 2, class: "bp-layer-size" });
      count.textContent = shown < size ? `${shown} of ${size}` : String(size);
      dots.append(text, count);
    });
    this.element.replaceChildren(pale, strong, dots);
    this.element.setAttribute("aria-label", label);
  }
}
