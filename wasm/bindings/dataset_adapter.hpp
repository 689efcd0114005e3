// Data sets between JavaScript and the core. A data set crosses as a plain object
// { x: Float32Array, y: Float32Array, labels: Int32Array, n, inputWidth, outputWidth, problem }
// with samples one after another in x and y (copies both ways).
#pragma once

#include <emscripten/val.h>

#include <string>

#include "dataset.hpp"

namespace gradscope::wasm {

// A data set of m samples from JavaScript arrays. Classification: labels are those the targets
// encode (y ≥ 0.5 for one output, argmax for several), as the core's accuracy counts them;
// regression: no labels. Non-finite values throw, naming the first.
Dataset<float> dataset_from_js(const emscripten::val& x, const emscripten::val& y, int m,
                               int input_width, int output_width,
                               ProblemKind problem = ProblemKind::kClassification);
// The same from a JavaScript data set object, with its own labels and problem (absent:
// classification).
Dataset<float> dataset_from_js_object(const emscripten::val& data);
emscripten::val dataset_to_js(const Dataset<float>& d);

// Entry points (errors recorded by guarded(), returning undefined).
// classes: the class count, already defaulted by the wrapper (0 for a regression set).
emscripten::val make_synthetic_js(const std::string& kind, int n, double noise, double seed,
                                  int output_width, int classes);
emscripten::val split_js(const emscripten::val& data, double test_fraction, double seed);
// { dims: Int32Array, data: Uint8Array } from the bytes of an IDX file.
emscripten::val parse_idx_js(const emscripten::val& bytes);
emscripten::val idx_dataset_js(const emscripten::val& images, const emscripten::val& labels,
                               int num_classes, int limit);

}  // namespace gradscope::wasm
