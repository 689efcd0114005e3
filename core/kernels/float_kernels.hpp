// The float kernels, written once over a lanes type: Simd128Lanes (wasm_simd128.h) in the SIMD
// build, ScalarLanes (its portable twin) in the scalar build and in the tests. Same contracts
// as kernels.hpp; matrices are Eigen's column-major storage, read through raw pointers.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "../activation.hpp"
#include "../softmax_parts.hpp"
#include "../types.hpp"
#include "gemm.hpp"
#include "lanes_scalar.hpp"
#include "vector_math.hpp"

namespace gradscope::kernels::lanes {

// Runs op(lanes, i) over elements 0 … n − 1: whole vectors with P, the tail with ScalarLanes,
// so no load or store ever reaches past n.
template <class P, class Op>
void elementwise(Index n, Op&& op) {
  Index i = 0;
  for (; i + P::kWidth <= n; i += P::kWidth) op(P{}, i);
  for (; i < n; ++i) op(ScalarLanes{}, i);
}

// Stores v at p, except its first `skip` lanes (rows an overlapping row block already wrote).
template <class P>
void store_fresh(float* p, typename P::V v, int skip) {
  if (skip > 0) v = P::select(P::lanes_from(skip), v, P::load(p));
  P::store(p, v);
}

// z = acc + b (bias broadcast along the row).
struct AffineEpilogue {
  const float* b;
  float* z;
  Index ldz;
  template <class P>
  void store(typename P::V acc, Index i, Index j, int skip) {
    store_fresh<P>(z + j * ldz + i, P::add(acc, P::load(b + i)), skip);
  }
};

// delta = acc ⊙ d.
struct HadamardEpilogue {
  const float* d;
  float* delta;
  Index ld;
  template <class P>
  void store(typename P::V acc, Index i, Index j, int skip) {
    store_fresh<P>(delta + j * ld + i, P::mul(acc, P::load(d + j * ld + i)), skip);
  }
};

// dw = scale · acc.
struct ScaleEpilogue {
  float scale;
  float* dw;
  Index ld;
  template <class P>
  void store(typename P::V acc, Index i, Index j, int skip) {
    store_fresh<P>(dw + j * ld + i, P::mul(P::splat(scale), acc), skip);
  }
};

// w ← keep · w − step · acc: the SGD update with the gradient still in registers.
struct SgdEpilogue {
  float keep, step;
  float* w;
  Index ld;
  template <class P>
  void store(typename P::V acc, Index i, Index j, int skip) {
    float* p = w + j * ld + i;
    const typename P::V updated =
        P::sub(P::mul(P::splat(keep), P::load(p)), P::mul(P::splat(step), acc));
    store_fresh<P>(p, updated, skip);
  }
};

// z = w a_prev + b 1ᵀ.
template <class P>
void affine(const Matrix<float>& w, const Matrix<float>& a_prev, const Vector<float>& b,
            Matrix<float>& z) {
  z.resize(w.rows(), a_prev.cols());
  const GemmShape s{w.rows(), a_prev.cols(), w.cols(), w.data(),
                    w.rows(), a_prev.data(), 1,        a_prev.rows()};
  AffineEpilogue e{b.data(), z.data(), z.rows()};
  gemm<P>(s, e);
}

// delta = (wᵀ delta_next) ⊙ d. wᵀ is packed once per call so that its columns are contiguous
// for the vector loads; the pack is n_l × n_(l+1) moves against m times as many multiply-adds.
template <class P>
void transpose_times_hadamard(const Matrix<float>& w, const Matrix<float>& delta_next,
                              const Matrix<float>& d, Matrix<float>& delta) {
  static thread_local std::vector<float> packed;
  const Index n_next = w.rows(), n = w.cols();
  packed.resize(static_cast<std::size_t>(n * n_next));
  for (Index i = 0; i < n; ++i) {
    for (Index p = 0; p < n_next; ++p) packed[p * n + i] = w(p, i);
  }
  delta.resize(n, delta_next.cols());
  const GemmShape s{n, delta_next.cols(), n_next, packed.data(), n, delta_next.data(), 1, n_next};
  HadamardEpilogue e{d.data(), delta.data(), n};
  gemm<P>(s, e);
}

// out[i] = scale · Σ_j m(i, j): the bias gradient of BP3 summed over the batch.
template <class P>
void scaled_row_sums(const Matrix<float>& m, float scale, float* out) {
  const Index rows = m.rows();
  elementwise<P>(rows, [&](auto lanes, Index i) {
    using L = decltype(lanes);
    typename L::V total = L::splat(0.0f);
    for (Index j = 0; j < m.cols(); ++j) total = L::add(total, L::load(m.data() + j * rows + i));
    L::store(out + i, L::mul(L::splat(scale), total));
  });
}

// dw = scale · delta a_prevᵀ, db = scale · Σ_columns delta.
template <class P>
void outer_sum(const Matrix<float>& delta, const Matrix<float>& a_prev, float scale,
               Matrix<float>& dw, Vector<float>& db) {
  dw.resize(delta.rows(), a_prev.rows());
  db.resize(delta.rows());
  const GemmShape s{delta.rows(), a_prev.rows(), delta.cols(),  delta.data(),
                    delta.rows(), a_prev.data(), a_prev.rows(), 1};
  ScaleEpilogue e{scale, dw.data(), dw.rows()};
  gemm<P>(s, e);
  scaled_row_sums<P>(delta, scale, db.data());
}

// w ← keep·w − step·delta a_prevᵀ, b ← b − step·Σ_columns delta.
template <class P>
void sgd_step(Matrix<float>& w, Vector<float>& b, const Matrix<float>& delta,
              const Matrix<float>& a_prev, float step, float keep) {
  const GemmShape s{delta.rows(), a_prev.rows(), delta.cols(),  delta.data(),
                    delta.rows(), a_prev.data(), a_prev.rows(), 1};
  SgdEpilogue e{keep, step, w.data(), w.rows()};
  gemm<P>(s, e);
  const Index rows = delta.rows();
  elementwise<P>(rows, [&](auto lanes, Index i) {
    using L = decltype(lanes);
    typename L::V total = L::splat(0.0f);
    for (Index j = 0; j < delta.cols(); ++j) {
      total = L::add(total, L::load(delta.data() + j * rows + i));
    }
    L::store(b.data() + i, L::sub(L::load(b.data() + i), L::mul(L::splat(step), total)));
  });
}

// a = value(lanes, z, &d) element by element: value returns σ(z) and, given a non-null pointer,
// writes σ'(z) formed from z with the same exp.
template <class P, class Value>
void activate_elementwise(const Matrix<float>& z, Matrix<float>& a, Matrix<float>* d, Value value) {
  const float* zp = z.data();
  float* ap = a.data();
  float* dp = d ? d->data() : nullptr;
  elementwise<P>(z.size(), [&](auto lanes, Index i) {
    using L = decltype(lanes);
    const typename L::V zi = L::load(zp + i);
    if (dp) {
      typename L::V di;
      L::store(ap + i, value(lanes, zi, &di));
      L::store(dp + i, di);
    } else {
      L::store(ap + i, value(lanes, zi, static_cast<typename L::V*>(nullptr)));
    }
  });
}

// y_i = e^(x_i − max x) / Σ_j e^(x_j − max x) for each column (the shift keeps e^x ≤ 1).
template <class P>
void softmax(const Matrix<float>& z, Matrix<float>& a) {
  const Index n = z.rows();
  if (n == 0) return;  // no max to shift by (zc[0] does not exist)
  for (Index c = 0; c < z.cols(); ++c) {
    const float* zc = z.data() + c * n;
    float* ac = a.data() + c * n;
    float m = zc[0];
    for (Index i = 1; i < n; ++i) m = zc[i] > m ? zc[i] : m;
    elementwise<P>(n, [&](auto lanes, Index i) {
      using L = decltype(lanes);
      L::store(ac + i, exp<L>(L::sub(L::load(zc + i), L::splat(m))));
    });
    float total = 0.0f;
    for (Index i = 0; i < n; ++i) total += ac[i];
    elementwise<P>(n, [&](auto lanes, Index i) {
      using L = decltype(lanes);
      L::store(ac + i, L::div(L::load(ac + i), L::splat(total)));
    });
  }
}

// Calls visit(value) with the element-wise σ of f as one generic functor value(lanes, z, d):
// returns σ(z) and, when d is not null, stores σ'(z) formed from z (sigmoid t/(1 + t)², tanh
// 4t/(1 + t)², sharing σ's exp; see vector_math.hpp). Softmax is not element-wise: the caller
// handles it.
template <class Visit>
void visit_elementwise(Activation f, Visit visit) {
  switch (f) {
    case Activation::kSigmoid:
      visit([](auto lanes, auto z_i, auto* d) { return sigmoid<decltype(lanes)>(z_i, d); });
      return;
    case Activation::kTanh:
      visit([](auto lanes, auto z_i, auto* d) { return tanh<decltype(lanes)>(z_i, d); });
      return;
    case Activation::kRelu:
    case Activation::kLeakyRelu: {
      const float slope = f == Activation::kRelu ? 0.0f : static_cast<float>(kLeakyReluSlope);
      visit([slope](auto lanes, auto z_i, auto* d) {
        using L = decltype(lanes);
        const typename L::Mask positive = L::less(L::splat(0.0f), z_i);
        if (d) *d = L::select(positive, L::splat(1.0f), L::splat(slope));
        return L::select(positive, z_i, L::mul(L::splat(slope), z_i));
      });
      return;
    }
    case Activation::kIdentity:
      visit([](auto lanes, auto z_i, auto* d) {
        if (d) *d = decltype(lanes)::splat(1.0f);
        return z_i;
      });
      return;
    case Activation::kSoftmax:
      break;  // not element-wise: activate() forms it before reaching here
  }
  // Every element-wise case returned above (-Werror=switch makes a missing case a build error),
  // so this is softmax or a value outside the enum: never leave a and d unwritten in silence.
  throw std::invalid_argument(std::string("activation '") + activation_name(f) +
                              "' has no element-wise kernel");
}

// The Jacobian diagonal y_i (1 − y_i) of softmax (BP1 uses the full Jacobian), with 1 − y_t of
// each column's largest output summed from the others (softmax_parts.hpp) so that it stays exact
// where y_t rounds to 1. That fix-up is the same scalar code in every lanes type.
template <class P>
void softmax_diagonal(const Matrix<float>& a, Matrix<float>& d) {
  const float* ap = a.data();
  float* dp = d.data();
  elementwise<P>(a.size(), [&](auto lanes, Index i) {
    using L = decltype(lanes);
    const typename L::V a_i = L::load(ap + i);
    L::store(dp + i, L::mul(a_i, L::sub(L::splat(1.0f), a_i)));
  });
  const Index n = a.rows();
  for (Index c = 0; n > 0 && c < a.cols(); ++c) {
    const float* ac = ap + c * n;
    const Index top = largest_index(ac, n);
    dp[c * n + top] = ac[top] * sum_except(ac, n, top);
  }
}

// a = σ(z) and optionally d = σ'(z).
template <class P>
void activate(Activation f, const Matrix<float>& z, Matrix<float>& a, Matrix<float>* d) {
  a.resize(z.rows(), z.cols());
  if (d) d->resize(z.rows(), z.cols());
  if (f == Activation::kSoftmax) {
    softmax<P>(z, a);
    if (d) softmax_diagonal<P>(a, *d);
    return;
  }
  visit_elementwise(f, [&](auto value) { activate_elementwise<P>(z, a, d, value); });
}

// The forward step of one layer: z = w a_prev + b 1ᵀ (the bias added in the product's
// epilogue), then a = σ(z) and, when d is not null, d = σ'(z) in one pass over z while it is
// still in L1. Forming σ inside the product's epilogue as well measured slower in V8 (about
// 40% on [784,30,10] in an interleaved A/B): the exp polynomial there crowds the register block.
template <class P>
void affine_activate(Activation f, const Matrix<float>& w, const Matrix<float>& a_prev,
                     const Vector<float>& b, Matrix<float>& z, Matrix<float>& a, Matrix<float>* d) {
  affine<P>(w, a_prev, b, z);
  activate<P>(f, z, a, d);
}

// delta = delta ⊙ d.
template <class P>
void hadamard_in_place(Matrix<float>& delta, const Matrix<float>& d) {
  float* p = delta.data();
  const float* dp = d.data();
  elementwise<P>(delta.size(), [&](auto lanes, Index i) {
    using L = decltype(lanes);
    L::store(p + i, L::mul(L::load(p + i), L::load(dp + i)));
  });
}

// delta = (a − y) ⊙ d.
template <class P>
void difference_hadamard(const Matrix<float>& a, const Matrix<float>& y, const Matrix<float>& d,
                         Matrix<float>& delta) {
  delta.resize(a.rows(), a.cols());
  const float* ap = a.data();
  const float* yp = y.data();
  const float* dp = d.data();
  float* out = delta.data();
  elementwise<P>(a.size(), [&](auto lanes, Index i) {
    using L = decltype(lanes);
    L::store(out + i, L::mul(L::sub(L::load(ap + i), L::load(yp + i)), L::load(dp + i)));
  });
}

}  // namespace gradscope::kernels::lanes
