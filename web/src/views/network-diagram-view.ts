// View 6: the network as neurons and connections. A connection's colour is the sign of its
// weight (blue +, vermillion −) and its width the weight's size; a neuron's ring shows its bias
// the same way. Hovering (or selecting with the arrow keys) names the weight or bias with its
// value and its gradient ∂C/∂w or ∂C/∂b. A layer wider than MAX_SHOWN (MNIST's 784 inputs, a
// 100-unit layer) is drawn as MAX_SHOWN evenly spaced neurons, labelled "16 of 784", and only
// the connections between drawn neurons are drawn.

import type { LayerSnapshot } from "../model/protocol.js";
import { formatNumber } from "./number-format.js";
import { SIGN_COLOURS } from "./palette.js";
import { swatchLegend } from "./swatch-legend.js";

interface Neuron {
  layer: number; // l = 1 … L
  index: number; // j, 1-based as in the seed
  x: number;
  y: number;
}

type Target =
  | { kind: "neuron"; layer: number; index: number }
  | { kind: "weight"; layer: number; row: number; col: number };

const PAD_X = 36;
const PAD_TOP = 12;
const PAD_BOTTOM = 28;
/** The most neurons drawn per layer: 16 × 16 connections per layer pair at most. */
export const MAX_SHOWN = 16;

/** The 0-based indices of the neurons drawn for a layer of n: all, or MAX_SHOWN evenly spaced. */
export function shownIndices(n: number): number[] {
  if (n <= MAX_SHOWN) return Array.from({ length: n }, (_, j) => j);
  return Array.from({ length: MAX_SHOWN }, (_, k) => Math.round((k * (n - 1)) / (MAX_SHOWN - 1)));
}

export class NetworkDiagramView {
  private readonly canvas: HTMLCanvasElement;
  private readonly info: HTMLElement;
  private sizes: number[] = [];
  private layers: LayerSnapshot[] = [];
  private neurons: Neuron[][] = [];
  private target: Target | null = null;
  private readonly observer: ResizeObserver;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.canvas = doc.createElement("canvas");
    this.canvas.className = "network-canvas";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute(
      "aria-label",
      "Network diagram. Use the arrow keys to select a neuron and read its bias and gradient.",
    );
    this.info = doc.createElement("p");
    this.info.className = "diagram-info";
    this.info.setAttribute("aria-live", "polite");
    this.info.textContent =
      "Hover over a neuron or a connection (or focus here and use the arrow keys).";
    container.append(
      this.canvas,
      this.info,
      swatchLegend(
        doc,
        [
          [SIGN_COLOURS.positive, "positive weight / bias"],
          [SIGN_COLOURS.negative, "negative weight / bias"],
        ],
        "line width and ring width: size |w|, |b|",
      ),
    );
    this.canvas.addEventListener("pointermove", (e) => this.onPointer(e));
    this.canvas.addEventListener("pointerleave", () => this.select(null));
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(container);
  }

  /** The layer sizes [n_1 … n_L] and the weighted layers l = 2 … L. */
  update(sizes: number[], layers: LayerSnapshot[]): void {
    this.sizes = sizes;
    this.layers = layers;
    if (this.target && !this.exists(this.target)) this.target = null;
    this.draw();
    this.describe();
  }

  dispose(): void {
    this.observer.disconnect();
  }

  private layout(width: number, height: number): Neuron[][] {
    const L = this.sizes.length;
    return this.sizes.map((n, i) => {
      const x = L > 1 ? PAD_X + (i * (width - 2 * PAD_X)) / (L - 1) : width / 2;
      const span = height - PAD_TOP - PAD_BOTTOM;
      const shown = shownIndices(n);
      return shown.map((j, k) => ({
        layer: i + 1,
        index: j + 1,
        x,
        y: PAD_TOP + ((k + 0.5) * span) / shown.length,
      }));
    });
  }

  private draw(): void {
    const parent = this.canvas.parentElement;
    if (!parent || this.sizes.length === 0) return;
    const width = Math.max(240, parent.clientWidth);
    const widest = this.widestShown();
    const height = Math.max(220, Math.min(520, widest * 14 + PAD_TOP + PAD_BOTTOM));
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
    this.neurons = this.layout(width, height);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const radius = neuronRadius(widest, height);
    for (const snap of this.layers) {
      const to = this.neurons[snap.layer - 1] ?? [];
      const from = this.neurons[snap.layer - 2] ?? [];
      for (const b of to) {
        for (const a of from) {
          const r = b.index - 1;
          const c = a.index - 1;
          const w = snap.weights[r * snap.cols + c] ?? 0;
          const on = this.isTarget({ kind: "weight", layer: snap.layer, row: r, col: c });
          ctx.strokeStyle = signColour(w);
          ctx.globalAlpha = on ? 1 : 0.75;
          ctx.lineWidth = on ? weightWidth(w) + 2 : weightWidth(w);
          ctx.beginPath();
          ctx.moveTo(a.x, a.y);
          ctx.lineTo(b.x, b.y);
          ctx.stroke();
        }
      }
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
          ctx.lineWidth = 2;
          ctx.strokeStyle = "#000";
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

  private widestShown(): number {
    return Math.max(...this.sizes.map((n) => Math.min(n, MAX_SHOWN)));
  }

  private hit(x: number, y: number): Target | null {
    const widest = this.widestShown();
    const radius = neuronRadius(widest, this.canvas.clientHeight);
    for (const column of this.neurons) {
      for (const n of column) {
        if ((n.x - x) ** 2 + (n.y - y) ** 2 <= (radius + 3) ** 2) {
          return { kind: "neuron", layer: n.layer, index: n.index };
        }
      }
    }
    let best: Target | null = null;
    let bestDistance = 5; // px: how close the pointer must be to a connection
    for (const snap of this.layers) {
      const to = this.neurons[snap.layer - 1] ?? [];
      const from = this.neurons[snap.layer - 2] ?? [];
      const x0 = from[0]?.x ?? 0;
      const x1 = to[0]?.x ?? 0;
      if (x < Math.min(x0, x1) || x > Math.max(x0, x1)) continue;
      for (const b of to) {
        for (const a of from) {
          const d = segmentDistance(x, y, a.x, a.y, b.x, b.y);
          if (d < bestDistance) {
            bestDistance = d;
            best = { kind: "weight", layer: snap.layer, row: b.index - 1, col: a.index - 1 };
          }
        }
      }
    }
    return best;
  }

  private onKey(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const move = moves[e.key];
    if (!move || this.sizes.length === 0) return;
    e.preventDefault();
    // Moves between drawn neurons: up and down along a column, sideways to the same position.
    const current =
      this.target?.kind === "neuron"
        ? this.target
        : { kind: "neuron" as const, layer: 1, index: 0 };
    const layer = clamp(current.layer + move[0], 1, this.sizes.length);
    const before = shownIndices(this.sizes[current.layer - 1] ?? 1);
    const shown = shownIndices(this.sizes[layer - 1] ?? 1);
    const position = current.index === 0 ? -1 : before.indexOf(current.index - 1);
    const next = clamp(position + move[1], 0, shown.length - 1);
    this.select({ kind: "neuron", layer, index: (shown[next] ?? 0) + 1 });
  }

  private select(target: Target | null): void {
    const same = JSON.stringify(target) === JSON.stringify(this.target);
    this.target = target;
    if (!same) {
      this.draw();
      this.describe();
    }
  }

  private describe(): void {
    const t = this.target;
    if (!t) return;
    if (t.kind === "neuron") {
      const snap = this.layers[t.layer - 2];
      if (!snap) {
        this.info.textContent = `Input neuron x${t.index} (layer l = 1): no weights or bias.`;
        return;
      }
      const b = snap.biases[t.index - 1] ?? NaN;
      const g = snap.biasGradients[t.index - 1] ?? NaN;
      this.info.textContent = `Neuron ${t.index} of layer l = ${t.layer}: bias b = ${formatNumber(b)}, ∂C/∂b = ${formatNumber(g)}`;
      return;
    }
    const snap = this.layers[t.layer - 2];
    if (!snap) return;
    const k = t.row * snap.cols + t.col;
    this.info.textContent =
      `Weight wˡⱼₖ with l = ${t.layer}, j = ${t.row + 1}, k = ${t.col + 1} (neuron k of layer ` +
      `l−1 → neuron j of layer l): w = ${formatNumber(snap.weights[k] ?? NaN)}, ` +
      `∂C/∂w = ${formatNumber(snap.weightGradients[k] ?? NaN)}`;
  }

  private isTarget(t: Target): boolean {
    const s = this.target;
    if (!s || s.kind !== t.kind || s.layer !== t.layer) return false;
    if (s.kind === "neuron" && t.kind === "neuron") return s.index === t.index;
    if (s.kind === "weight" && t.kind === "weight") return s.row === t.row && s.col === t.col;
    return false;
  }

  private exists(t: Target): boolean {
    const size = this.sizes[t.layer - 1];
    if (size === undefined) return false;
    if (t.kind === "neuron") return t.index <= size;
    const snap = this.layers[t.layer - 2];
    return snap !== undefined && t.row < snap.rows && t.col < snap.cols;
  }
}

function neuronRadius(widest: number, height: number): number {
  return Math.max(3, Math.min(9, (height - PAD_TOP - PAD_BOTTOM) / widest / 2 - 1.5));
}

function weightWidth(w: number): number {
  return Number.isFinite(w) ? Math.min(6, 0.4 + 1.6 * Math.abs(w)) : 1;
}

/** Blue for +, vermillion for −, grey for a value a diverged run left undefined (NaN). */
function signColour(v: number): string {
  if (Number.isNaN(v)) return "#999";
  return v >= 0 ? SIGN_COLOURS.positive : SIGN_COLOURS.negative;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1), 0, 1);
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
