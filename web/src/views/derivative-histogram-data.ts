// The σ′ card's histogram as plotted: each drawn layer's shares at its own bin centres (layers of
// different activations have different bins, e.g. tanh's [0, 1] beside a sigmoid output's
// [0, 1/4]), on one x axis that is the union of those centres, null where a layer has no bin.

export interface LayerHistogram {
  layer: number;
  derivHistogram: { edges: readonly number[]; counts: readonly number[] };
}

export interface HistogramData {
  /** Bin centres of every drawn layer, sorted, without repeats. */
  x: number[];
  /** Per drawn layer, in order: % of its (unit, sample) pairs in the bin at x, or null. */
  shares: (number | null)[][];
  /** The x range to show: from 0 to the widest layer's last edge (at least to 1/4). */
  range: [number, number];
}

export function histogramData(layers: readonly LayerHistogram[]): HistogramData {
  const perLayer = layers.map(({ derivHistogram: { edges, counts } }) => {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    const points = new Map<number, number>();
    counts.forEach((c, i) => {
      const lo = edges[i] ?? 0;
      points.set((lo + (edges[i + 1] ?? lo)) / 2, (100 * c) / total);
    });
    return points;
  });
  const x = [...new Set(perLayer.flatMap((p) => [...p.keys()]))].sort((a, b) => a - b);
  const shares = perLayer.map((p) => x.map((v) => p.get(v) ?? null));
  const top = Math.max(0.25, ...layers.map((l) => l.derivHistogram.edges.at(-1) ?? 0));
  // A constant σ' (identity: one bin at 1) still needs room to its right to be seen.
  const range: [number, number] = [0, top * 1.05];
  return { x, shares, range };
}
