// Nielsen's weight penalties (chapter 3), L2 and L1 side by side. The regularised cost is
//   C = C₀ + (λ₁/n) Σ_w |w| + (λ₂/2n) Σ_w w²
// (biases are not regularised), so gradient descent on it is the update
//   w → (1 − ηλ₂/n) w − (ηλ₁/n) sgn(w) − η ∂C₀/∂w,   sgn(0) = 0,
// with n the training-set size. Trainer::step and trace's single-sample update both apply the
// weight-decay part through apply_weight_penalties, with the factors formed here once.
#pragma once

#include "dataset.hpp"
#include "network.hpp"

namespace gradscope {

// 1 − ηλ₂/n in double (1 exactly without L2, so n is not needed then).
double weight_decay_factor(double learning_rate, double l2, int n);
// ηλ₁/n in double (0 exactly without L1).
double l1_shrink(double learning_rate, double l1, int n);

// w ← keep·w − shrink·sgn(w) element by element (sgn(0) = 0), each product rounded to T and
// the difference rounded once, the same on every platform.
template <typename T>
void apply_weight_penalties(Matrix<T>& w, T keep, T shrink);

// One layer's SGD update from its δ (BP3/BP4 summed over the batch, never materialised):
//   w ← keep·w − shrink·sgn(w) − step·δ a_prevᵀ,   b ← b − step·Σ_columns δ
// with step = η/m, keep = 1 − ηλ₂/n, shrink = ηλ₁/n; sgn is of w before the step. Without L1 it
// is the fused kernel alone (keep inside it); with L1 the penalties come first, then the kernel
// with keep = 1. Trainer::step and trace's update both call this, so they round alike.
template <typename T>
void regularised_sgd_step(Matrix<T>& w, Vector<T>& b, const Matrix<T>& delta,
                          const Matrix<T>& a_prev, T step, T keep, T shrink);

// C₀ + (λ₁/n) Σ|w| + (λ₂/2n) Σ w² over every weight w^l, l = 2 … L, in double; C₀ is the mean
// cost over the data (cost.hpp's cost_value). Throws std::invalid_argument for λ₁ or λ₂ negative
// or not finite, n < 1, or data that does not fit the network.
template <typename T>
double regularised_cost(const Network<T>& net, const Dataset<T>& data, double l1, double l2, int n);

}  // namespace gradscope
