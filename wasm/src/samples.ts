// Checks and converts the sample arrays users pass, so that shape errors name the argument and
// the widths before anything reaches the module.
import { GradscopeError } from "./checked-call.js";
import type { Samples } from "./types.js";

export function toFloat32(values: Samples, name: string): Float32Array {
  if (values instanceof Float32Array) return values;
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new GradscopeError(
      `${name} must be a Float32Array or an array of numbers, got ${typeof values}`,
    );
  }
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (typeof v !== "number") {
      throw new GradscopeError(`${name}[${i}] is ${typeof v}, expected a number`);
    }
    out[i] = v;
  }
  return out;
}

/** The number of samples of width `width` in `values`; throws unless it is a whole number ≥ 1. */
export function sampleCount(values: Float32Array, width: number, name: string): number {
  if (values.length === 0) throw new GradscopeError(`${name} is empty`);
  if (values.length % width !== 0) {
    throw new GradscopeError(
      `${name} has length ${values.length}, not a multiple of the width ${width}`,
    );
  }
  return values.length / width;
}

/** x and y as Float32Arrays of the same sample count m. */
export function batch(
  x: Samples,
  y: Samples,
  inputWidth: number,
  outputWidth: number,
  names: [string, string] = ["x", "y"],
): { x: Float32Array; y: Float32Array; m: number } {
  const xs = toFloat32(x, names[0]);
  const ys = toFloat32(y, names[1]);
  const m = sampleCount(xs, inputWidth, names[0]);
  const my = sampleCount(ys, outputWidth, names[1]);
  if (m !== my) {
    throw new GradscopeError(`${names[0]} holds ${m} samples but ${names[1]} holds ${my} targets`);
  }
  return { x: xs, y: ys, m };
}
