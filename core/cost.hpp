// Cost functions C(a^L, y) and their gradients ∂C/∂a^L, per sample (one column each).
#pragma once

#include <string>

#include "activation.hpp"
#include "types.hpp"

namespace gradscope {

enum class Cost { kQuadratic, kCrossEntropy, kLogLikelihood };

// The names of catalogue.hpp's kCosts (defined in catalogue.cpp); anything else throws
// std::invalid_argument.
Cost parse_cost(const std::string& name);
const char* cost_name(Cost c);

// Mean over the batch's columns of the per-sample cost of the output a^L = f(z^L), computed in
// double from z^L in forms that stay exact however saturated the output (docs/numerics.md):
//   quadratic      C = ½‖a − y‖², with a − y written via the tail 1 − a where a is near 1
//   cross-entropy  C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]: softplus for sigmoid
//                  (−ln a = softplus(−z), −ln(1 − a) = softplus(z)); for softmax
//                  ln a_j = z_j − lse and ln(1 − a_j) = ln Σ_(k≠j) e^(z_k) − lse
//   log-likelihood C = −Σ_j y_j ln a_j = Σ_j y_j (lse − z_j)  (with one-hot y: −ln a_y)
// No floor: a cost is finite for every finite z.
template <typename T>
double cost_value(Cost c, Activation f, const Matrix<T>& z, const Matrix<T>& y);

// ∂C_x/∂a^L for every sample x from a^L alone, as the seed writes it (not averaged; backprop
// averages the parameter gradients). Loses its digits where a rounds to 0 or 1: BP1's exact
// forms (output_error.hpp) do not use it; the textbook form (OutputErrorForm::kGeneral) does.
template <typename T>
Matrix<T> cost_gradient(Cost c, const Matrix<T>& a, const Matrix<T>& y);

// ∂C/∂a for one element-wise output unit a = f(z), from z in double: a − y for quadratic,
// (a − y)/σ'(z) for cross-entropy (σ' = a(1 − a) formed from z). Log-likelihood needs softmax,
// which is not element-wise: throws std::invalid_argument.
double cost_gradient(Cost c, Activation f, double z, double y);

// a − y for one element-wise output a = f(z), in double from z: where |a| is near 1 (sigmoid,
// tanh) it is written with the tail 1 − |a|, which keeps its digits where a rounds to ±1.
double output_residual(Activation f, double z, double y);

}  // namespace gradscope
