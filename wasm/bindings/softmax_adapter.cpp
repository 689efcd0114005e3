#include "softmax_adapter.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "activation.hpp"
#include "error_slot.hpp"
#include "js_arrays.hpp"
#include "kernels/kernels.hpp"

namespace gradscope::wasm {

using emscripten::val;

namespace {

Vector<float> read_vector(const val& array, const char* name, int max_size) {
  const std::size_t n = js_length(array);
  if (n < 2 || n > static_cast<std::size_t>(max_size)) {
    throw std::invalid_argument(std::string(name) + " has " + std::to_string(n) +
                                " values; softmax needs 2 … " + std::to_string(max_size));
  }
  Vector<float> v = vector_from_js(array, static_cast<int>(n), name);
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    if (!std::isfinite(v(i))) {
      throw std::invalid_argument(std::string(name) + "[" + std::to_string(i) + "] is " +
                                  (std::isnan(v(i)) ? "NaN"
                                   : v(i) > 0       ? "inf"
                                                    : "-inf") +
                                  ", expected a finite number");
    }
  }
  return v;
}

}  // namespace

val softmax_js(const val& logits) {
  return guarded([&] {
    const Matrix<float> z = read_vector(logits, "logits", 1 << 28);
    Matrix<float> a;
    kernels::activate<float>(Activation::kSoftmax, z, a, nullptr);  // the output layer's σ
    return samples_to_js(a);
  });
}

val softmax_jacobian_js(const val& probabilities) {
  return guarded([&] {
    const Vector<float> y = read_vector(probabilities, "probabilities", kMaxJacobianSize);
    double sum = 0.0;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      if (y(i) < 0.0f || y(i) > 1.0f) {
        throw std::invalid_argument("probabilities[" + std::to_string(i) + "] is " +
                                    std::to_string(y(i)) + ", expected a value in [0, 1]");
      }
      sum += y(i);
    }
    if (std::abs(sum - 1.0) > kProbabilitySumTolerance) {
      throw std::invalid_argument("probabilities sum to " + std::to_string(sum) +
                                  ", expected 1 (within 1e-4): pass softmax's output");
    }
    return row_major_to_js(softmax_jacobian<float>(y));
  });
}

}  // namespace gradscope::wasm
