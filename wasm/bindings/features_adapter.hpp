// Feature transforms (core/features.hpp) for the package's gs.features.apply and
// gs.datasets.withFeatures: the core computes them so that runs stay bit-reproducible.
#pragma once

#include <emscripten/val.h>

namespace gradscope::wasm {

// Float32Array of m samples of k features (sample after sample) from a Float32Array of m samples
// (x₁, x₂) and a JavaScript array of k feature names. Errors (unknown, repeated or no names, bad
// values) are recorded by guarded() and the call returns undefined.
emscripten::val apply_features_js(const emscripten::val& x, int m, const emscripten::val& names);

}  // namespace gradscope::wasm
