#include "diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "catalogue.hpp"

namespace gradscope {

std::vector<double> derivative_bin_edges(Activation f) {
  const ActivationInfo& info = activation_info(f);
  const double lo = info.derivative_min, hi = info.derivative_max;
  if (!(hi > lo)) return {lo, hi};
  std::vector<double> edges(kDerivativeBins + 1);
  for (int i = 0; i <= kDerivativeBins; ++i) edges[i] = lo + (hi - lo) * i / kDerivativeBins;
  edges[kDerivativeBins] = hi;  // exact, whatever the rounding above
  return edges;
}

int derivative_bin(const std::vector<double>& edges, double v) {
  const int bins = static_cast<int>(edges.size()) - 1;
  const double lo = edges.front(), hi = edges.back();
  if (!(hi > lo) || v <= lo) return 0;
  if (v >= hi) return bins - 1;
  return std::min(bins - 1, static_cast<int>((v - lo) / (hi - lo) * bins));
}

template <typename T>
std::vector<LayerDiagnostics> diagnose(const Network<T>& net, const Matrix<T>& x,
                                       const Matrix<T>& y) {
  ForwardPass<T> fp;
  Gradients<T> g;
  backprop(net, x, y, fp, g);
  std::vector<LayerDiagnostics> out;
  for (int l = 2; l <= net.num_layers(); ++l) {
    LayerDiagnostics d;
    d.layer = l;
    d.bias_grad_norm = static_cast<double>(g.b[l].template cast<double>().norm());
    d.weight_grad_norm = static_cast<double>(g.w[l].template cast<double>().norm());
    d.hist_edges = derivative_bin_edges(net.activation(l));
    d.hist_counts.assign(d.hist_edges.size() - 1, 0);
    const double threshold = kSaturationFraction * max_derivative(net.activation(l));
    const Matrix<T>& sp = fp.d[l];
    double sum = 0.0;
    long saturated = 0;
    for (Eigen::Index k = 0; k < sp.size(); ++k) {
      const double v = std::abs(static_cast<double>(sp.data()[k]));
      sum += v;
      saturated += v < threshold;
      // NaN σ'(z) (a diverged network) has no bin; converting it to int would be undefined.
      if (std::isnan(v)) continue;
      ++d.hist_counts[derivative_bin(d.hist_edges, v)];
    }
    const double count = static_cast<double>(std::max<Eigen::Index>(1, sp.size()));
    d.mean_abs_act_deriv = sum / count;
    d.saturated_fraction = saturated / count;
    out.push_back(std::move(d));
  }
  return out;
}

template <typename T>
GradientCheckResult gradient_check(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y,
                                   double h, double floor, int max_parameters) {
  if (!(h > 0.0) || !std::isfinite(h)) {
    throw std::invalid_argument("step h " + std::to_string(h) + " must be > 0 and finite");
  }
  // The gradients `gradients` returns (BP1 in its exact forms), against differences of the cost
  // the network reports (formed from z^L).
  const Gradients<T> g = backprop(net, x, y);
  Network<T> probe = net;
  ForwardPass<T> fp;
  const int L = net.num_layers();
  auto cost_at = [&]() {
    forward(probe, x, fp, false);
    return cost_value(probe.cost(), probe.activation(L), fp.z[L], y);
  };
  const int total = static_cast<int>(net.parameter_count());
  const int stride = std::max(1, total / std::max(1, max_parameters));
  GradientCheckResult r;
  int counter = 0;
  auto check = [&](T& param, double analytic, int l, bool is_bias, int index) {
    if (counter++ % stride != 0) return;
    const T saved = param;
    param = static_cast<T>(saved + h);
    const double plus = cost_at();
    param = static_cast<T>(saved - h);
    const double minus = cost_at();
    param = saved;
    // Divide by the step actually taken, which rounding to T may have changed.
    const double numeric = (plus - minus) / (static_cast<double>(static_cast<T>(saved + h)) -
                                             static_cast<double>(static_cast<T>(saved - h)));
    const double err =
        std::abs(analytic - numeric) / std::max({std::abs(analytic), std::abs(numeric), floor});
    ++r.parameters_checked;
    // A NaN error (non-finite weights or cost) is the worst result, not a silent pass; once
    // recorded it stays, since no comparison with NaN is true.
    if (err > r.max_relative_error || (std::isnan(err) && !std::isnan(r.max_relative_error))) {
      r.max_relative_error = err;
      r.worst_layer = l;
      r.worst_is_bias = is_bias;
      r.worst_index = index;
    }
  };
  for (int l = 2; l <= net.num_layers(); ++l) {
    Matrix<T>& w = probe.w(l);
    for (Eigen::Index k = 0; k < w.size(); ++k)
      check(w.data()[k], g.w[l].data()[k], l, false, static_cast<int>(k));
    Vector<T>& b = probe.b(l);
    for (Eigen::Index k = 0; k < b.size(); ++k)
      check(b.data()[k], g.b[l].data()[k], l, true, static_cast<int>(k));
  }
  return r;
}

#define GRADSCOPE_INSTANTIATE(T)                                                          \
  template std::vector<LayerDiagnostics> diagnose<T>(const Network<T>&, const Matrix<T>&, \
                                                     const Matrix<T>&);                   \
  template GradientCheckResult gradient_check<T>(const Network<T>&, const Matrix<T>&,     \
                                                 const Matrix<T>&, double, double, int);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
