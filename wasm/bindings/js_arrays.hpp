// Conversions between JavaScript typed arrays and the core's Eigen types. Samples travel as the
// wrapper's row-major batch (sample after sample), which is exactly the column-major n × m matrix
// of the core (one column per sample), so they are copied without reordering. Weights travel
// row-major (n_l × n_(l-1), the seed's w^l_jk with j the row) and are transposed from Eigen's
// column-major storage. Everything returned to JavaScript is a copy made before returning.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <vector>

#include "types.hpp"

namespace gradscope::wasm {

// The length property of a JavaScript array or typed array.
std::size_t js_length(const emscripten::val& array);

// Length mismatches throw std::invalid_argument naming the array.
// A rows × cols matrix from a typed array holding cols samples of rows values each.
Matrix<float> samples_from_js(const emscripten::val& array, int rows, int cols, const char* name);
// A rows × cols matrix from a row-major typed array.
Matrix<float> row_major_from_js(const emscripten::val& array, int rows, int cols, const char* name);
Vector<float> vector_from_js(const emscripten::val& array, int size, const char* name);
std::vector<int> ints_from_js(const emscripten::val& array);
std::vector<std::uint8_t> bytes_from_js(const emscripten::val& array);
std::vector<double> doubles_from_js(const emscripten::val& array);

// New Float32Array (samples one after another) copied from a matrix's columns.
emscripten::val samples_to_js(const Matrix<float>& m);
// New row-major Float32Array copied from a matrix.
emscripten::val row_major_to_js(const Matrix<float>& m);
emscripten::val vector_to_js(const Vector<float>& v);
emscripten::val ints_to_js(const std::vector<int>& v);
emscripten::val bytes_to_js(const std::vector<std::uint8_t>& v);
emscripten::val doubles_to_js(const std::vector<double>& v);

// A seed from a JavaScript number: an integer in [0, 2^53], else std::invalid_argument.
std::uint64_t seed_from_js(double seed);

}  // namespace gradscope::wasm
