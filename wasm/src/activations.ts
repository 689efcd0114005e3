// gs.activations: σ and σ' of each element-wise activation, computed by the core's own scalar
// forms, for plotting curves.
import { catalogue, names } from "./catalogue.js";
import { checked, GradscopeError } from "./checked-call.js";
import type { RawModule } from "./raw-module.js";
import { isInstance } from "./options.js";
import { arrayLength, readNumbers } from "./samples.js";
import { showValue } from "./show-value.js";
import type { ActivationCurve, ActivationName } from "./types.js";

export interface Activations {
  /** Every activation name; all but 'softmax' are element-wise and can be plotted. */
  readonly names: readonly ActivationName[];
  value(name: ActivationName, x: number): number;
  derivative(name: ActivationName, x: number): number;
  /** σ(x) and σ'(x) at each x (copies; x is copied too). */
  curve(name: ActivationName, xs: ArrayLike<number>): ActivationCurve;
  /** The largest value σ' takes (sigmoid 1/4, tanh and the ReLUs 1): the vanishing ceiling. */
  maxDerivative(name: ActivationName): number;
}

const NAMES: readonly ActivationName[] = Object.freeze(names(catalogue.activations));

export function createActivations(raw: RawModule): Activations {
  const name = (n: unknown): string => {
    if (typeof n !== "string") {
      throw new GradscopeError(`activation name must be a string (valid: ${NAMES.join(", ")})`);
    }
    return n;
  };
  const points = (xs: ArrayLike<number>): Float64Array => {
    const n = arrayLength(xs, "xs", "an array of numbers");
    if (isInstance(xs, Float64Array)) return xs.slice();
    return readNumbers(xs, new Float64Array(n), "xs");
  };
  const at = (n: ActivationName, xs: Float64Array, derivative: boolean): Float64Array =>
    checked(raw, () => raw.activationCurve(name(n), xs, derivative)) as Float64Array;
  const one = (x: number): Float64Array => {
    if (typeof x !== "number") throw new GradscopeError(`x ${showValue(x)} must be a number`);
    return Float64Array.of(x);
  };
  return {
    names: NAMES,
    value: (n, x) => at(n, one(x), false)[0] as number,
    derivative: (n, x) => at(n, one(x), true)[0] as number,
    curve(n, xs) {
      const x = points(xs);
      return { x, value: at(n, x, false), derivative: at(n, x, true) };
    },
    maxDerivative: (n) => checked(raw, () => raw.activationMaxDerivative(name(n))),
  };
}
