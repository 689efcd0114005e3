// The one dispatch point for the hot loops of forward and backward passes. Double precision (the
// gradient checks) always runs Eigen; single precision runs the kernel set this build was compiled
// with: Eigen natively, WebAssembly SIMD (wasm_simd128.h) or its portable scalar twin.
#pragma once

#include "../activation.hpp"
#include "../types.hpp"

namespace gradscope::kernels {

// "eigen", "wasm-simd128" or "scalar": what float work dispatches to in this build.
const char* backend_name();

// One layer's forward step for every sample (column):
//   z = w a_prev + b 1ᵀ (z^l = w^l a^(l-1) + b^l),  a = σ(z),  d = σ'(z) when d is not null.
// Softmax normalises each column; its d is the Jacobian's diagonal.
template <typename T>
void affine_activate(Activation f, const Matrix<T>& w, const Matrix<T>& a_prev, const Vector<T>& b,
                     Matrix<T>& z, Matrix<T>& a, Matrix<T>* d);

// a = σ(z) for every sample (column), and d = σ'(z) when d is not null: the σ affine_activate
// applies, for callers that have z already (the package's softmax).
template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a, Matrix<T>* d);

// BP2 in one pass: delta = (wᵀ delta_next) ⊙ d, i.e. δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l).
template <typename T>
void transpose_times_hadamard(const Matrix<T>& w, const Matrix<T>& delta_next, const Matrix<T>& d,
                              Matrix<T>& delta);

// dw = scale · delta a_prevᵀ and db = scale · Σ_columns delta: BP4 and BP3 summed over the
// mini-batch (scale = 1/m averages).
template <typename T>
void outer_sum(const Matrix<T>& delta, const Matrix<T>& a_prev, T scale, Matrix<T>& dw,
               Vector<T>& db);

// BP3/BP4 folded into the SGD step, without materialising the gradient:
//   w ← keep·w − step · delta a_prevᵀ,   b ← b − step · Σ_columns delta
// with step = η/m and keep = 1 − ηλ/n (Nielsen's network2 update with L2).
template <typename T>
void sgd_step(Matrix<T>& w, Vector<T>& b, const Matrix<T>& delta, const Matrix<T>& a_prev, T step,
              T keep);

// delta = delta ⊙ d (the Hadamard product of BP1/BP2).
template <typename T>
void hadamard_in_place(Matrix<T>& delta, const Matrix<T>& d);

// delta = (a − y) ⊙ d: BP1 for the quadratic cost, whose ∂C/∂a^L is a^L − y.
template <typename T>
void difference_hadamard(const Matrix<T>& a, const Matrix<T>& y, const Matrix<T>& d,
                         Matrix<T>& delta);

}  // namespace gradscope::kernels
