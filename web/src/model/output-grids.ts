// Where the input-space view asks the network for its output: a square grid over the plane (the
// decision boundary, class regions or value heatmap) or evenly spaced x along the line (a line
// set's fitted curve); and the network's answers packed as the protocol sends them. Pure.

import type { ProblemKind } from "gradscope";
import type { BoundaryGrid, CurveGrid } from "./protocol.js";

/** The heatmap's grid: cells per side and the half-width of the input square it covers. */
export const BOUNDARY_RESOLUTION = 48;
export const BOUNDARY_EXTENT = 1.5;
/** Points of a line set's fitted curve over [−extent, extent]. */
export const CURVE_POINTS = 121;

/** Cell centres, row-major from the top-left: x1 grows to the right, x2 grows upwards. */
export function planeInputs(n = BOUNDARY_RESOLUTION, extent = BOUNDARY_EXTENT): Float32Array {
  const x = new Float32Array(2 * n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const i = r * n + c;
      x[2 * i] = -extent + ((c + 0.5) * 2 * extent) / n;
      x[2 * i + 1] = extent - ((r + 0.5) * 2 * extent) / n;
    }
  }
  return x;
}

/** `count` evenly spaced x from −extent to extent, both ends included. */
export function lineInputs(count = CURVE_POINTS, extent = BOUNDARY_EXTENT): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => -extent + (2 * extent * i) / (count - 1));
}

/** The network's output `out` (cells × width, from predict over planeInputs) as a grid. */
export function boundaryGrid(
  out: Float32Array,
  problem: ProblemKind,
  n = BOUNDARY_RESOLUTION,
  extent = BOUNDARY_EXTENT,
): BoundaryGrid {
  const width = out.length / (n * n);
  if (!Number.isInteger(width) || width < 1)
    throw new Error(`${out.length} outputs do not fill a ${n} × ${n} grid`);
  return { resolution: n, extent, width, values: out, problem };
}

/** The network's output `out` at the line inputs `x` (one output unit) as a curve. */
export function curveGrid(x: Float32Array, out: Float32Array, extent = BOUNDARY_EXTENT): CurveGrid {
  if (out.length !== x.length)
    throw new Error(`a fitted curve needs one output per x: ${out.length} for ${x.length}`);
  return { extent, x, values: out };
}
