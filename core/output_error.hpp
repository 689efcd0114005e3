// BP1, δ^L = ∂C/∂z^L for every sample, in forms that stay exact however saturated the output
// layer is (docs/numerics.md): formed from z^L and σ'(z^L), never from 1 − a where a is near 1.
#pragma once

#include "forward.hpp"
#include "network.hpp"

namespace gradscope {

// How BP1 is evaluated.
//   kAuto (what gradients, diagnostics and training use): per output/cost pair,
//     quadratic, element-wise σ   δ = (a − y) ⊙ σ'(z), a − y via the tail 1 − a near a = ±1
//     sigmoid + cross-entropy     δ = a − y (σ' cancels the cost's 1/(a(1 − a)))
//     softmax + log-likelihood    δ = a Σ_j y_j − y (a − y for one-hot targets)
//     softmax + quadratic         δ = Jᵀ(a − y) as a_j Σ_(i≠j) a_i (g_j − g_i), g = a − y
//     softmax + cross-entropy     δ_j = (a_j − y_j) − a_j Σ_(i≠j) r_i, r_i = (a_i − y_i)/(1 − a_i)
//   kGeneral: the seed's BP1 literally, ∂C/∂a^L (cost_gradient from a) times σ'(z^L), for
//     softmax times the full Jacobian. Exact in double away from saturation; a cross-check only.
enum class OutputErrorForm { kAuto, kGeneral };

// BP1: δ^L for every sample, from a forward pass made with derivatives.
template <typename T>
void output_error(const Network<T>& net, const ForwardPass<T>& fp, const Matrix<T>& y,
                  OutputErrorForm form, Matrix<T>& delta_L);

}  // namespace gradscope
