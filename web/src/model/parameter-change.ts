// One weight or bias set by hand (the network diagram's editor): what the page sends the worker,
// how the typed text is read, and the layer's parameters with the one value changed (the worker
// hands them to net.setParameters). Pure: no DOM, no package.

/** w^l_jk (row j − 1, col k − 1, 0-based) or b^l_j (row j − 1) of layer l = 2 … L. */
export type ParameterChange =
  | { kind: "weight"; layer: number; row: number; col: number; value: number }
  | { kind: "bias"; layer: number; row: number; value: number };

/** The largest |value| the editor accepts: beyond it every sigmoid or tanh is saturated. */
export const MAX_PARAMETER = 1000;

export type ParsedValue = { ok: true; value: number } | { ok: false; message: string };

/**
 * The number typed into the editor's field: a decimal (a leading "+" or "−", a decimal point or
 * comma, an exponent) with |value| ≤ MAX_PARAMETER; anything else is refused with a message
 * naming the text.
 */
export function parseParameterValue(text: string): ParsedValue {
  const t = text
    .trim()
    .replace(/^\u2212/, "-")
    .replace(",", ".");
  if (t === "") return { ok: false, message: "Type a number, e.g. 0.5 or -1.2." };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
    return { ok: false, message: `“${text.trim()}” is not a number (e.g. 0.5, -1.2, 3e-2).` };
  }
  const value = Number(t);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_PARAMETER) {
    return {
      ok: false,
      message: `${text.trim()} is too large: use a value between −${MAX_PARAMETER} and ${MAX_PARAMETER}.`,
    };
  }
  return { ok: true, value: value === 0 ? 0 : value }; // −0 as 0
}

/** A layer's parameters as net.getParameters gives them. */
export interface LayerParameters {
  rows: number;
  cols: number;
  weights: Float32Array;
  biases: Float32Array;
}

/**
 * Copies of `p`'s weights and biases with `change` made; throws, naming the entry, when the
 * layer has no such weight or bias or the value is not a finite number.
 */
export function changedParameters(
  p: LayerParameters,
  change: ParameterChange,
): { weights: Float32Array; biases: Float32Array } {
  if (!Number.isFinite(change.value) || Math.abs(change.value) > MAX_PARAMETER) {
    throw new Error(`parameter value ${change.value} is not a number within ±${MAX_PARAMETER}`);
  }
  const weights = p.weights.slice();
  const biases = p.biases.slice();
  const rowOk = Number.isInteger(change.row) && change.row >= 0 && change.row < p.rows;
  if (change.kind === "bias") {
    if (!rowOk) throw new Error(`layer ${change.layer} has no bias ${change.row + 1}`);
    biases[change.row] = change.value;
  } else {
    const colOk = Number.isInteger(change.col) && change.col >= 0 && change.col < p.cols;
    if (!rowOk || !colOk) {
      throw new Error(`layer ${change.layer} has no weight (${change.row + 1}, ${change.col + 1})`);
    }
    weights[change.row * p.cols + change.col] = change.value;
  }
  return { weights, biases };
}
