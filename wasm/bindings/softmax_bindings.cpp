// Registers softmax and its Jacobian of softmax_adapter.cpp.
#include <emscripten/bind.h>

#include "softmax_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_softmax) {
  emscripten::function("softmax", &gradscope::wasm::softmax_js);
  emscripten::function("softmaxJacobian", &gradscope::wasm::softmax_jacobian_js);
}
