// The core's catalogue tables (core/catalogue.hpp) as one plain JavaScript object, so a test can
// check the package's hand-written catalogue (wasm/src/catalogue.ts) against them row by row.
#pragma once

#include <emscripten/val.h>

namespace gradscope::wasm {

// { activations, costs, initialisers, problems, datasets (the synthetic ones), features, pairs }:
// arrays of plain objects (copies).
emscripten::val core_catalogue();

}  // namespace gradscope::wasm
