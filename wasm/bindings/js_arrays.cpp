#include "js_arrays.hpp"

#include <stdexcept>
#include <string>

namespace gradscope::wasm {

using emscripten::typed_memory_view;
using emscripten::val;

namespace {

// Copies a JavaScript array into n elements at dest with one TypedArray.set (the view over the
// heap is made after dest was allocated, so heap growth cannot detach it).
template <typename T>
void copy_in(const val& array, T* dest, std::size_t n, const char* name) {
  if (js_length(array) != n) {
    throw std::invalid_argument(std::string(name) + " has length " +
                                std::to_string(js_length(array)) + ", expected " +
                                std::to_string(n));
  }
  if (n > 0) val(typed_memory_view(n, dest)).call<void>("set", array);
}

// A new typed array holding a copy of n elements at src.
template <typename T>
val copy_out(const T* src, std::size_t n) {
  return val(typed_memory_view(n, src)).call<val>("slice");
}

}  // namespace

std::size_t js_length(const val& array) { return array["length"].as<std::size_t>(); }

Matrix<float> samples_from_js(const val& array, int rows, int cols, const char* name) {
  Matrix<float> m(rows, cols);
  copy_in(array, m.data(), static_cast<std::size_t>(m.size()), name);
  return m;
}

Matrix<float> row_major_from_js(const val& array, int rows, int cols, const char* name) {
  Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> r(rows, cols);
  copy_in(array, r.data(), static_cast<std::size_t>(r.size()), name);
  return r;
}

Vector<float> vector_from_js(const val& array, int size, const char* name) {
  Vector<float> v(size);
  copy_in(array, v.data(), static_cast<std::size_t>(size), name);
  return v;
}

std::vector<int> ints_from_js(const val& array) {
  std::vector<int> v(js_length(array));
  copy_in(array, v.data(), v.size(), "array");
  return v;
}

std::vector<std::uint8_t> bytes_from_js(const val& array) {
  std::vector<std::uint8_t> v(js_length(array));
  copy_in(array, v.data(), v.size(), "array");
  return v;
}

std::vector<double> doubles_from_js(const val& array) {
  std::vector<double> v(js_length(array));
  copy_in(array, v.data(), v.size(), "array");
  return v;
}

val samples_to_js(const Matrix<float>& m) {
  return copy_out(m.data(), static_cast<std::size_t>(m.size()));
}

val row_major_to_js(const Matrix<float>& m) {
  const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> r = m;
  return copy_out(r.data(), static_cast<std::size_t>(r.size()));
}

val vector_to_js(const Vector<float>& v) {
  return copy_out(v.data(), static_cast<std::size_t>(v.size()));
}

val ints_to_js(const std::vector<int>& v) { return copy_out(v.data(), v.size()); }

val bytes_to_js(const std::vector<std::uint8_t>& v) { return copy_out(v.data(), v.size()); }

val doubles_to_js(const std::vector<double>& v) { return copy_out(v.data(), v.size()); }

std::uint64_t seed_from_js(double seed) {
  // 2^53: the largest integer a JavaScript number holds exactly.
  if (!(seed >= 0.0 && seed <= 9007199254740992.0) ||
      seed != static_cast<double>(static_cast<std::uint64_t>(seed))) {
    throw std::invalid_argument("seed " + std::to_string(seed) +
                                " must be an integer in [0, 2^53]");
  }
  return static_cast<std::uint64_t>(seed);
}

}  // namespace gradscope::wasm
