// Backprop for ONE sample with every intermediate kept, for the "Backprop, step by step" view:
// the forward pass and the seed's four equations (section 3) with the vectors and matrices that
// enter each, and optionally the single-sample SGD update (Nielsen eq. 93 with m = 1). It runs the
// same pieces backprop runs (forward, output_error's saturation-safe BP1, the BP2 and BP3/BP4
// kernels), so its δ^l, ∂C/∂b^l and ∂C/∂w^l are backprop's on a batch of one.
#pragma once

#include <optional>
#include <vector>

#include "catalogue.hpp"
#include "network.hpp"

namespace gradscope {

template <typename T>
struct TraceLayer {
  int layer = 0;              // l = 2 … L
  Matrix<T> w;                // w^l used (n_l × n_(l-1))
  Vector<T> b;                // b^l used
  Vector<T> z;                // z^l = w^l a^(l-1) + b^l
  Vector<T> a;                // a^l = σ(z^l)
  Vector<T> sigma_prime;      // σ'(z^l) from z; softmax: the Jacobian's diagonal a_i (1 − a_i)
  Matrix<T> output_jacobian;  // softmax output layer only: ∂a_i/∂z_j (else 0 × 0)
  Vector<T> cost_gradient;    // output layer only: ∂C/∂a^L (else empty)
  Vector<T> weighted_error;  // hidden layers only: (w^(l+1))ᵀ δ^(l+1) = ∂C/∂a^l (else empty)
  Vector<T> delta;           // δ^l
  Vector<T> dC_db;           // ∂C/∂b^l = δ^l (BP3)
  Matrix<T> dC_dw;           // ∂C/∂w^l = δ^l (a^(l-1))ᵀ (BP4)
};

template <typename T>
struct TraceUpdate {
  int layer = 0;  // l = 2 … L
  Matrix<T> w;    // (1 − ηλ₂/n) w^l − (ηλ₁/n) sgn(w^l) − η ∂C/∂w^l
  Vector<T> b;    // b^l − η ∂C/∂b^l
};

// η, λ₂, λ₁ and n of the update (regularisation.hpp)
//   w → (1 − ηλ₂/n) w − (ηλ₁/n) sgn(w) − η ∂C_x/∂w,   b → b − η ∂C_x/∂b.
struct TraceUpdateOptions {
  double learning_rate = 0.0;  // η > 0, finite
  double l2 = 0.0;             // λ₂ ≥ 0, finite
  int n = 1;                   // training-set size, ≥ 1 when λ₂ or λ₁ > 0 (else unused)
  double l1 = 0.0;  // λ₁ ≥ 0, finite (last, so {η, λ₂, n} still reads as before)
};

template <typename T>
struct Trace {
  Vector<T> x;        // a^1 = x
  Vector<T> y;        // the target
  double cost = 0.0;  // C_x (no regularisation term), from z^L as backprop's
  Bp1Form bp1_form = Bp1Form::kHadamard;
  std::vector<TraceLayer<T>> layers;  // l = 2 … L in order (layers[l − 2])
  bool has_update = false;
  std::vector<TraceUpdate<T>> updated;  // l = 2 … L, when has_update
  double cost_after = 0.0;              // C_x after the update, when has_update
};

// Throws std::invalid_argument naming the bad value: x or y of the wrong length or not finite, η
// not finite or ≤ 0, λ₂ or λ₁ not finite or < 0, n < 1 with λ₂ or λ₁ > 0. The network is not
// changed.
template <typename T>
Trace<T> trace(const Network<T>& net, const Vector<T>& x, const Vector<T>& y,
               const std::optional<TraceUpdateOptions>& update = std::nullopt);

// Throws std::invalid_argument naming the bad value (see trace).
void validate(const TraceUpdateOptions& options);

}  // namespace gradscope
