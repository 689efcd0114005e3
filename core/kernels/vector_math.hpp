// exp, σ and tanh over a lanes type (ScalarLanes or Simd128Lanes), for the activation kernels.
// Cephes-style: range reduction x = n ln2 + r with |r| ≤ ln2/2, a degree-7 polynomial for e^r,
// then e^x = e^r · 2^n. Relative error about 2 ulp wherever the result is a normal float
// (kernels_test bounds it against std::exp).
#pragma once

namespace gradscope::kernels {

// e^x for every lane. Below −104 the result rounds to 0, above 88.73 it is +inf; no NaN from
// finite input.
template <class P>
typename P::V exp(typename P::V x) {
  using V = typename P::V;
  // Clamping keeps n within times_pow2's range; the clamped ends still give 0 and inf.
  x = P::min(P::max(x, P::splat(-104.0f)), P::splat(89.0f));
  const V n = P::nearest(P::mul(x, P::splat(1.44269504088896341f)));  // round(x / ln2)
  // r = x − n ln2 with ln2 split in two (Cody–Waite) so that n·ln2_hi is exact.
  V r = P::sub(x, P::mul(n, P::splat(0.693359375f)));
  r = P::sub(r, P::mul(n, P::splat(-2.12194440e-4f)));
  V p = P::splat(1.9875691500e-4f);
  p = P::add(P::mul(p, r), P::splat(1.3981999507e-3f));
  p = P::add(P::mul(p, r), P::splat(8.3334519073e-3f));
  p = P::add(P::mul(p, r), P::splat(4.1665795894e-2f));
  p = P::add(P::mul(p, r), P::splat(1.6666665459e-1f));
  p = P::add(P::mul(p, r), P::splat(5.0000001201e-1f));
  p = P::add(P::add(P::mul(p, P::mul(r, r)), r), P::splat(1.0f));  // e^r
  return P::times_pow2(p, n);
}

// σ(x) = 1/(1 + e^−x), split on the sign as the scalar reference is, so e^−|x| ≤ 1 never
// overflows and σ(−x) = e^−|x|/(1 + e^−|x|) keeps its relative accuracy far into the tail. When
// derivative is not null, also σ'(x) = t r r with t = e^−|x|, r = 1/(1 + t): formed from x with
// the same exp, so it stays exact where σ(x) rounds to 1 (σ(1 − σ) would be 0 there).
template <class P>
typename P::V sigmoid(typename P::V x, typename P::V* derivative = nullptr) {
  using V = typename P::V;
  const V e = exp<P>(P::neg(P::abs(x)));
  const V r = P::div(P::splat(1.0f), P::add(P::splat(1.0f), e));
  const V er = P::mul(e, r);
  if (derivative) *derivative = P::mul(er, r);
  return P::select(P::greater_equal(x, P::splat(0.0f)), r, er);
}

// tanh x. Near 0, (1 − e^−2|x|)/(1 + e^−2|x|) would cancel, so |x| < 0.625 uses Cephes' odd
// polynomial x + x³ q(x²); elsewhere t = e^−2|x| ≤ e^−1.25 and 1 − t has no cancellation. When
// derivative is not null, also tanh'(x) = 4t/(1 + t)² from the same t (exact where tanh x
// rounds to ±1, where 1 − tanh² would be 0).
template <class P>
typename P::V tanh(typename P::V x, typename P::V* derivative = nullptr) {
  using V = typename P::V;
  const V ax = P::abs(x);
  const V t = exp<P>(P::mul(P::splat(-2.0f), ax));
  const V one_plus_t = P::add(P::splat(1.0f), t);
  if (derivative) {
    *derivative = P::div(P::mul(P::splat(4.0f), t), P::mul(one_plus_t, one_plus_t));
  }
  const V far = P::div(P::sub(P::splat(1.0f), t), one_plus_t);
  const V z = P::mul(x, x);
  V q = P::splat(-5.70498872745e-3f);
  q = P::add(P::mul(q, z), P::splat(2.06390887954e-2f));
  q = P::add(P::mul(q, z), P::splat(-5.37397155531e-2f));
  q = P::add(P::mul(q, z), P::splat(1.33314422036e-1f));
  q = P::add(P::mul(q, z), P::splat(-3.33332819422e-1f));
  const V near = P::add(P::mul(P::mul(q, z), ax), ax);
  const V magnitude = P::select(P::less(ax, P::splat(0.625f)), near, far);
  return P::select(P::less(x, P::splat(0.0f)), P::neg(magnitude), magnitude);
}

}  // namespace gradscope::kernels
