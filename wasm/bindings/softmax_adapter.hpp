// Softmax and its Jacobian (seed, section 1) for the package's gs.softmax and
// gs.softmaxJacobian: the core's own σ (the kernel the network's output layer runs) and
// softmax_jacobian, on one vector. Results are fresh copies; errors are recorded by guarded() and
// the call returns undefined.
#pragma once

#include <emscripten/val.h>

namespace gradscope::wasm {

// The most values softmaxJacobian takes: its n × n result stays at 4 MiB of float32.
inline constexpr int kMaxJacobianSize = 1024;
// How far Σ p may be from 1 for softmaxJacobian: float32 softmax outputs sum to 1 within a few
// ulp per term; 1e-4 admits them (and rounded user input) and refuses what is not a distribution.
inline constexpr double kProbabilitySumTolerance = 1e-4;

// Float32Array y = softmax(x) for a Float32Array of n ≥ 2 finite logits.
emscripten::val softmax_js(const emscripten::val& logits);
// Float32Array J (n × n row-major), J_ij = ∂y_i/∂x_j = y_i (δ_ij − y_j), for a Float32Array of
// 2 … kMaxJacobianSize probabilities in [0, 1] with |Σ y − 1| ≤ kProbabilitySumTolerance.
emscripten::val softmax_jacobian_js(const emscripten::val& probabilities);

}  // namespace gradscope::wasm
