#include "cost.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace gradscope {

namespace {

// ln of an output clamped away from 0: a saturated output (a = 0 exactly in float) would
// otherwise give an infinite cost. Same idea as Nielsen's np.nan_to_num.
double safe_log(double v) { return std::log(std::max(v, 1e-30)); }

template <typename T>
void check_shapes(const Matrix<T>& a, const Matrix<T>& y) {
  if (a.rows() != y.rows() || a.cols() != y.cols()) {
    throw std::invalid_argument("target shape " + std::to_string(y.rows()) + "x" +
                                std::to_string(y.cols()) + " does not match output shape " +
                                std::to_string(a.rows()) + "x" + std::to_string(a.cols()));
  }
}

}  // namespace

template <typename T>
double cost_value(Cost c, const Matrix<T>& a, const Matrix<T>& y) {
  check_shapes(a, y);
  if (a.cols() == 0) return 0.0;
  double total = 0.0;
  for (Eigen::Index k = 0; k < a.size(); ++k) {
    const double ak = a.data()[k];
    const double yk = y.data()[k];
    switch (c) {
      case Cost::kQuadratic:
        total += 0.5 * (ak - yk) * (ak - yk);
        break;
      case Cost::kCrossEntropy:
        // Terms with y = 0 or y = 1 are skipped rather than multiplied by ln 0.
        if (yk != 0.0) total -= yk * safe_log(ak);
        if (yk != 1.0) total -= (1.0 - yk) * safe_log(1.0 - ak);
        break;
      case Cost::kLogLikelihood:
        if (yk != 0.0) total -= yk * safe_log(ak);
        break;
    }
  }
  return total / static_cast<double>(a.cols());
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

template double cost_value<float>(Cost, const Matrix<float>&, const Matrix<float>&);
template double cost_value<double>(Cost, const Matrix<double>&, const Matrix<double>&);
template Matrix<float> cost_gradient<float>(Cost, const Matrix<float>&, const Matrix<float>&);
template Matrix<double> cost_gradient<double>(Cost, const Matrix<double>&, const Matrix<double>&);

}  // namespace gradscope
