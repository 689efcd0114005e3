// What the playground shows about backprop on one batch, per weighted layer l = 2 … L:
// how fast each layer learns (Nielsen's ‖∂C/∂b^l‖, "speed of learning") and how small the
// σ'(z^l) factors of the gradient's chain product are.
#pragma once

#include <vector>

#include "backprop.hpp"
#include "network.hpp"

namespace gradscope {

// Histogram bins for σ'(z): 20 equal bins over the activation's own derivative range
// [derivative_min, derivative_max] (catalogue.hpp), so sigmoid's (0, 1/4] gets all 20 bins rather
// than the 5 a fixed [0, 1] left it. An activation whose σ' is constant (identity) gets one bin.
inline constexpr int kDerivativeBins = 20;

// The histogram's edges for activation f: kDerivativeBins + 1 edges from derivative_min to
// derivative_max, or the two edges {c, c} when σ' is the constant c.
std::vector<double> derivative_bin_edges(Activation f);

// The bin of σ' value v among `edges`: values below the first edge go into the first bin, values
// at or above the last into the last (rounding may put σ' a hair outside its range). v must not
// be NaN.
int derivative_bin(const std::vector<double>& edges, double v);

// A unit is saturated on a sample when σ'(z) is below 1% of the activation's largest σ'.
inline constexpr double kSaturationFraction = 0.01;

struct LayerDiagnostics {
  int layer = 0;                    // l
  double bias_grad_norm = 0.0;      // ‖∂C/∂b^l‖ (batch average)
  double weight_grad_norm = 0.0;    // ‖∂C/∂w^l‖ (Frobenius, batch average)
  double mean_abs_act_deriv = 0.0;  // mean over units and samples of |σ'(z^l)|
  std::vector<double> hist_edges;   // derivative_bin_edges(σ of layer l)
  std::vector<int> hist_counts;     // one count per bin (units × samples, NaN skipped)
  // Share of (unit, sample) pairs with σ' below kSaturationFraction of the ceiling: "saturated"
  // for σ and tanh, "dead" (inactive) for ReLU; catalogue.hpp's zero_derivative says which.
  double saturated_fraction = 0.0;
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
