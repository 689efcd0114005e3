// Registers the vanishing-gradient lab's chain entry points of chain_adapter.cpp.
#include <emscripten/bind.h>

#include "chain_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_chain) {
  emscripten::function("chainProduct", &gradscope::wasm::chain_product_js);
  emscripten::function("chainCenteredBiases", &gradscope::wasm::chain_centered_biases_js);
}
