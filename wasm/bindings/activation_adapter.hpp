// The activation curves the playground plots: σ(x) and σ'(x) of the element-wise activations at
// given points (copies), and the ceiling of σ'.
#pragma once

#include <emscripten/val.h>

#include <string>

namespace gradscope::wasm {

// Float64Array of σ(x) (derivative = false) or σ'(x) at each x of a Float64Array; softmax and
// unknown names are errors.
emscripten::val activation_curve(const std::string& name, const emscripten::val& xs,
                                 bool derivative);
// Largest value of σ' (sigmoid 1/4, tanh 1, …); NaN with an error recorded for a bad name.
double activation_max_derivative(const std::string& name);

}  // namespace gradscope::wasm
