// What the playground shows about backprop on one batch, per weighted layer l = 2 … L:
// how fast each layer learns (Nielsen's ‖∂C/∂b^l‖, "speed of learning") and how small the
// σ'(z^l) factors of the gradient's chain product are.
#pragma once

#include <vector>

#include "backprop.hpp"
#include "network.hpp"

namespace gradscope {

// Fixed histogram bins for σ'(z): 20 equal bins over [0, 1], the same for every activation so
// that sigmoid's ceiling of 1/4 is visible next to tanh's and ReLU's 1.
inline constexpr int kDerivativeBins = 20;

// A unit is saturated on a sample when σ'(z) is below 1% of the activation's largest σ'.
inline constexpr double kSaturationFraction = 0.01;

struct LayerDiagnostics {
  int layer = 0;                    // l
  double bias_grad_norm = 0.0;      // ‖∂C/∂b^l‖ (batch average)
  double weight_grad_norm = 0.0;    // ‖∂C/∂w^l‖ (Frobenius, batch average)
  double mean_abs_act_deriv = 0.0;  // mean over units and samples of |σ'(z^l)|
  std::vector<double> hist_edges;   // kDerivativeBins + 1 edges
  std::vector<int> hist_counts;     // kDerivativeBins counts (units × samples, NaN skipped)
  double saturated_fraction = 0.0;  // share of (unit, sample) pairs that are saturated
};

template <typename T>
std::vector<LayerDiagnostics> diagnose(const Network<T>& net, const Matrix<T>& x,
                                       const Matrix<T>& y);

struct GradientCheckResult {
  double max_relative_error = 0.0;
  int worst_layer = 0;  // l of the worst parameter
  bool worst_is_bias = false;
  int worst_index = 0;  // column-major index within w^l, or the index within b^l
  int parameters_checked = 0;
};

// Compares backprop with central differences (C(θ + h) − C(θ − h)) / 2h for every parameter
// (up to max_parameters, spread evenly). Relative error |g − n| / max(|g|, |n|, floor); NaN when
// either side is not finite (e.g. a diverged network). h must be > 0 and finite.
template <typename T>
GradientCheckResult gradient_check(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y,
                                   double h, double floor = 1e-8, int max_parameters = 1 << 30);

}  // namespace gradscope
