// How the backprop stepper lays out the trace's arrays, without the DOM: which entry of the flat
// array a drawn cell is, its data-path and readout name, which entries of a long vector are shown,
// when a matrix is a table of numbers and when a heatmap, and which cell a pointer is over. Pure.

import { formatNumber } from "../views/number-format.js";
import type { ShownArray } from "./backprop-steps.js";

/** A vector up to this long is shown whole; a longer one shows VECTOR_HEAD entries first. */
export const VECTOR_WHOLE = 16;
export const VECTOR_HEAD = 10;
/** A matrix with at most this many rows and columns is a table of numbers; larger, a heatmap. */
export const TABLE_MAX = 10;

/** The index into `array.values` of the drawn cell (row r, column c), 0-based. */
export function entryIndex(array: ShownArray, r: number, c: number): number {
  return array.transposed ? c * array.rows + r : r * array.cols + c;
}

/** The cell's data-path, e.g. "layers[0].weights[7]". */
export function entryPath(array: ShownArray, index: number): string {
  return `${array.path}[${index}]`;
}

/** The value of a cell as data-value writes it: String() of the float, exact. */
export function entryValueText(array: ShownArray, index: number): string {
  return String(array.values[index]);
}

/** How many entries of a vector of n are listed: all, or the first VECTOR_HEAD until expanded. */
export function listedEntries(n: number, expanded: boolean): number {
  return expanded || n <= VECTOR_WHOLE ? n : VECTOR_HEAD;
}

/** Whether a matrix is drawn as a table of numbers (else a heatmap image with a readout). */
export function isTable(array: ShownArray): boolean {
  return array.rows <= TABLE_MAX && array.cols <= TABLE_MAX;
}

/**
 * The readout's words for cell (r, c): "z³ neuron 2 = 0.1234567" for a vector, "w³ row 2,
 * column 5 = …" for a matrix (1-based, as the notes number neurons), the value exact.
 */
export function entryReadout(array: ShownArray, r: number, c: number): string {
  const v = array.values[entryIndex(array, r, c)] ?? NaN;
  const value = Number.isFinite(v) ? String(v) : formatNumber(v);
  if (array.cols === 1) return `${array.name}, entry ${r + 1}: ${value}`;
  if (array.rows === 1) return `${array.name}, entry ${c + 1}: ${value}`;
  return `${array.name}, row ${r + 1}, column ${c + 1}: ${value}`;
}

/** The cell under (x, y) of a heatmap drawn width × height CSS px, or null outside it. */
export function cellAt(
  array: Pick<ShownArray, "rows" | "cols">,
  x: number,
  y: number,
  width: number,
  height: number,
): { r: number; c: number } | null {
  if (!(x >= 0 && y >= 0 && x < width && y < height)) return null;
  return {
    r: Math.min(array.rows - 1, Math.floor((y / height) * array.rows)),
    c: Math.min(array.cols - 1, Math.floor((x / width) * array.cols)),
  };
}

/** The cell an arrow key moves (r, c) to in a rows × cols grid (clamped at the edges), or null. */
export function arrowMove(
  key: string,
  r: number,
  c: number,
  rows: number,
  cols: number,
): { r: number; c: number } | null {
  switch (key) {
    case "ArrowUp":
      return { r: Math.max(0, r - 1), c };
    case "ArrowDown":
      return { r: Math.min(rows - 1, r + 1), c };
    case "ArrowLeft":
      return cols > 1 ? { r, c: Math.max(0, c - 1) } : null;
    case "ArrowRight":
      return cols > 1 ? { r, c: Math.min(cols - 1, c + 1) } : null;
    case "Home":
      return { r: 0, c: 0 };
    case "End":
      return { r: rows - 1, c: cols - 1 };
    default:
      return null;
  }
}

/**
 * The drawn cell holding the largest finite |value| (the first on ties, scanning rows), named
 * under a heatmap so that its scale's end is a number on the page; null when none is finite.
 */
export function largestEntry(array: ShownArray): { r: number; c: number; index: number } | null {
  let best: { r: number; c: number; index: number } | null = null;
  let max = -1;
  for (let r = 0; r < array.rows; ++r) {
    for (let c = 0; c < array.cols; ++c) {
      const index = entryIndex(array, r, c);
      const a = Math.abs(array.values[index] ?? NaN);
      if (Number.isFinite(a) && a > max) {
        max = a;
        best = { r, c, index };
      }
    }
  }
  return best;
}
