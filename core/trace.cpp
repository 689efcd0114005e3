#include "trace.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "backprop.hpp"
#include "cost.hpp"
#include "forward.hpp"
#include "kernels/kernels.hpp"
#include "output_error.hpp"
#include "regularisation.hpp"

namespace gradscope {

namespace {

std::string show(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

template <typename T>
void check_sample(const Vector<T>& v, int expected, const char* name, const char* layer) {
  if (v.size() != expected) {
    throw std::invalid_argument(std::string(name) + " has " + std::to_string(v.size()) +
                                " values, expected " + std::to_string(expected) + " (the " + layer +
                                " layer size)");
  }
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    if (!std::isfinite(v(i))) {
      throw std::invalid_argument(std::string(name) + "[" + std::to_string(i) + "] is " +
                                  show(static_cast<double>(v(i))) + ", expected a finite number");
    }
  }
}

// A double in T; beyond T's range it is ±inf (the value really is that large, e.g. ∂C/∂a of a
// saturated sigmoid with cross-entropy), never undefined behaviour.
template <typename T>
T to_t(double v) {
  const double max = static_cast<double>(std::numeric_limits<T>::max());
  if (v > max) return std::numeric_limits<T>::infinity();
  if (v < -max) return -std::numeric_limits<T>::infinity();
  return static_cast<T>(v);
}

// ∂C/∂a^L for one sample. Element-wise outputs: from z in double (cost.hpp's scalar form, exact
// in saturation); softmax: from a (the seed's −y/a, (a − y)/(a(1 − a)), a − y).
template <typename T>
Vector<T> output_cost_gradient(const Network<T>& net, const Vector<T>& z_L, const Vector<T>& a_L,
                               const Vector<T>& y) {
  const Activation f = net.activation(net.num_layers());
  if (f == Activation::kSoftmax) {
    return cost_gradient<T>(net.cost(), Matrix<T>(a_L), Matrix<T>(y)).col(0);
  }
  Vector<T> g(z_L.size());
  for (Eigen::Index i = 0; i < z_L.size(); ++i) {
    g(i) = to_t<T>(
        cost_gradient(net.cost(), f, static_cast<double>(z_L(i)), static_cast<double>(y(i))));
  }
  return g;
}

// 1 − ηλ₂/n and ηλ₁/n in double, as Trainer::step forms them (n is not used without λ).
double decay_factor(const TraceUpdateOptions& o) {
  return weight_decay_factor(o.learning_rate, o.l2, o.n);
}
double shrink_factor(const TraceUpdateOptions& o) { return l1_shrink(o.learning_rate, o.l1, o.n); }

}  // namespace

void validate(const TraceUpdateOptions& o) {
  if (!std::isfinite(o.learning_rate) || o.learning_rate <= 0.0) {
    throw std::invalid_argument("learning rate " + show(o.learning_rate) +
                                " must be a finite number > 0");
  }
  if (!std::isfinite(o.l2) || o.l2 < 0.0) {
    throw std::invalid_argument("l2 " + show(o.l2) + " must be a finite number >= 0");
  }
  if (!std::isfinite(o.l1) || o.l1 < 0.0) {
    throw std::invalid_argument("l1 " + show(o.l1) + " must be a finite number >= 0");
  }
  if ((o.l2 > 0.0 || o.l1 > 0.0) && o.n < 1) {
    throw std::invalid_argument("training-set size n " + std::to_string(o.n) +
                                " (n in ηλ/n) must be >= 1 when l2 or l1 > 0");
  }
}

template <typename T>
Trace<T> trace(const Network<T>& net, const Vector<T>& x, const Vector<T>& y,
               const std::optional<TraceUpdateOptions>& update) {
  check_sample(x, net.input_size(), "x", "input");
  check_sample(y, net.output_size(), "y", "output");
  for (int l = 2; l <= net.num_layers(); ++l) {
    // A diverged network would fill every array with NaN: say why instead.
    if (!net.w(l).allFinite() || !net.b(l).allFinite()) {
      throw std::invalid_argument("the network's parameters are not finite (layer " +
                                  std::to_string(l) +
                                  "; training diverged), so there is nothing to trace");
    }
  }
  if (update) {
    validate(*update);
    // A factor beyond T's range would turn 0 · ∞ into NaN weights: refuse it by name instead.
    if (std::isinf(to_t<T>(update->learning_rate))) {
      throw std::invalid_argument("learning rate " + show(update->learning_rate) +
                                  " overflows the network's float precision");
    }
    if (std::isinf(to_t<T>(decay_factor(*update)))) {
      throw std::invalid_argument("weight decay factor 1 − ηλ/n = " + show(decay_factor(*update)) +
                                  " overflows the network's float precision (l2 " +
                                  show(update->l2) + ")");
    }
    if (std::isinf(to_t<T>(shrink_factor(*update)))) {
      throw std::invalid_argument("L1 step ηλ₁/n = " + show(shrink_factor(*update)) +
                                  " overflows the network's float precision (l1 " +
                                  show(update->l1) + ")");
    }
  }
  const int L = net.num_layers();
  const Activation f_L = net.activation(L);

  Trace<T> t;
  t.x = x;
  t.y = y;
  t.bp1_form = find_output_cost_pair(f_L, net.cost())->bp1;  // validate(config) made it exist

  // Forward pass (seed, section 2): a^1 = x, z^l = w^l a^(l-1) + b^l, a^l = σ(z^l), with
  // σ'(z^l) formed from z^l, the same kernels backprop runs.
  ForwardPass<T> fp;
  const Matrix<T> x_col = x, y_col = y;  // one sample = one column
  forward(net, x_col, fp, true);
  t.cost = cost_value(net.cost(), f_L, fp.z[L], y_col);  // C_x from z^L, as backprop's g.cost

  std::vector<Matrix<T>> delta(L + 1);
  // BP1: δ^L = ∂C/∂a^L ⊙ σ'(z^L) (softmax: Jᵀ ∂C/∂a^L), in output_error's saturation-safe form
  // for the pair (the shortcut a − y where σ' cancels), exactly as backprop forms it.
  output_error(net, fp, y_col, OutputErrorForm::kAuto, delta[L]);
  std::vector<Matrix<T>> weighted(L + 1);
  for (int l = L - 1; l >= 2; --l) {
    // (w^(l+1))ᵀ δ^(l+1), BP2's left factor: the kernel's own product with σ' = 1, so that its
    // rounding is the one inside δ^l below.
    const Matrix<T> ones = Matrix<T>::Ones(fp.d[l].rows(), fp.d[l].cols());
    kernels::transpose_times_hadamard(net.w(l + 1), delta[l + 1], ones, weighted[l]);
    // BP2: δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l)
    kernels::transpose_times_hadamard(net.w(l + 1), delta[l + 1], fp.d[l], delta[l]);
  }

  for (int l = 2; l <= L; ++l) {
    TraceLayer<T> layer;
    layer.layer = l;
    layer.w = net.w(l);
    layer.b = net.b(l);
    layer.z = fp.z[l].col(0);
    layer.a = fp.a[l].col(0);
    layer.sigma_prime = fp.d[l].col(0);
    layer.delta = delta[l].col(0);
    if (l == L) {
      layer.cost_gradient = output_cost_gradient(net, layer.z, layer.a, y);  // ∂C/∂a^L
      if (f_L == Activation::kSoftmax) {
        // J_ij = ∂a_i/∂z_j = a_i (δ_ij − a_j) (seed, section 1); its diagonal is the σ' above.
        layer.output_jacobian = softmax_jacobian<T>(layer.a);
      }
    } else {
      layer.weighted_error = weighted[l].col(0);
    }
    // BP3 ∂C/∂b^l = δ^l and BP4 ∂C/∂w^l = δ^l (a^(l-1))ᵀ: backprop's kernel with m = 1.
    kernels::outer_sum(delta[l], fp.a[l - 1], T(1), layer.dC_dw, layer.dC_db);
    t.layers.push_back(std::move(layer));
  }

  if (update) {
    // Nielsen eq. 93 with m = 1 and the L1 term (chapter 3): w^l → (1 − ηλ₂/n) w^l −
    // (ηλ₁/n) sgn(w^l) − η ∂C_x/∂w^l, b^l → b^l − η ∂C_x/∂b^l, with step, keep and shrink rounded
    // to T and applied in the order Trainer::step applies them, on a copy of the network.
    const T step = static_cast<T>(update->learning_rate);
    const T keep = static_cast<T>(decay_factor(*update));
    const T shrink = static_cast<T>(shrink_factor(*update));
    Network<T> after = net;
    for (int l = 2; l <= L; ++l) {
      regularised_sgd_step(after.w(l), after.b(l), delta[l], fp.a[l - 1], step, keep, shrink);
      t.updated.push_back(TraceUpdate<T>{l, after.w(l), after.b(l)});
    }
    ForwardPass<T> fp_after;
    forward(after, x_col, fp_after, false);
    t.cost_after = cost_value(net.cost(), f_L, fp_after.z[L], y_col);
    t.has_update = true;
  }
  return t;
}

template Trace<float> trace<float>(const Network<float>&, const Vector<float>&,
                                   const Vector<float>&, const std::optional<TraceUpdateOptions>&);
template Trace<double> trace<double>(const Network<double>&, const Vector<double>&,
                                     const Vector<double>&,
                                     const std::optional<TraceUpdateOptions>&);

}  // namespace gradscope
