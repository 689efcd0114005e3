// The nudge's demonstration of the Jacobian as a linear approximation: the actual change
// Δa = softmax(z + h eⱼ) − softmax(z) (both softmax values from the package) beside the
// first-order prediction Jᵢⱼ·h. The product and the differences are computed here on purpose:
// they are the arithmetic the learner is shown, not a second softmax (J comes from the package).

/** Half the spacing of float32 numbers relative to their size (2⁻²⁴): one rounding's error. */
const FLOAT32_HALF_ULP = 2 ** -24;

export interface NudgeComparison {
  /** Δaᵢ = aᵢ(z + h eⱼ) − aᵢ(z); for the largest aₜ, −Σ_(k≠t) Δa_k (see complementIndex). */
  actual: number[];
  /** Jᵢⱼ·h, the linear prediction. */
  linear: number[];
  /** actual − linear, second order in h. */
  error: number[];
  /** max_i |error_i|. */
  maxError: number;
  /** How far float32 rounding of the package's outputs alone can move maxError (a bound). */
  resolution: number;
}

/** The first index of the largest value: the one probability that can sit just below 1. */
export function largestIndex(p: ArrayLike<number>): number {
  let t = 0;
  for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[t] as number)) t = k;
  return t;
}

/**
 * 1 − a_t = Σ_(k≠t) a_k for the largest probability a_t, summed in double from the package's
 * float32 outputs of the OTHER classes. Near 1, float32 numbers are 6e-8 apart, so 1 − a_t taken
 * from a_t itself keeps only a few digits (0.9999877 → 1.23e-5 where the truth is 1.229e-5); the
 * small probabilities keep all their ~7 digits, so their sum is accurate.
 */
export function complementOfLargest(p: ArrayLike<number>): number {
  const t = largestIndex(p);
  let sum = 0;
  for (let k = 0; k < p.length; k++) if (k !== t) sum += p[k] as number;
  return sum;
}

/**
 * `before` = softmax(z), `after` = softmax(z + h eⱼ), `jacobian` n × n row-major
 * (∂aᵢ/∂zⱼ at row i, column j); `j` is 0-based here.
 */
export function compareNudge(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  jacobian: ArrayLike<number>,
  j: number,
  h: number,
): NudgeComparison {
  const n = before.length;
  if (after.length !== n || jacobian.length !== n * n || !(j >= 0 && j < n)) {
    throw new Error(
      `nudge: ${n} probabilities, ${after.length} after, ${jacobian.length} J entries, j = ${j}`,
    );
  }
  // The largest probability's change in complement form, Δa_t = −Σ_(k≠t) Δa_k (Σ a = 1 before
  // and after): a_t(after) − a_t(before) would subtract two float32 numbers near 1 and keep
  // only their rounding when a is saturated, while the other classes' changes are accurate.
  const t = largestIndex(before);
  const actual: number[] = [];
  const rounding: number[] = [];
  let others = 0;
  let othersRounding = 0;
  for (let i = 0; i < n; i++) {
    const d = (after[i] as number) - (before[i] as number);
    const r = FLOAT32_HALF_ULP * (Math.abs(after[i] as number) + Math.abs(before[i] as number));
    actual.push(d);
    rounding.push(r);
    if (i !== t) {
      others += d;
      othersRounding += r;
    }
  }
  actual[t] = -others;
  rounding[t] = othersRounding;
  const linear: number[] = [];
  const error: number[] = [];
  let maxError = 0;
  let resolution = 0;
  for (let i = 0; i < n; i++) {
    const l = (jacobian[i * n + j] as number) * h;
    const e = (actual[i] as number) - l;
    linear.push(l);
    error.push(e);
    maxError = Math.max(maxError, Math.abs(e));
    resolution = Math.max(resolution, (rounding[i] as number) + FLOAT32_HALF_ULP * Math.abs(l));
  }
  return { actual, linear, error, maxError, resolution };
}

/** The logits with zⱼ (0-based j) moved by h, as the package is given them. */
export function nudged(logits: readonly number[], j: number, h: number): number[] {
  return logits.map((z, k) => (k === j ? z + h : z));
}
