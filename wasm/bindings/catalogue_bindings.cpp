// Registers the core's catalogue tables of catalogue_adapter.cpp.
#include <emscripten/bind.h>

#include "catalogue_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_catalogue) {
  emscripten::function("coreCatalogue", &gradscope::wasm::core_catalogue);
}
