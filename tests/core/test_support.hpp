// Small helpers shared by the core tests: seeded random matrices and configurations.
#pragma once

#include <vector>

#include "catalogue.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace gradscope::testing {

// The catalogue's activations that are element-wise (allowed as hidden ones), in its order: the
// tests of σ, σ' and their kernels walk this list, so a new catalogue row is tested at once.
inline std::vector<Activation> elementwise_activations() {
  std::vector<Activation> out;
  for (const ActivationInfo& a : kActivations) {
    if (a.hidden) out.push_back(a.id);
  }
  return out;
}

// Every activation of the catalogue, softmax included.
inline std::vector<Activation> all_activations() {
  std::vector<Activation> out;
  for (const ActivationInfo& a : kActivations) out.push_back(a.id);
  return out;
}

template <typename T>
Matrix<T> random_matrix(int rows, int cols, Rng& rng, double scale = 1.0) {
  Matrix<T> m(rows, cols);
  for (int k = 0; k < m.size(); ++k) m.data()[k] = static_cast<T>(scale * rng.normal());
  return m;
}

// Targets that suit the output activation and cost: one-hot columns for softmax, values in
// (0, 1) for sigmoid, anything for the others.
template <typename T>
Matrix<T> random_targets(const NetworkConfig& c, int cols, Rng& rng) {
  const int n = c.layers.back();
  Matrix<T> y = Matrix<T>::Zero(n, cols);
  for (int j = 0; j < cols; ++j) {
    if (c.output == Activation::kSoftmax) {
      y(static_cast<int>(rng.below(n)), j) = T(1);
    } else {
      for (int i = 0; i < n; ++i) {
        y(i, j) = c.output == Activation::kSigmoid ? static_cast<T>(rng.uniform())
                                                   : static_cast<T>(rng.normal());
      }
    }
  }
  return y;
}

inline NetworkConfig config(std::vector<int> layers, Activation hidden, Activation output,
                            Cost cost, Init init = Init::kScaled, std::uint64_t seed = 7) {
  NetworkConfig c;
  c.layers = std::move(layers);
  c.hidden = hidden;
  c.output = output;
  c.cost = cost;
  c.init = init;
  c.seed = seed;
  return c;
}

}  // namespace gradscope::testing
