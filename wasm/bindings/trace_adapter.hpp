// One sample traced through the network (core/trace.hpp) as the package's Trace object: fresh
// typed-array copies, weights row-major, optional fields absent where they do not apply.
#pragma once

#include <emscripten/val.h>

#include "network.hpp"

namespace gradscope::wasm {

// { input, target, cost, bp1Form, layers: [{ layer, weights, biases, z, a, activationDerivative,
//   outputJacobian?, costGradient?, weightedError?, delta, biasGradient, weightGradient }],
//   updated?: [{ layer, weights, biases }], costAfter? }. The update is made when with_update;
// the core throws std::invalid_argument for bad x, y, η, λ₂, λ₁ or n (recorded by the caller's
// guard).
emscripten::val trace_to_js(const Network<float>& net, const emscripten::val& x,
                            const emscripten::val& y, bool with_update, double learning_rate,
                            double l2, double l1, int n);

}  // namespace gradscope::wasm
