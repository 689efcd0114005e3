#include "activation_adapter.hpp"

#include <limits>
#include <vector>

#include "activation.hpp"
#include "error_slot.hpp"
#include "js_arrays.hpp"

namespace gradscope::wasm {

using emscripten::val;

val activation_curve(const std::string& name, const val& xs, bool derivative) {
  return guarded([&] {
    const Activation f = parse_activation(name);
    std::vector<double> out = doubles_from_js(xs);
    for (double& x : out) x = derivative ? activation_derivative(f, x) : activation_value(f, x);
    return doubles_to_js(out);
  });
}

double activation_max_derivative(const std::string& name) {
  double result = std::numeric_limits<double>::quiet_NaN();
  guarded([&] {
    result = max_derivative(parse_activation(name));
    return true;
  });
  return result;
}

}  // namespace gradscope::wasm
