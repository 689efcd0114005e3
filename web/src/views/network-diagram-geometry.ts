// The network diagram's layout maths (no DOM): where each drawn neuron sits, how big it is, how
// wide a connection is, which neuron or connection a pointer is over, and where the arrow keys
// move the selection. network-diagram-view.ts draws with it.

/** A drawn neuron: layer l = 1 … L, index j (1-based as in the seed), centre (x, y) in CSS px. */
export interface Neuron {
  layer: number;
  index: number;
  x: number;
  y: number;
}

/** A neuron the pointer or the keyboard selects. */
export type NeuronTarget = { kind: "neuron"; layer: number; index: number };

/** What the pointer or the keyboard selects. */
export type Target = NeuronTarget | { kind: "weight"; layer: number; row: number; col: number };

export const PAD_X = 36;
export const PAD_TOP = 12;
export const PAD_BOTTOM = 28;
/** The most neurons drawn per layer: 16 × 16 connections per layer pair at most. */
export const MAX_SHOWN = 16;
/** How close (px) the pointer must be to a connection to select it. */
export const CONNECTION_HIT_DISTANCE = 5;

/** The 0-based indices of the neurons drawn for a layer of n: all, or MAX_SHOWN evenly spaced. */
export function shownIndices(n: number): number[] {
  if (n <= MAX_SHOWN) return Array.from({ length: n }, (_, j) => j);
  return Array.from({ length: MAX_SHOWN }, (_, k) => Math.round((k * (n - 1)) / (MAX_SHOWN - 1)));
}

/** The most neurons drawn in any one layer of [n_1 … n_L]. */
export function widestShown(sizes: readonly number[]): number {
  return Math.max(...sizes.map((n) => Math.min(n, MAX_SHOWN)));
}

/**
 * The canvas height (CSS px) for a diagram whose tallest drawn column has `widest` neurons;
 * `thumbnails`: the neurons are drawn as heatmap squares, which need more room.
 */
export function diagramHeight(widest: number, thumbnails = false): number {
  const per = thumbnails ? 40 : 14;
  return Math.max(220, Math.min(thumbnails ? 680 : 520, widest * per + PAD_TOP + PAD_BOTTOM));
}

/**
 * The drawn neurons of layers [n_1 … n_L], one column per layer: columns evenly spaced between the
 * side paddings (one layer: centred), neurons evenly spaced down a column, each in the middle of
 * its share of the height.
 */
export function layoutNeurons(sizes: readonly number[], width: number, height: number): Neuron[][] {
  const L = sizes.length;
  const span = height - PAD_TOP - PAD_BOTTOM;
  return sizes.map((n, i) => {
    const x = L > 1 ? PAD_X + (i * (width - 2 * PAD_X)) / (L - 1) : width / 2;
    const shown = shownIndices(n);
    return shown.map((j, k) => ({
      layer: i + 1,
      index: j + 1,
      x,
      y: PAD_TOP + ((k + 0.5) * span) / shown.length,
    }));
  });
}

/**
 * A neuron's radius: as large as the column's spacing allows, between 3 and 9 px (16 px, half a
 * heatmap square's side, with `thumbnails`).
 */
export function neuronRadius(widest: number, height: number, thumbnails = false): number {
  const most = thumbnails ? 16 : 9;
  return Math.max(3, Math.min(most, (height - PAD_TOP - PAD_BOTTOM) / widest / 2 - 1.5));
}

/** A connection's line width for weight w: grows with |w|, capped at 6 px; 1 px when not finite. */
export function weightWidth(w: number): number {
  return Number.isFinite(w) ? Math.min(6, 0.4 + 1.6 * Math.abs(w)) : 1;
}

/** The distance from point p to the segment a–b. */
export function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1), 0, 1);
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * What is under the point (x, y): a neuron within radius + 3 px first; otherwise the nearest drawn
 * connection within CONNECTION_HIT_DISTANCE into one of `weightedLayers` (l = 2 … L); else null.
 */
export function hitTarget(
  neurons: readonly (readonly Neuron[])[],
  weightedLayers: readonly number[],
  radius: number,
  x: number,
  y: number,
): Target | null {
  for (const column of neurons) {
    for (const n of column) {
      if ((n.x - x) ** 2 + (n.y - y) ** 2 <= (radius + 3) ** 2) {
        return { kind: "neuron", layer: n.layer, index: n.index };
      }
    }
  }
  let best: Target | null = null;
  let bestDistance = CONNECTION_HIT_DISTANCE;
  for (const layer of weightedLayers) {
    const to = neurons[layer - 1] ?? [];
    const from = neurons[layer - 2] ?? [];
    const x0 = from[0]?.x ?? 0;
    const x1 = to[0]?.x ?? 0;
    if (x < Math.min(x0, x1) || x > Math.max(x0, x1)) continue;
    for (const b of to) {
      for (const a of from) {
        const d = segmentDistance(x, y, a.x, a.y, b.x, b.y);
        if (d < bestDistance) {
          bestDistance = d;
          best = { kind: "weight", layer, row: b.index - 1, col: a.index - 1 };
        }
      }
    }
  }
  return best;
}

/** The arrow keys' moves as [layer step, position step]. */
export const ARROW_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The neuron the keyboard selects from `current` (null: nothing selected yet, which starts before
 * the first input neuron): up and down along a column of drawn neurons, sideways to the same
 * position in the next column, clamped at the edges.
 */
export function keyboardMove(
  sizes: readonly number[],
  current: { layer: number; index: number } | null,
  move: readonly [number, number],
): NeuronTarget {
  const from = current ?? { layer: 1, index: 0 };
  const layer = clamp(from.layer + move[0], 1, sizes.length);
  const before = shownIndices(sizes[from.layer - 1] ?? 1);
  const shown = shownIndices(sizes[layer - 1] ?? 1);
  const position = from.index === 0 ? -1 : before.indexOf(from.index - 1);
  const next = clamp(position + move[1], 0, shown.length - 1);
  return { kind: "neuron", layer, index: (shown[next] ?? 0) + 1 };
}

/** A weight the keyboard or pointer selects: w^l_jk is `row` j − 1, `col` k − 1 (0-based). */
export type WeightTarget = Extract<Target, { kind: "weight" }>;

/** The keys the diagram handles besides the arrows: into and out of a neuron's weights, ends. */
export const DIAGRAM_KEYS: readonly string[] = [
  ...Object.keys(ARROW_MOVES),
  "Enter",
  " ",
  "Escape",
  "Home",
  "End",
];

/**
 * The drawn weights of layer l (2 … L) in reading order: into neuron j from each drawn neuron k of
 * layer l − 1 in turn, then into the next drawn j. Only drawn connections can be selected.
 */
export function drawnWeights(sizes: readonly number[], layer: number): WeightTarget[] {
  const to = shownIndices(sizes[layer - 1] ?? 0);
  const from = shownIndices(sizes[layer - 2] ?? 0);
  return to.flatMap((row) => from.map((col) => ({ kind: "weight" as const, layer, row, col })));
}

/**
 * Where a key moves the diagram's selection (roving focus: the canvas keeps the focus, the
 * selection moves). Neurons: arrows as keyboardMove; Enter or Space steps into the weights that
 * arrive at the neuron (from an input neuron: those that leave it). Weights: ↑ ↓ walk the layer's
 * drawn weights in reading order (drawnWeights), ← → go to the same position in the previous or
 * next weighted layer, Home and End to the layer's first and last weight, Enter, Space or Escape
 * back to the neuron the weight arrives at. Returns null for a key it does not handle.
 */
export function keyboardStep(
  sizes: readonly number[],
  current: Target | null,
  key: string,
): Target | null {
  const L = sizes.length;
  if (L === 0) return null;
  const move = ARROW_MOVES[key];
  if (current === null || current.kind === "neuron") {
    if (move) return keyboardMove(sizes, current, move);
    if ((key !== "Enter" && key !== " ") || current === null || L < 2) return null;
    if (current.layer === 1) {
      const row = shownIndices(sizes[1] ?? 0)[0] ?? 0;
      return { kind: "weight", layer: 2, row, col: current.index - 1 };
    }
    const col = shownIndices(sizes[current.layer - 2] ?? 0)[0] ?? 0;
    return { kind: "weight", layer: current.layer, row: current.index - 1, col };
  }
  if (key === "Enter" || key === " " || key === "Escape") {
    return { kind: "neuron", layer: current.layer, index: current.row + 1 };
  }
  const weights = drawnWeights(sizes, current.layer);
  const at = Math.max(
    0,
    weights.findIndex((w) => w.row === current.row && w.col === current.col),
  );
  if (key === "Home") return weights[0] ?? current;
  if (key === "End") return weights[weights.length - 1] ?? current;
  if (!move) return null;
  if (move[1] !== 0) return weights[clamp(at + move[1], 0, weights.length - 1)] ?? current;
  const layer = clamp(current.layer + move[0], 2, L);
  if (layer === current.layer) return current;
  // The same place in the other layer: the j-th and k-th drawn positions, clamped.
  const rowAt = shownIndices(sizes[current.layer - 1] ?? 0).indexOf(current.row);
  const colAt = shownIndices(sizes[current.layer - 2] ?? 0).indexOf(current.col);
  const rows = shownIndices(sizes[layer - 1] ?? 0);
  const cols = shownIndices(sizes[layer - 2] ?? 0);
  return {
    kind: "weight",
    layer,
    row: rows[clamp(rowAt, 0, rows.length - 1)] ?? 0,
    col: cols[clamp(colAt, 0, cols.length - 1)] ?? 0,
  };
}
