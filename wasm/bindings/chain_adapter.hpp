// The seed's section-4 chain (core/chain.hpp) for the vanishing-gradient lab: one neuron per
// layer, given as plain arrays of weights and biases. Results are fresh JavaScript objects
// (copies); errors are recorded by guarded() and the call returns undefined.
#pragma once

#include <emscripten/val.h>

#include <string>

namespace gradscope::wasm {

// { neurons: [{ j, w, b, z, a, sigmaPrime }], terms: [{ kind, j, value, running }], cost,
//   costGradient, dCdb1, backpropDCdb1 } for the chain with weights w_1 … w_n and biases
// b_1 … b_n, every neuron using `activation`, input x and target y. kind is "sigma-prime",
// "weight" or "cost-gradient"; backpropDCdb1 is ∂C/∂b^2 from the core's backprop of that network.
emscripten::val chain_product_js(const emscripten::val& weights, const emscripten::val& biases,
                                 const std::string& activation, const std::string& cost, double x,
                                 double y);

// Float64Array of biases b_j = −w_j a_(j−1) that put every z_j at 0 (Nielsen's exploding
// example) for these weights and input x.
emscripten::val chain_centered_biases_js(const emscripten::val& weights,
                                         const std::string& activation, double x);

}  // namespace gradscope::wasm
