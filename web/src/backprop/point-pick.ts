// The 2-D sample picker's geometry: the square of input space it draws and the point a click
// selects. Pure: no DOM.

/** Half the side of the square [-e, e]² that holds every point of `sets` (row-major N × 2). */
export function plotExtent(...sets: Float32Array[]): number {
  let most = 0;
  for (const x of sets)
    for (const v of x) if (Number.isFinite(v)) most = Math.max(most, Math.abs(v));
  // A little margin so no point sits on the edge; at least the playground's ±1.5 when smaller.
  return Math.max(1.5, Math.ceil(most * 1.05 * 10) / 10);
}

/** The index of the point of `x` (row-major N × 2) nearest to (x1, x2); -1 when there is none. */
export function nearestPoint(x: Float32Array, x1: number, x2: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; 2 * i + 1 < x.length; i++) {
    const d = ((x[2 * i] ?? 0) - x1) ** 2 + ((x[2 * i + 1] ?? 0) - x2) ** 2;
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** Canvas position (CSS px in a `size` × `size` square) → input space, x2 growing upwards. */
export function toInput(px: number, py: number, size: number, extent: number): [number, number] {
  return [(px / size) * 2 * extent - extent, extent - (py / size) * 2 * extent];
}

/** Input space → canvas position, the inverse of toInput. */
export function toCanvas(x1: number, x2: number, size: number, extent: number): [number, number] {
  return [((x1 + extent) / (2 * extent)) * size, ((extent - x2) / (2 * extent)) * size];
}
