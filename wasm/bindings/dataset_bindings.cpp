// Registers the data-set entry points of dataset_adapter.cpp.
#include <emscripten/bind.h>

#include "dataset_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_datasets) {
  emscripten::function("makeSynthetic", &gradscope::wasm::make_synthetic_js);
  emscripten::function("splitDataset", &gradscope::wasm::split_js);
  emscripten::function("parseIdx", &gradscope::wasm::parse_idx_js);
  emscripten::function("idxDataset", &gradscope::wasm::idx_dataset_js);
}
