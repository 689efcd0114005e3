// The boundary card's view of one neuron: while the network diagram points at a neuron (hovered,
// or selected with the diagram focused), its activation over the input plane is drawn over the
// card's own heatmap, the same size, with the data points and a sentence saying which neuron it
// is; when the diagram lets go it disappears and the card shows the output again.

import type { DataPreview } from "../model/protocol.js";
import {
  layerActivationName,
  mapPixels,
  mapScale,
  neuronMap,
  neuronName,
  type NeuronMaps,
  type NeuronRef,
} from "../model/neuron-maps.js";
import { neuronFocus } from "../run/neuron-focus.js";
import type { RunController } from "../run/run-controller.js";
import type { Settings } from "../state/settings.js";
import { formatNumber } from "./number-format.js";
import { sizeSquareCanvas } from "./square-canvas.js";
import type { ViewCard } from "./view-card.js";

/** The sentence over the enlarged map, e.g. "Neuron 2 of layer l = 2 (a hidden layer): a²₂ …". */
export function neuronMapCaption(
  ref: NeuronRef,
  L: number,
  features: readonly string[],
  scale: { low: number; high: number; basis: string },
): string {
  const num = (v: number) => formatNumber(v).replace(/^-/, "−");
  return (
    `Showing ${neuronName(ref, L, features)}: its activation over the input plane ` +
    `(orange ${num(scale.low)}, white ${num((scale.low + scale.high) / 2)}, ` +
    `blue ${num(scale.high)}: ${scale.basis}). Move off the neuron to see the output again.`
  );
}

export class NeuronMapPanel {
  private readonly root: HTMLElement;
  private readonly caption: HTMLElement;
  /** Made when a neuron is first shown (a card never pointed at has no blank canvas). */
  private canvas: HTMLCanvasElement | null = null;
  private readonly cells: HTMLCanvasElement;
  private maps: NeuronMaps | null = null;
  private settings: Settings | null = null;
  private sizes: readonly number[] = [];
  private points: Extract<DataPreview, { kind: "plane" }> | null = null;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly card: ViewCard,
    run: RunController,
  ) {
    const doc = card.root.ownerDocument;
    this.root = doc.createElement("div");
    this.root.className = "neuron-map-panel";
    this.root.hidden = true;
    this.caption = doc.createElement("p");
    this.caption.className = "neuron-map-caption";
    this.caption.setAttribute("aria-live", "polite");
    this.cells = doc.createElement("canvas");
    this.root.append(this.caption);
    card.body.classList.add("has-neuron-map");
    card.body.append(this.root);
    const focus = neuronFocus(run);
    this.stops.push(
      focus.listen(() => this.draw(focus.neuron)),
      run.subscribe({
        settings: (s) => (this.settings = s),
        configured: (preview, sizes) => {
          this.points = preview.kind === "plane" ? preview : null;
          this.sizes = sizes;
          this.maps = null;
          this.draw(focus.neuron);
        },
        snapshot: (s) => {
          this.maps = s.neuronMaps ?? null;
          this.draw(focus.neuron);
        },
      }),
    );
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.root.remove();
  }

  private figure(): HTMLCanvasElement {
    if (!this.canvas) {
      this.canvas = this.root.ownerDocument.createElement("canvas");
      this.canvas.setAttribute("role", "img");
      this.root.append(this.canvas);
    }
    return this.canvas;
  }

  private draw(ref: NeuronRef | null): void {
    const values = ref ? neuronMap(this.maps, ref) : null;
    const maps = this.maps;
    const s = this.settings;
    const on = ref !== null && values !== null && maps !== null && s !== null;
    this.root.hidden = !on;
    this.card.root.classList.toggle("showing-neuron", on);
    if (!on) return;
    const L = this.sizes.length;
    const scale = mapScale(values, layerActivationName(ref.layer, L, s));
    const text = neuronMapCaption(ref, L, s.features, scale);
    this.caption.textContent = text;
    const canvas = this.figure();
    canvas.setAttribute("aria-label", text);
    this.root.dataset.neuron = `${ref.layer}:${ref.index}`;
    const n = maps.resolution;
    if (this.cells.width !== n) {
      this.cells.width = n;
      this.cells.height = n;
    }
    const small = this.cells.getContext("2d");
    const ctx = canvas.getContext("2d");
    if (!small || !ctx) return;
    const image = small.createImageData(n, n);
    image.data.set(mapPixels(values, scale));
    small.putImageData(image, 0, 0);
    const css = Math.max(160, Math.min(360, this.card.body.clientWidth - 40));
    const ratio = sizeSquareCanvas(canvas, css);
    const px = canvas.width;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.cells, 0, 0, px, px);
    const points = this.points;
    if (!points) return;
    const e = maps.extent;
    const r = 2.4 * ratio;
    ctx.lineWidth = ratio;
    ctx.strokeStyle = "rgba(0,0,0,0.55)";
    for (const set of [points.train, points.test]) {
      for (let i = 0; i < set.x.length / 2; i++) {
        const x = (((set.x[2 * i] ?? 0) + e) / (2 * e)) * px;
        const y = ((e - (set.x[2 * i + 1] ?? 0)) / (2 * e)) * px;
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  }
}
