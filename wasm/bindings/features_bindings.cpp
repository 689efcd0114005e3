// Registers the feature transforms of features_adapter.cpp.
#include <emscripten/bind.h>

#include "features_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_features) {
  emscripten::function("applyFeatures", &gradscope::wasm::apply_features_js);
}
