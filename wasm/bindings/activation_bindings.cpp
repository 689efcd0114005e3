// Registers the activation curves of activation_adapter.cpp.
#include <emscripten/bind.h>

#include "activation_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_activations) {
  emscripten::function("activationCurve", &gradscope::wasm::activation_curve);
  emscripten::function("activationMaxDerivative", &gradscope::wasm::activation_max_derivative);
}
