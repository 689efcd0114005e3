// View 6: the network as neurons and connections. A connection's colour is the sign of its
// weight (blue +, vermillion −) and its width the weight's size; a neuron's ring shows its bias
// the same way. Hovering, a tap, or the keyboard (roving selection over neurons and weights, see
// keyboardStep) names the weight or bias with its value and its gradient ∂C/∂w or ∂C/∂b; the
// readout is recomputed from every snapshot (network-diagram-readout.ts). A layer wider than
// MAX_SHOWN (MNIST's 784 inputs, a 100-unit layer) is drawn as MAX_SHOWN evenly spaced neurons,
// labelled "16 of 784", and only the connections between drawn neurons are drawn. The layout maths
// is network-diagram-geometry.ts.
//
// Issue 14: the hover (a mouse) only previews; a click, a tap or the keyboard selects, and the
// selected weight or bias gets an editor (parameter-editor.ts). With the per-neuron maps of a
// plane data set each neuron is drawn as a heatmap square of its activation (neuron-maps.ts); the
// neuron pointed at (hovered, or selected while the canvas has the focus) is reported through
// `onInspect` so the boundary card can enlarge it. A plane set's input column has the feature
// toggles beside it (feature-toggles.ts) and the inputs are named by their features.

import type { FeatureName } from "gradscope";
import type { LayerSnapshot } from "../model/protocol.js";
import {
  layerActivationName,
  mapPixels,
  mapScale,
  neuronMap,
  type NeuronMaps,
  type NeuronRef,
} from "../model/neuron-maps.js";
import type { ParameterChange } from "../model/parameter-change.js";
import { featureLabels } from "../model/feature-labels.js";
import type { Settings } from "../state/settings.js";
import { FeatureToggles } from "./feature-toggles.js";
import { ParameterEditor } from "./parameter-editor.js";
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

/** What the diagram tells its card. */
export interface DiagramHooks {
  /** The feature toggles chose these inputs. */
  features(features: FeatureName[]): void;
  /** The editor set a weight or bias. */
  setParameter(change: ParameterChange): void;
  /** The neuron pointed at (null: none), for the boundary card. */
  inspect(ref: NeuronRef | null): void;
}

/** The gap (CSS px) between the feature toggles and the canvas (styles.css .network-row). */
const TOGGLES_GAP = 6;

export class NetworkDiagramView {
  private readonly canvas: HTMLCanvasElement;
  private readonly info: HTMLElement;
  private readonly toggles: FeatureToggles;
  private readonly editor: ParameterEditor;
  /** A small canvas each map is painted into before it is scaled into its square. */
  private readonly cells: HTMLCanvasElement;
  private sizes: number[] = [];
  private layers: LayerSnapshot[] = [];
  private maps: NeuronMaps | null = null;
  private settings: Settings | null = null;
  private neurons: Neuron[][] = [];
  /** Under the mouse (a preview), and selected (click, tap, keys): the editor's. */
  private hovered: Target | null = null;
  private pinned: Target | null = null;

  constructor(
    container: HTMLElement,
    private readonly hooks: DiagramHooks,
  ) {
    const doc = container.ownerDocument;
    this.cells = doc.createElement("canvas");
    this.toggles = new FeatureToggles(doc, (f) => hooks.features(f));
    this.toggles.root.hidden = true;
    this.editor = new ParameterEditor(doc, container.id || "network", (c) => hooks.setParameter(c));
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
    const row = doc.createElement("div");
    row.className = "network-row";
    row.append(this.toggles.root, this.canvas);
    container.append(
      row,
      this.info,
      this.editor.root,
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
    // A mouse previews what it hovers; a click, a finger or a pen selects what it presses (a
    // touch fires no hover, and its pointerleave follows every lift, so only a mouse leaving
    // ends the preview).
    this.canvas.addEventListener("pointermove", (e) => {
      if (e.pointerType === "mouse") this.hover(this.pointerTarget(e));
    });
    this.canvas.addEventListener("pointerdown", (e) => {
      this.hover(e.pointerType === "mouse" ? this.pointerTarget(e) : null);
      this.select(this.pointerTarget(e));
    });
    this.canvas.addEventListener("pointerleave", (e) => {
      if (e.pointerType === "mouse") this.hover(null);
    });
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    this.canvas.addEventListener("focus", () => this.inspect());
    this.canvas.addEventListener("blur", () => this.inspect());
    // Redraws at the new size; the view lives as long as the page, so nothing disconnects it. The
    // toggles' column is watched too: it gets its width only once laid out (a card drawn while
    // hidden measured 0 for it, and its canvas then overflowed a phone by the column's width).
    const resized = new ResizeObserver(() => this.draw());
    resized.observe(container);
    resized.observe(this.toggles.root);
  }

  /** The run's settings: the feature toggles and the activations the maps' colours follow. */
  setSettings(settings: Settings, takesFeatures: boolean): void {
    this.settings = settings;
    this.toggles.render(settings.features, takesFeatures);
    this.draw(); // the toggles' column may have appeared or gone
  }

  /**
   * The layer sizes [n_1 … n_L], the weighted layers l = 2 … L and the per-neuron maps (null:
   * none, drawn as rings).
   */
  update(sizes: number[], layers: LayerSnapshot[], maps: NeuronMaps | null = null): void {
    this.sizes = sizes;
    this.layers = layers;
    this.maps = maps;
    if (this.hovered && !targetExists(this.hovered, sizes, layers)) this.hovered = null;
    if (this.pinned && !targetExists(this.pinned, sizes, layers)) this.pinned = null;
    this.draw();
    this.describe();
    this.inspect();
  }

  /** What the readout and the highlight show: the preview, else the selection. */
  private get target(): Target | null {
    return this.hovered ?? this.pinned;
  }

  /** True when the maps are drawn: a plane set's snapshot brought them. */
  private get thumbnails(): boolean {
    return this.maps !== null;
  }

  /** Whether the input column is named by features (a plane set). */
  private get featureNames(): string[] | null {
    return this.toggles.root.hidden || !this.settings
      ? null
      : featureLabels(this.settings.features);
  }

  private draw(): void {
    const parent = this.canvas.parentElement;
    if (!parent) return;
    // The row's width less the feature toggles beside the canvas (when shown) and the gap.
    const toggles = this.toggles.root.hidden ? 0 : this.toggles.root.offsetWidth + TOGGLES_GAP;
    const width = Math.max(200, parent.clientWidth - toggles);
    // Before the first network the canvas is empty, but it must already leave the toggles room
    // (at CSS width 100% beside them it pushed a phone's page sideways).
    this.canvas.style.width = `${width}px`;
    if (this.sizes.length === 0) return;
    const widest = widestShown(this.sizes);
    const height = diagramHeight(widest, this.thumbnails);
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
    const names = this.featureNames;
    this.neurons = layoutNeurons(this.sizes, width, height);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const radius = neuronRadius(widest, height, this.thumbnails);
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
        const map = this.paintMap(n);
        ctx.beginPath();
        if (map) ctx.rect(n.x - radius, n.y - radius, 2 * radius, 2 * radius);
        else ctx.arc(n.x, n.y, radius, 0, 2 * Math.PI);
        ctx.fillStyle = "#fff";
        ctx.fill();
        if (map) {
          ctx.imageSmoothingEnabled = true;
          ctx.drawImage(map, n.x - radius, n.y - radius, 2 * radius, 2 * radius);
        }
        ctx.lineWidth =
          bias === undefined || !Number.isFinite(bias) ? 1.5 : Math.min(5, 1 + Math.abs(bias));
        ctx.strokeStyle = bias === undefined ? "#444" : signColour(bias);
        ctx.stroke();
        if (this.isTarget({ kind: "neuron", layer: n.layer, index: n.index })) {
          ctx.lineWidth = 2.5;
          ctx.strokeStyle = FOCUS_COLOUR;
          ctx.beginPath();
          if (map) ctx.rect(n.x - radius - 4, n.y - radius - 4, 2 * radius + 8, 2 * radius + 8);
          else ctx.arc(n.x, n.y, radius + 4, 0, 2 * Math.PI);
          ctx.stroke();
        }
        const name = i === 0 ? names?.[n.index - 1] : undefined;
        if (name) featureName(ctx, name, n, radius, map !== null);
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

  /**
   * Neuron `n`'s map painted into the shared small canvas (valid until the next call), or null
   * when the snapshot has none for it.
   */
  private paintMap(n: Neuron): HTMLCanvasElement | null {
    const maps = this.maps;
    const settings = this.settings;
    const values = neuronMap(maps, n);
    if (!maps || !values || !settings) return null;
    const scale = mapScale(values, layerActivationName(n.layer, this.sizes.length, settings));
    const size = maps.resolution;
    if (this.cells.width !== size) {
      this.cells.width = size;
      this.cells.height = size;
    }
    const ctx = this.cells.getContext("2d");
    if (!ctx) return null;
    const image = ctx.createImageData(size, size);
    image.data.set(mapPixels(values, scale));
    ctx.putImageData(image, 0, 0);
    return this.cells;
  }

  private pointerTarget(e: PointerEvent): Target | null {
    const rect = this.canvas.getBoundingClientRect();
    return this.hit(e.clientX - rect.left, e.clientY - rect.top);
  }

  private hit(x: number, y: number): Target | null {
    const radius = neuronRadius(widestShown(this.sizes), this.canvas.clientHeight, this.thumbnails);
    const weighted = this.layers.map((snap) => snap.layer);
    return hitTarget(this.neurons, weighted, radius, x, y);
  }

  private onKey(e: KeyboardEvent): void {
    if (!DIAGRAM_KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const next = keyboardStep(this.sizes, this.pinned, e.key);
    if (!next) return;
    e.preventDefault();
    this.select(next);
  }

  /** Selects `target` (click, tap, keys): the readout and the editor follow it. */
  private select(target: Target | null): void {
    const same = JSON.stringify(target) === JSON.stringify(this.pinned);
    this.pinned = target;
    if (!same) this.changed();
  }

  /** Previews `target` under the mouse (null: the mouse left). */
  private hover(target: Target | null): void {
    const same = JSON.stringify(target) === JSON.stringify(this.hovered);
    this.hovered = target;
    if (!same) this.changed();
  }

  private changed(): void {
    this.draw();
    this.describe();
    this.inspect();
  }

  /** The readout, the editor and the canvas's accessible name, from the network just drawn. */
  private describe(): void {
    const text = readoutText(this.target, this.sizes, this.layers, this.featureNames ?? undefined);
    if (this.info.textContent !== text) this.info.textContent = text;
    this.canvas.setAttribute("aria-label", diagramLabel(text));
    this.editor.show(this.pinned, this.layers);
  }

  /** Tells the card which neuron is pointed at: hovered, or selected while focused. */
  private inspect(): void {
    const focused = this.canvas.matches(":focus");
    const t = this.hovered ?? (focused ? this.pinned : null);
    this.hooks.inspect(t?.kind === "neuron" ? { layer: t.layer, index: t.index } : null);
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

/**
 * An input's feature name: on a light band across the top of its map square (the column's left
 * edge leaves no room for "sin x₁"), or left of a ring without a map.
 */
function featureName(
  ctx: CanvasRenderingContext2D,
  name: string,
  n: Neuron,
  radius: number,
  onSquare: boolean,
): void {
  ctx.save();
  if (onSquare) {
    ctx.font = "10px system-ui, sans-serif";
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    const w = Math.min(2 * radius, ctx.measureText(name).width + 4);
    ctx.fillRect(n.x - w / 2, n.y - radius + 1, w, 12);
    ctx.fillStyle = "#111";
    ctx.textAlign = "center";
    ctx.fillText(name, n.x, n.y - radius + 10, 2 * radius);
  } else {
    ctx.fillStyle = "#222";
    ctx.textAlign = "right";
    ctx.fillText(name, n.x - radius - 3, n.y + 4);
  }
  ctx.restore();
}

function line(ctx: CanvasRenderingContext2D, a: Neuron, b: Neuron): void {
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
}
