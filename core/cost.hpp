// Cost functions C(a^L, y) and their gradients ∂C/∂a^L, per sample (one column each).
#pragma once

#include <string>

#include "types.hpp"

namespace gradscope {

enum class Cost { kQuadratic, kCrossEntropy, kLogLikelihood };

// The names of catalogue.hpp's kCosts (defined in catalogue.cpp); anything else throws
// std::invalid_argument.
Cost parse_cost(const std::string& name);
const char* cost_name(Cost c);

// Mean over the batch's columns of the per-sample cost:
//   quadratic      C = ½‖a − y‖²
//   cross-entropy  C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]
//   log-likelihood C = −Σ_j y_j ln a_j  (with one-hot y: −ln a_y)
template <typename T>
double cost_value(Cost c, const Matrix<T>& a, const Matrix<T>& y);

// ∂C_x/∂a^L for every sample x (not averaged; backprop averages the parameter gradients).
template <typename T>
Matrix<T> cost_gradient(Cost c, const Matrix<T>& a, const Matrix<T>& y);

}  // namespace gradscope
