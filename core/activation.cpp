#include "activation.hpp"

#include <cmath>
#include <stdexcept>

namespace gradscope {

namespace {

// σ(x) = 1 / (1 + e^-x), split on the sign so that e^|x| is never formed: no overflow at |x| = 1e4.
template <typename T>
T sigmoid(T x) {
  if (x >= T(0)) return T(1) / (T(1) + std::exp(-x));
  const T e = std::exp(x);
  return e / (T(1) + e);
}

template <typename T>
T scalar_value(Activation f, T x) {
  switch (f) {
    case Activation::kSigmoid:
      return sigmoid(x);
    case Activation::kTanh:
      return std::tanh(x);
    case Activation::kRelu:
      return x > T(0) ? x : T(0);
    case Activation::kLeakyRelu:
      return x > T(0) ? x : T(kLeakyReluSlope) * x;
    case Activation::kIdentity:
      return x;
    case Activation::kSoftmax:
      break;
  }
  throw std::invalid_argument("softmax is not an element-wise activation");
}

// σ' from the already computed a = σ(z), as the seed writes it: σ' = σ(1 - σ), tanh' = 1 - tanh².
template <typename T>
T scalar_derivative(Activation f, T z, T a) {
  switch (f) {
    case Activation::kSigmoid:
      return a * (T(1) - a);
    case Activation::kTanh:
      return T(1) - a * a;
    case Activation::kRelu:
      return z > T(0) ? T(1) : T(0);
    case Activation::kLeakyRelu:
      return z > T(0) ? T(1) : T(kLeakyReluSlope);
    case Activation::kIdentity:
      return T(1);
    case Activation::kSoftmax:
      return a * (T(1) - a);  // Jacobian diagonal
  }
  return T(0);
}

}  // namespace

double activation_value(Activation f, double x) { return scalar_value(f, x); }

double activation_derivative(Activation f, double x) {
  return scalar_derivative(f, x, scalar_value(f, x));
}

template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a) {
  a.resize(z.rows(), z.cols());
  if (f == Activation::kSoftmax) {
    // y_i = e^(x_i - max x) / Σ_j e^(x_j - max x): the shift leaves y unchanged and keeps e^x
    // finite. Zero rows have no max: nothing to do.
    for (Eigen::Index c = 0; z.rows() > 0 && c < z.cols(); ++c) {
      const T m = z.col(c).maxCoeff();
      a.col(c) = (z.col(c).array() - m).exp();
      a.col(c) /= a.col(c).sum();
    }
    return;
  }
  const T* zp = z.data();
  T* ap = a.data();
  for (Eigen::Index i = 0, n = z.size(); i < n; ++i) ap[i] = scalar_value(f, zp[i]);
}

template <typename T>
void activation_derivative(Activation f, const Matrix<T>& z, const Matrix<T>& a, Matrix<T>& d) {
  d.resize(z.rows(), z.cols());
  const T* zp = z.data();
  const T* ap = a.data();
  T* dp = d.data();
  for (Eigen::Index i = 0, n = z.size(); i < n; ++i) dp[i] = scalar_derivative(f, zp[i], ap[i]);
}

template <typename T>
Matrix<T> softmax_jacobian(const Vector<T>& y) {
  // J = diag(y) - y yᵀ, i.e. J_ij = y_i (δ_ij - y_j).
  Matrix<T> j = -y * y.transpose();
  j.diagonal() += y;
  return j;
}

template void activate<float>(Activation, const Matrix<float>&, Matrix<float>&);
template void activate<double>(Activation, const Matrix<double>&, Matrix<double>&);
template void activation_derivative<float>(Activation, const Matrix<float>&, const Matrix<float>&,
                                           Matrix<float>&);
template void activation_derivative<double>(Activation, const Matrix<double>&,
                                            const Matrix<double>&, Matrix<double>&);
template Matrix<float> softmax_jacobian<float>(const Vector<float>&);
template Matrix<double> softmax_jacobian<double>(const Vector<double>&);

}  // namespace gradscope
