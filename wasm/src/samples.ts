// Checks and converts the sample arrays users pass, so that shape errors name the argument and
// the widths before anything reaches the module.
import { GradscopeError } from "./checked-call.js";
import { isInstance } from "./options.js";
import { showValue, thrownMessage } from "./show-value.js";
import type { Samples } from "./types.js";

/**
 * The most values one array may hold: 2^28 float32s are 1 GiB, half of the 2 GiB the WebAssembly
 * heap can grow to, and the module needs its own copy.
 */
export const MAX_ARRAY_LENGTH = 2 ** 28;

/** The length of an array-like, checked to be a whole number of values that can fit. */
export function arrayLength(values: unknown, name: string, kind: string): number {
  if (values === null || typeof values !== "object") {
    throw new GradscopeError(
      `${name} must be ${kind}, got ${values === null ? "null" : typeof values}`,
    );
  }
  let n: unknown;
  try {
    n = (values as { length?: unknown }).length;
  } catch (e) {
    throw new GradscopeError(`${name}.length cannot be read (${thrownMessage(e)})`);
  }
  if (typeof n !== "number") {
    throw new GradscopeError(
      `${name} must be ${kind}, got ${values === null ? "null" : typeof values}`,
    );
  }
  if (!Number.isInteger(n) || n < 0 || n > MAX_ARRAY_LENGTH) {
    throw new GradscopeError(
      `${name} has length ${showValue(n)}; expected a whole number of values ≤ 2^28`,
    );
  }
  return n;
}

/** A copy of values[0 … n) as float64 numbers, each read once and checked to be a number. */
export function readNumbers<A extends Float32Array | Float64Array>(
  values: ArrayLike<unknown>,
  out: A,
  name: string,
): A {
  let i = 0;
  try {
    for (; i < out.length; ++i) {
      const v = values[i];
      if (typeof v !== "number") {
        throw new GradscopeError(
          `${name}[${i}] is ${v === null ? "null" : typeof v}, expected a number`,
        );
      }
      out[i] = v;
      // A finite double beyond ±3.4e38 becomes ±Infinity in float32: say so, not "inf".
      if (!Number.isFinite(out[i]) && Number.isFinite(v)) {
        throw new GradscopeError(`${name}[${i}] ${showValue(v)} overflows float32 (|x| > 3.4e38)`);
      }
    }
  } catch (e) {
    if (e instanceof GradscopeError) throw e;
    throw new GradscopeError(`${name}[${i}] cannot be read (${thrownMessage(e)})`);
  }
  return out;
}

export function toFloat32(values: Samples, name: string): Float32Array {
  if (isInstance(values, Float32Array)) {
    arrayLength(values, name, "a Float32Array or an array of numbers");
    return values;
  }
  const n = arrayLength(values, name, "a Float32Array or an array of numbers");
  return readNumbers(values, new Float32Array(n), name);
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
