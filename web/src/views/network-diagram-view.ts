// View 6: the network as neurons and connections. A connection's colour is the sign of its
// weight (blue +, vermillion −) and its width the weight's size; a neuron's ring shows its bias
// the same way. Hovering, a tap, or the keyboard (roving selection over neurons and weights, see
// keyboardStep) names the weight or bias with its value and its gradient ∂C/∂w or ∂C/∂b; the
// readout is recomputed from every snapshot (network-diagram-readout.ts). A layer wider than
// MAX_SHOWN (MNIST's 784 inputs, a 100-unit layer) is drawn as MAX_SHOWN evenly spaced neurons,
// labelled "16 of 784", and only the connections between drawn neurons are drawn. The layout maths
// is network-diagram-geometry.ts.

import type { LayerSnapshot } from "../model/protocol.js";
import {
  DIAGRAM_KEYS,
  diagramHeight,
  hitTarget,
  keyboardStep,
  layoutNeurons,
  neuronRadius,
  type Neuron,
  type Target,
  weightWidth,
  widestShown,
} from "./network-diagram-geometry.js";
import {
  DIAGRAM_KEY_HELP,
  diagramLabel,
  NOTHING_SELECTED,
  readoutText,
  targetExists,
} from "./network-diagram-readout.js";
import { FOCUS_COLOUR, SIGN_COLOURS } from "./palette.js";
import { swatchLegend } from "./swatch-legend.js";

export class NetworkDiagramView {
  private readonly canvas: HTMLCanvasElement;
  private readonly info: HTMLElement;
  private sizes: number[] = [];
  private layers: LayerSnapshot[] = [];
  private neurons: Neuron[][] = [];
  private target: Target | null = null;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.canvas = doc.createElement("canvas");
    this.canvas.className = "network-canvas";
    this.canvas.tabIndex = 0;
    // An interactive widget with its own keys (not a static image): screen readers pass the
    // arrow keys through, and the label names the selection.
    this.canvas.setAttribute("role", "application");
    this.canvas.setAttribute("aria-roledescription", "network diagram");
    this.canvas.setAttribute("aria-label", diagramLabel(NOTHING_SELECTED));
    this.info = doc.createElement("p");
    this.info.className = "diagram-info";
    this.info.setAttribute("aria-live", "polite");
    this.info.textContent = NOTHING_SELECTED;
    const keys = doc.createElement("p");
    keys.className = "diagram-keys";
    keys.id = `${container.id || "network"}-diagram-keys`;
    keys.textContent = DIAGRAM_KEY_HELP;
    this.canvas.setAttribute("aria-describedby", keys.id);
    container.append(
      this.canvas,
      this.info,
      keys,
      swatchLegend(
        doc,
        [
          [SIGN_COLOURS.positive, "positive weight / bias"],
          [SIGN_COLOURS.negative, "negative weight / bias"],
          [SIGN_COLOURS.notANumber, "not a number (training diverged)"],
        ],
        "line width and ring width: size |w|, |b|",
      ),
    );
    // A mouse selects what it hovers; a finger or a pen what it taps (a touch fires no hover,
    // and its pointerleave follows every lift, so only a mouse leaving clears the selection).
    this.canvas.addEventListener("pointermove", (e) => {
      if (e.pointerType === "mouse") this.onPointer(e);
    });
    this.canvas.addEventListener("pointerdown", (e) => this.onPointer(e));
    this.canvas.addEventListener("pointerleave", (e) => {
      if (e.pointerType === "mouse") this.select(null);
    });
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    // Redraws at the new size; the view lives as long as the page, so nothing disconnects it.
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** The layer sizes [n_1 … n_L] and the weighted layers l = 2 … L. */
  update(sizes: number[], layers: LayerSnapshot[]): void {
    this.sizes = sizes;
    this.layers = layers;
    if (this.target && !targetExists(this.target, sizes, layers)) this.target = null;
    this.draw();
    this.describe();
  }

  private draw(): void {
    const parent = this.canvas.parentElement;
    if (!parent || this.sizes.length === 0) return;
    const width = Math.max(240, parent.clientWidth);
    const widest = widestShown(this.sizes);
    const height = diagramHeight(widest);
    const ratio = this.canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
    if (
      this.canvas.width !== Math.round(width * ratio) ||
      this.canvas.height !== Math.round(height * ratio)
    ) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    this.neurons = layoutNeurons(this.sizes, width, height);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const radius = neuronRadius(widest, height);
    let selected: { a: Neuron; b: Neuron; w: number } | null = null;
    for (const snap of this.layers) {
      const to = this.neurons[snap.layer - 1] ?? [];
      const from = this.neurons[snap.layer - 2] ?? [];
      for (const b of to) {
        for (const a of from) {
          const r = b.index - 1;
          const c = a.index - 1;
          const w = snap.weights[r * snap.cols + c] ?? 0;
          if (this.isTarget({ kind: "weight", layer: snap.layer, row: r, col: c })) {
            selected = { a, b, w };
            continue;
          }
          ctx.strokeStyle = signColour(w);
          ctx.globalAlpha = 0.75;
          ctx.lineWidth = weightWidth(w);
          line(ctx, a, b);
        }
      }
    }
    if (selected) {
      // On top of the others: a halo in the focus colour (never a sign's colour), then the line.
      const { a, b, w } = selected;
      ctx.globalAlpha = 1;
      ctx.strokeStyle = FOCUS_COLOUR;
      ctx.lineWidth = weightWidth(w) + 6;
      line(ctx, a, b);
      ctx.strokeStyle = "#fff";
      ctx.lineWidth = weightWidth(w) + 2;
      line(ctx, a, b);
      ctx.strokeStyle = signColour(w);
      ctx.lineWidth = weightWidth(w);
      line(ctx, a, b);
    }
    ctx.globalAlpha = 1;
    ctx.font = "12px system-ui, sans-serif";
    ctx.textAlign = "center";
    this.neurons.forEach((column, i) => {
      const snap = this.layers[i - 1];
      for (const n of column) {
        const bias = snap?.biases[n.index - 1];
        ctx.beginPath();
        ctx.arc(n.x, n.y, radius, 0, 2 * Math.PI);
        ctx.fillStyle = "#fff";
        ctx.fill();
        ctx.lineWidth =
          bias === undefined || !Number.isFinite(bias) ? 1.5 : Math.min(5, 1 + Math.abs(bias));
        ctx.strokeStyle = bias === undefined ? "#444" : signColour(bias);
        ctx.stroke();
        if (this.isTarget({ kind: "neuron", layer: n.layer, index: n.index })) {
          ctx.lineWidth = 2.5;
          ctx.strokeStyle = FOCUS_COLOUR;
          ctx.beginPath();
          ctx.arc(n.x, n.y, radius + 4, 0, 2 * Math.PI);
          ctx.stroke();
        }
      }
      const x = column[0]?.x ?? 0;
      const L = this.neurons.length;
      const name = i === 0 ? "input" : i === L - 1 ? "output" : "";
      ctx.fillStyle = "#222";
      ctx.fillText(name ? `l=${i + 1} ${name}` : `l=${i + 1}`, x, height - 16);
      const size = this.sizes[i] ?? 0;
      ctx.fillStyle = "#555";
      ctx.fillText(column.length < size ? `${column.length} of ${size}` : `${size}`, x, height - 3);
    });
  }

  private onPointer(e: PointerEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    this.select(this.hit(e.clientX - rect.left, e.clientY - rect.top));
  }

  private hit(x: number, y: number): Target | null {
    const radius = neuronRadius(widestShown(this.sizes), this.canvas.clientHeight);
    const weighted = this.layers.map((snap) => snap.layer);
    return hitTarget(this.neurons, weighted, radius, x, y);
  }

  private onKey(e: KeyboardEvent): void {
    if (!DIAGRAM_KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = keyboardStep(this.sizes, this.target, e.key);
    if (!next) return;
    e.preventDefault();
    this.select(next);
  }

  private select(target: Target | null): void {
    const same = JSON.stringify(target) === JSON.stringify(this.target);
    this.target = target;
    if (!same) {
      this.draw();
      this.describe();
    }
  }

  /** The readout and the canvas's accessible name, from the network just drawn. */
  private describe(): void {
    const text = readoutText(this.target, this.sizes, this.layers);
    if (this.info.textContent !== text) this.info.textContent = text;
    this.canvas.setAttribute("aria-label", diagramLabel(text));
  }

  private isTarget(t: Target): boolean {
    const s = this.target;
    if (!s || s.kind !== t.kind || s.layer !== t.layer) return false;
    if (s.kind === "neuron" && t.kind === "neuron") return s.index === t.index;
    if (s.kind === "weight" && t.kind === "weight") return s.row === t.row && s.col === t.col;
    return false;
  }
}

/** Blue for +, vermillion for −, grey for a value a diverged run left not a number (NaN). */
function signColour(v: number): string {
  if (Number.isNaN(v)) return SIGN_COLOURS.notANumber;
  return v >= 0 ? SIGN_COLOURS.positive : SIGN_COLOURS.negative;
}

function line(ctx: CanvasRenderingContext2D, a: Neuron, b: Neuron): void {
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
}
