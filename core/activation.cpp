#include "activation.hpp"

#include <cmath>
#include <stdexcept>

#include "softmax_parts.hpp"

namespace gradscope {

namespace {

// σ(x) = 1 / (1 + e^-x), split on the sign so that e^|x| is never formed: no overflow at |x| = 1e4.
// With t = e^-|x| and r = 1/(1 + t): σ(|x|) = r, σ(-|x|) = t r, and σ'(x) = σ(x) σ(-x) = t r r,
// which keeps its relative accuracy where σ(x) rounds to 1 and σ(1 - σ) would be 0.
template <typename T>
T sigmoid(T x, T* derivative) {
  const T t = std::exp(-std::abs(x));
  const T r = T(1) / (T(1) + t);
  if (derivative) *derivative = t * r * r;
  return x >= T(0) ? r : t * r;
}

// tanh x, and with t = e^-2|x|: tanh'(x) = 1 - tanh² x = 4t / (1 + t)², exact where tanh x
// rounds to ±1 (1 - tanh² would be 0 there).
template <typename T>
T tanh(T x, T* derivative) {
  if (derivative) {
    const T t = std::exp(T(-2) * std::abs(x));
    const T q = T(1) + t;
    *derivative = T(4) * t / (q * q);
  }
  return std::tanh(x);
}

// a = σ(z) and, when derivative is not null, σ'(z) from z itself (not from the rounded a).
template <typename T>
T scalar_value(Activation f, T x, T* derivative = nullptr) {
  switch (f) {
    case Activation::kSigmoid:
      return sigmoid(x, derivative);
    case Activation::kTanh:
      return tanh(x, derivative);
    case Activation::kRelu:
      if (derivative) *derivative = x > T(0) ? T(1) : T(0);
      return x > T(0) ? x : T(0);
    case Activation::kLeakyRelu:
      if (derivative) *derivative = x > T(0) ? T(1) : T(kLeakyReluSlope);
      return x > T(0) ? x : T(kLeakyReluSlope) * x;
    case Activation::kIdentity:
      if (derivative) *derivative = T(1);
      return x;
    case Activation::kSoftmax:
      break;
  }
  throw std::invalid_argument("softmax is not an element-wise activation");
}

// y_i (1 - y_i) for one softmax column, with 1 - y_i summed from the other outputs for the
// largest y (the only one that can be near 1), so it stays exact where that y rounds to 1.
template <typename T>
void softmax_diagonal(const T* y, Eigen::Index n, T* d) {
  const Eigen::Index top = largest_index(y, n);
  for (Eigen::Index i = 0; i < n; ++i) d[i] = y[i] * (T(1) - y[i]);
  d[top] = y[top] * sum_except(y, n, top);
}

}  // namespace

double activation_value(Activation f, double x) { return scalar_value(f, x); }

double activation_derivative(Activation f, double x) {
  double d = 0.0;
  scalar_value(f, x, &d);
  return d;
}

template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a, Matrix<T>* d) {
  a.resize(z.rows(), z.cols());
  if (d) d->resize(z.rows(), z.cols());
  if (f == Activation::kSoftmax) {
    // y_i = e^(x_i - max x) / Σ_j e^(x_j - max x): the shift leaves y unchanged and keeps e^x
    // finite. Zero rows have no max: nothing to do. std::exp, not Eigen's vectorised exp, which
    // for float returns e^-88.7 for every x below -88.7 instead of the (subnormal or 0) e^x.
    for (Eigen::Index c = 0; z.rows() > 0 && c < z.cols(); ++c) {
      const T m = z.col(c).maxCoeff();
      a.col(c) = (z.col(c).array() - m).unaryExpr([](T v) { return std::exp(v); });
      a.col(c) /= a.col(c).sum();
      if (d) softmax_diagonal(a.col(c).data(), a.rows(), d->col(c).data());
    }
    return;
  }
  const T* zp = z.data();
  T* ap = a.data();
  T* dp = d ? d->data() : nullptr;
  for (Eigen::Index i = 0, n = z.size(); i < n; ++i)
    ap[i] = scalar_value(f, zp[i], dp ? dp + i : dp);
}

template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a) {
  activate<T>(f, z, a, nullptr);
}

template <typename T>
void activation_derivative(Activation f, const Matrix<T>& z, const Matrix<T>& a, Matrix<T>& d) {
  d.resize(z.rows(), z.cols());
  if (f == Activation::kSoftmax) {
    for (Eigen::Index c = 0; z.rows() > 0 && c < z.cols(); ++c) {
      softmax_diagonal(a.col(c).data(), a.rows(), d.col(c).data());
    }
    return;
  }
  const T* zp = z.data();
  T* dp = d.data();
  for (Eigen::Index i = 0, n = z.size(); i < n; ++i) scalar_value(f, zp[i], dp + i);
}

template <typename T>
Matrix<T> softmax_jacobian(const Vector<T>& y) {
  // J = diag(y) - y yᵀ, i.e. J_ij = y_i (δ_ij - y_j). The diagonal y_i (1 - y_i) is σ' of
  // activate() (softmax_diagonal), not y_i - y_i², which cancels where the largest y is near 1.
  const Eigen::Index n = y.size();
  Matrix<T> j = -y * y.transpose();
  Vector<T> d(n);
  if (n > 0) softmax_diagonal(y.data(), n, d.data());
  j.diagonal() = d;
  return j;
}

template void activate<float>(Activation, const Matrix<float>&, Matrix<float>&);
template void activate<double>(Activation, const Matrix<double>&, Matrix<double>&);
template void activate<float>(Activation, const Matrix<float>&, Matrix<float>&, Matrix<float>*);
template void activate<double>(Activation, const Matrix<double>&, Matrix<double>&, Matrix<double>*);
template void activation_derivative<float>(Activation, const Matrix<float>&, const Matrix<float>&,
                                           Matrix<float>&);
template void activation_derivative<double>(Activation, const Matrix<double>&,
                                            const Matrix<double>&, Matrix<double>&);
template Matrix<float> softmax_jacobian<float>(const Vector<float>&);
template Matrix<double> softmax_jacobian<double>(const Vector<double>&);

}  // namespace gradscope
