// Per-neuron heatmaps: each drawn neuron's activation aˡⱼ over the boundary's grid of the input
// plane. The worker computes them with net.activations (one core call per layer l = 1 … L, the
// forward pass stopped at l) and sends them with a snapshot while the network card is shown; the
// diagram draws them as thumbnails and the boundary card enlarges one. Pure: no DOM, no package.

import { catalogue, type ActivationName } from "gradscope";

/** One layer's maps: the drawn neurons' activations, neuron after neuron. */
export interface NeuronMapLayer {
  layer: number;
  /** 1-based indices j of the neurons with a map (a wide layer's drawn ones only). */
  neurons: number[];
  /** neurons.length × cells, neuron-major: neuron neurons[k]'s map is values[k·cells …]. */
  values: Float32Array;
}

export interface NeuronMaps {
  /** Cells per side and the half-width of the square (the boundary grid's). */
  resolution: number;
  extent: number;
  /** l = 1 (a¹: the input features) … L. */
  layers: NeuronMapLayer[];
}

/** A neuron of the diagram: layer l = 1 … L, index j (1-based). */
export interface NeuronRef {
  layer: number;
  index: number;
}

/** What the worker needs of a network: aˡ of every grid cell, m × n_l row-major. */
export interface ActivationSource {
  activations(x: Float32Array, l: number): Float32Array;
}

/**
 * The maps of neurons `shown(n_l)` (0-based) of every layer of `sizes`, from `source` over `grid`
 * (the network's inputs at the cells: already transformed into the chosen features).
 */
export function computeNeuronMaps(
  source: ActivationSource,
  grid: Float32Array,
  sizes: readonly number[],
  shape: { resolution: number; extent: number },
  shown: (n: number) => number[],
): NeuronMaps {
  const cells = shape.resolution * shape.resolution;
  const layers = sizes.map((n, i) => {
    const l = i + 1;
    const a = source.activations(grid, l);
    const picked = shown(n);
    return {
      layer: l,
      neurons: picked.map((j) => j + 1),
      values: neuronMajor(a, cells, n, picked),
    };
  });
  return { resolution: shape.resolution, extent: shape.extent, layers };
}

/**
 * Columns `picked` (0-based) of the cells × width row-major matrix `a`, one after the other:
 * column picked[k] becomes values[k·cells … (k+1)·cells). Throws when `a` is not cells × width.
 */
export function neuronMajor(
  a: Float32Array,
  cells: number,
  width: number,
  picked: readonly number[],
): Float32Array {
  if (a.length !== cells * width) {
    throw new Error(`activations have ${a.length} values, not ${cells} cells × ${width} neurons`);
  }
  const out = new Float32Array(picked.length * cells);
  picked.forEach((j, k) => {
    for (let c = 0; c < cells; c++) out[k * cells + c] = a[c * width + j] ?? NaN;
  });
  return out;
}

/** Neuron `ref`'s map (a view into `maps`), or null when the maps do not have it. */
export function neuronMap(maps: NeuronMaps | null, ref: NeuronRef): Float32Array | null {
  const layer = maps?.layers.find((m) => m.layer === ref.layer);
  if (!maps || !layer) return null;
  const k = layer.neurons.indexOf(ref.index);
  if (k < 0) return null;
  const cells = maps.resolution * maps.resolution;
  return layer.values.subarray(k * cells, (k + 1) * cells);
}

/** Bytes a snapshot's maps add (the arrays; the few numbers besides are not counted). */
export function neuronMapBytes(maps: NeuronMaps | null): number {
  return maps ? maps.layers.reduce((sum, l) => sum + l.values.byteLength, 0) : 0;
}

/** A map's colour scale: `low` is drawn orange, `high` blue, the middle white. */
export interface MapScale {
  low: number;
  high: number;
  /** How the range was chosen, for the card's key: "tanh's range", "this map's largest |a|". */
  basis: string;
}

/**
 * The colour scale of a map of layer l's activations: the activation's own range when it is
 * bounded (tanh −1 … 1, sigmoid 0 … 1), else the map's own extent (ReLU 0 … its largest a, an
 * identity output or an input feature ±its largest |a|). `activation` null: the input layer.
 */
export function mapScale(values: ArrayLike<number>, activation: ActivationName | null): MapScale {
  const [lo, hi] = activation
    ? catalogue.activation(activation).outputRange
    : [-Infinity, Infinity];
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    return { low: lo, high: hi, basis: `${activation}'s range` };
  }
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v)) largest = Math.max(largest, Number.isFinite(lo) ? v - lo : Math.abs(v));
  }
  const span = largest > 0 ? largest : 1;
  return Number.isFinite(lo)
    ? { low: lo, high: lo + span, basis: "this map's largest a" }
    : { low: -span, high: span, basis: "this map's largest |a|" };
}

const ORANGE = [0xe6, 0x9f, 0x00] as const;
const BLUE = [0x00, 0x72, 0xb2] as const;

/**
 * RGBA pixels of `values` (row-major from the top-left, as the boundary grid): white at the
 * scale's middle, towards blue at `high` and orange at `low` (75 % at most, as the boundary's
 * heatmap); a value that is not a number is grey.
 */
export function mapPixels(values: ArrayLike<number>, scale: MapScale): Uint8ClampedArray {
  // Drawn for every neuron on every snapshot: no allocation per pixel (this is the main thread).
  const out = new Uint8ClampedArray(values.length * 4);
  const mid = (scale.low + scale.high) / 2;
  const half = (scale.high - scale.low) / 2 || 1;
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    const v = values[i] ?? NaN;
    out[o + 3] = 255;
    if (!Number.isFinite(v)) {
      out[o] = out[o + 1] = out[o + 2] = 0x99;
      continue;
    }
    const t = Math.min(1, Math.abs(v - mid) / half) * 0.75;
    const c = v >= mid ? BLUE : ORANGE;
    out[o] = Math.round(255 + (c[0] - 255) * t);
    out[o + 1] = Math.round(255 + (c[1] - 255) * t);
    out[o + 2] = Math.round(255 + (c[2] - 255) * t);
  }
  return out;
}

/** The activation of layer l of L (null: the input layer, which has none). */
export function layerActivationName(
  l: number,
  L: number,
  settings: { activation: ActivationName; output: ActivationName },
): ActivationName | null {
  if (l <= 1) return null;
  return l === L ? settings.output : settings.activation;
}

/** The card's words for neuron `ref` of a network of L layers, e.g. "neuron 2 of layer l = 3". */
export function neuronName(ref: NeuronRef, L: number, features: readonly string[]): string {
  if (ref.layer === 1) {
    const label = catalogue.features.find((f) => f.name === features[ref.index - 1])?.label;
    return `input ${ref.index} (${label ?? `x${ref.index}`}, layer l = 1)`;
  }
  const where = ref.layer === L ? "the output layer" : "a hidden layer";
  return `neuron ${ref.index} of layer l = ${ref.layer} (${where})`;
}
