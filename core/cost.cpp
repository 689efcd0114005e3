#include "cost.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "softmax_parts.hpp"

namespace gradscope {

namespace {

template <typename T>
void check_shapes(const Matrix<T>& a, const Matrix<T>& y) {
  if (a.rows() != y.rows() || a.cols() != y.cols()) {
    throw std::invalid_argument("target shape " + std::to_string(y.rows()) + "x" +
                                std::to_string(y.cols()) + " does not match output shape " +
                                std::to_string(a.rows()) + "x" + std::to_string(a.cols()));
  }
}

// softplus(x) = ln(1 + e^x) = max(x, 0) + ln(1 + e^−|x|): no overflow, and log1p keeps the tail
// e^−|x| exact (softplus(−80) = 1.8e−35, not 0).
double softplus(double x) { return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x))); }

// Per-sample cost of one element-wise output column.
double elementwise_cost(Cost c, Activation f, const double* z, const double* y, Eigen::Index n) {
  double total = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (c == Cost::kCrossEntropy) {
      // σ only (validate): −ln σ(z) = softplus(−z), −ln(1 − σ(z)) = softplus(z). Two terms that
      // are ≥ 0 for y in [0, 1], so their sum does not cancel either (unlike softplus(z) − yz).
      total += y[i] * softplus(-z[i]) + (1.0 - y[i]) * softplus(z[i]);
    } else {
      const double r = output_residual(f, z[i], y[i]);
      total += 0.5 * r * r;
    }
  }
  return total;
}

double softmax_cost(Cost c, const double* z, const double* y, Eigen::Index n, SoftmaxColumn& s) {
  s.evaluate(z, n);
  double total = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const bool top = i == s.top;
    switch (c) {
      case Cost::kQuadratic: {
        const double r = top ? (1.0 - y[i]) - s.rest : s.a[i] - y[i];  // a − y
        total += 0.5 * r * r;
        break;
      }
      case Cost::kCrossEntropy:
        // ln(1 − a_i): the summed tail for the largest output; log1p(−a_i) for the others (≤ ½).
        total -= y[i] * s.ln_a[i] + (1.0 - y[i]) * (top ? s.ln_rest : std::log1p(-s.a[i]));
        break;
      case Cost::kLogLikelihood:
        total -= y[i] * s.ln_a[i];
        break;
    }
  }
  return total;
}

}  // namespace

double output_residual(Activation f, double z, double y) {
  switch (f) {
    case Activation::kSigmoid: {
      const double t = std::exp(-std::abs(z));
      const double tail = t / (1.0 + t);  // σ(−|z|) = 1 − σ(|z|)
      return z >= 0.0 ? (1.0 - y) - tail : tail - y;
    }
    case Activation::kTanh: {
      // 1 − tanh|z| = 2t/(1 + t) with t = e^−2|z|; only used where tanh|z| ≥ ½, since near 0 it
      // would cancel against 1 − y.
      if (std::abs(z) < 0.55) return std::tanh(z) - y;
      const double t = std::exp(-2.0 * std::abs(z));
      const double tail = 2.0 * t / (1.0 + t);
      return z > 0.0 ? (1.0 - y) - tail : tail - (1.0 + y);
    }
    default:
      return activation_value(f, z) - y;
  }
}

template <typename T>
double cost_value(Cost c, Activation f, const Matrix<T>& z, const Matrix<T>& y) {
  check_shapes(z, y);
  if (z.cols() == 0) return 0.0;
  const Eigen::Index n = z.rows();
  const Matrix<double> zd = z.template cast<double>(), yd = y.template cast<double>();
  SoftmaxColumn s;
  double total = 0.0;
  for (Eigen::Index col = 0; n > 0 && col < z.cols(); ++col) {
    const double* zc = zd.data() + col * n;
    const double* yc = yd.data() + col * n;
    total += f == Activation::kSoftmax ? softmax_cost(c, zc, yc, n, s)
                                       : elementwise_cost(c, f, zc, yc, n);
  }
  return total / static_cast<double>(z.cols());
}

double cost_gradient(Cost c, Activation f, double z, double y) {
  if (f == Activation::kSoftmax || c == Cost::kLogLikelihood) {
    throw std::invalid_argument(
        std::string("∂C/∂a of one unit needs an element-wise output, not ") + activation_name(f) +
        " with " + cost_name(c));
  }
  const double r = output_residual(f, z, y);
  if (c == Cost::kQuadratic) return r;  // ∂/∂a ½(a − y)² = a − y
  // ∂C/∂a = (a − y)/(a(1 − a)), with a(1 − a) = σ'(z) from z; the floor keeps it finite where
  // σ'(z) underflows even in double (|z| > 745), where σ'(z) in float is 0 anyway.
  return r / std::max(activation_derivative(f, z), std::numeric_limits<double>::min());
}

template <typename T>
Matrix<T> cost_gradient(Cost c, const Matrix<T>& a, const Matrix<T>& y) {
  check_shapes(a, y);
  // Keep a strictly inside (0, 1) in the denominators so a saturated unit yields a large, finite
  // gradient instead of inf/NaN.
  const T tiny = std::numeric_limits<T>::min() * T(1e6);
  switch (c) {
    case Cost::kQuadratic:
      return a - y;  // ∂/∂a ½‖a − y‖² = a − y
    case Cost::kCrossEntropy:
      // ∂C/∂a = (a − y) / (a (1 − a))
      return ((a - y).array() / (a.array() * (T(1) - a.array())).max(tiny)).matrix();
    case Cost::kLogLikelihood:
      return (-y.array() / a.array().max(tiny)).matrix();  // ∂C/∂a_j = −y_j / a_j
  }
  return a - y;
}

template double cost_value<float>(Cost, Activation, const Matrix<float>&, const Matrix<float>&);
template double cost_value<double>(Cost, Activation, const Matrix<double>&, const Matrix<double>&);
template Matrix<float> cost_gradient<float>(Cost, const Matrix<float>&, const Matrix<float>&);
template Matrix<double> cost_gradient<double>(Cost, const Matrix<double>&, const Matrix<double>&);

}  // namespace gradscope
