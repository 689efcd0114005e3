// The log-likelihood cost of a softmax output for a one-hot target y (class t), and BP1 two ways:
// the shortcut δᴸ = a − y and the general product δᴸ = Jᵀ ∂C/∂a (Nielsen, chapter 3, "Softmax").
// a and J come from the package; this is the page's worked arithmetic on them, shown so that a
// learner sees the two forms agree. A class with a_t = 0 in float32 (a saturated softmax) makes
// ∂C/∂a_t = −1/a_t infinite: the product is then undefined and reported as such, never NaN.

export interface LogLikelihoodWorked {
  /** C = −ln a_t (∞ when a_t = 0). */
  cost: number;
  /** ∂C/∂a: −1/a_t at t, 0 elsewhere. */
  costGradient: number[];
  /** δ = a − y. */
  shortcut: number[];
  /** δ = Jᵀ ∂C/∂a, i.e. δ_j = Σ_i J[i][j] ∂C/∂a_i; null when a_t = 0. */
  product: number[] | null;
  /** max_j |shortcut_j − product_j| (null with the product). */
  maxDifference: number | null;
}

/** `t` is 0-based; `jacobian` n × n row-major, ∂a_i/∂z_j at row i, column j. */
export function workLogLikelihood(
  a: ArrayLike<number>,
  jacobian: ArrayLike<number>,
  t: number,
): LogLikelihoodWorked {
  const n = a.length;
  if (jacobian.length !== n * n || !(t >= 0 && t < n)) {
    throw new Error(`log-likelihood: ${n} probabilities, ${jacobian.length} J entries, t = ${t}`);
  }
  const at = a[t] as number;
  const cost = -Math.log(at);
  const costGradient = Array.from({ length: n }, (_, i) => (i === t ? -1 / at : 0));
  const shortcut = Array.from({ length: n }, (_, i) => (a[i] as number) - (i === t ? 1 : 0));
  if (!(at > 0)) return { cost, costGradient, shortcut, product: null, maxDifference: null };
  const product: number[] = [];
  let maxDifference = 0;
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++)
      sum += (jacobian[i * n + j] as number) * (costGradient[i] as number);
    product.push(sum);
    maxDifference = Math.max(maxDifference, Math.abs(sum - (shortcut[j] as number)));
  }
  return { cost, costGradient, shortcut, product, maxDifference };
}
