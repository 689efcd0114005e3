// The nudge's demonstration of the Jacobian as a linear approximation: the actual change
// Δa = softmax(z + h e_j) − softmax(z) (both softmax values from the package) beside the
// first-order prediction J[:, j]·h. The product and the differences are computed here on purpose:
// they are the arithmetic the learner is shown, not a second softmax (J comes from the package).

export interface NudgeComparison {
  /** Δa_i = a_i(z + h e_j) − a_i(z). */
  actual: number[];
  /** J[i][j]·h, the linear prediction. */
  linear: number[];
  /** actual − linear, second order in h. */
  error: number[];
  /** max_i |error_i|. */
  maxError: number;
}

/**
 * `before` = softmax(z), `after` = softmax(z + h e_j), `jacobian` n × n row-major
 * (∂a_i/∂z_j at row i, column j); `j` is 0-based here.
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
  const actual: number[] = [];
  const linear: number[] = [];
  const error: number[] = [];
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    const d = (after[i] as number) - (before[i] as number);
    const l = (jacobian[i * n + j] as number) * h;
    actual.push(d);
    linear.push(l);
    error.push(d - l);
    maxError = Math.max(maxError, Math.abs(d - l));
  }
  return { actual, linear, error, maxError };
}

/** The logits with z_j (0-based j) moved by h, as the package is given them. */
export function nudged(logits: readonly number[], j: number, h: number): number[] {
  return logits.map((z, k) => (k === j ? z + h : z));
}
