// Reference kernels written with Eigen expressions: the native build's float path, the double
// path everywhere, and the oracle the SIMD and scalar kernels are tested against.
#pragma once

#include "../activation.hpp"
#include "../types.hpp"

namespace gradscope::kernels::eigen {

template <typename T>
void affine(const Matrix<T>& w, const Matrix<T>& a_prev, const Vector<T>& b, Matrix<T>& z) {
  z.noalias() = w * a_prev;
  z.colwise() += b;
}

template <typename T>
void transpose_times_hadamard(const Matrix<T>& w, const Matrix<T>& delta_next, const Matrix<T>& d,
                              Matrix<T>& delta) {
  delta.noalias() = w.transpose() * delta_next;
  delta.array() *= d.array();
}

template <typename T>
void outer_sum(const Matrix<T>& delta, const Matrix<T>& a_prev, T scale, Matrix<T>& dw,
               Vector<T>& db) {
  dw.noalias() = scale * (delta * a_prev.transpose());
  db.noalias() = scale * delta.rowwise().sum();
}

template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a, Matrix<T>* d) {
  gradscope::activate(f, z, a, d);
}

template <typename T>
void affine_activate(Activation f, const Matrix<T>& w, const Matrix<T>& a_prev, const Vector<T>& b,
                     Matrix<T>& z, Matrix<T>& a, Matrix<T>* d) {
  affine(w, a_prev, b, z);
  gradscope::activate(f, z, a, d);  // a = σ(z) and σ'(z) from z, sharing σ's exp
}

template <typename T>
void hadamard_in_place(Matrix<T>& delta, const Matrix<T>& d) {
  delta.array() *= d.array();
}

template <typename T>
void difference_hadamard(const Matrix<T>& a, const Matrix<T>& y, const Matrix<T>& d,
                         Matrix<T>& delta) {
  delta = ((a - y).array() * d.array()).matrix();
}

template <typename T>
void sgd_step(Matrix<T>& w, Vector<T>& b, const Matrix<T>& delta, const Matrix<T>& a_prev, T step,
              T keep) {
  if (keep != T(1)) w *= keep;
  w.noalias() -= step * (delta * a_prev.transpose());
  b.noalias() -= step * delta.rowwise().sum();
}

}  // namespace gradscope::kernels::eigen
