// The multilayer perceptron of the seed, section 2: a^1 = x, a^l = σ(w^l a^(l-1) + b^l) for
// l = 2 … L. Layers are numbered as in the seed; w(l) is n_l × n_(l-1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "activation.hpp"
#include "cost.hpp"
#include "types.hpp"

namespace gradscope {

enum class Init {
  kLarge,   // weights and biases N(0, 1): the book's chapter 1
  kScaled,  // weights N(0, 1/n_in), biases N(0, 1): the book's network2 default
  kHe,      // weights N(0, 2/n_in), biases 0
};

// The names of catalogue.hpp's kInits (defined in catalogue.cpp); anything else throws
// std::invalid_argument.
Init parse_init(const std::string& name);
const char* init_name(Init i);

struct NetworkConfig {
  std::vector<int> layers;  // [n_1 … n_L], L ≥ 2, every n_l ≥ 1
  Activation hidden = Activation::kSigmoid;
  Activation output = Activation::kSigmoid;
  Cost cost = Cost::kQuadratic;
  Init init = Init::kScaled;
  std::uint64_t seed = 1;
};

// Throws std::invalid_argument naming the bad value (zero-size layer, fewer than two layers, more
// layers or parameters than the limits below, an activation the catalogue does not allow as
// hidden or output, too few output units for it, an (output, cost) pair not in catalogue.hpp's
// kOutputCostPairs), before anything is allocated.
void validate(const NetworkConfig& config);

// The largest network: 2^26 parameters are 256 MiB of float32 weights; training and the
// double-precision gradient check need a few copies, which must fit the 2 GiB wasm32 heap.
constexpr long long kMaxParameters = 1LL << 26;
constexpr int kMaxLayers = 1024;

template <typename T>
class Network {
 public:
  // Validates the configuration and initialises w and b from config.seed.
  explicit Network(const NetworkConfig& config);

  const NetworkConfig& config() const { return config_; }
  int num_layers() const { return static_cast<int>(config_.layers.size()); }  // L
  int size(int l) const;                                                      // n_l, l = 1 … L
  int input_size() const { return config_.layers.front(); }
  int output_size() const { return config_.layers.back(); }
  // σ of layer l: the hidden activation for l < L, the output activation for l = L.
  Activation activation(int l) const;
  Cost cost() const { return config_.cost; }

  // Weights w^l (n_l × n_(l-1)) and biases b^l (n_l), l = 2 … L; other l throw.
  Matrix<T>& w(int l) { return w_[index(l)]; }
  const Matrix<T>& w(int l) const { return w_[index(l)]; }
  Vector<T>& b(int l) { return b_[index(l)]; }
  const Vector<T>& b(int l) const { return b_[index(l)]; }

  // Replaces w^l and b^l after checking their shapes and that every value is finite.
  void set_parameters(int l, const Matrix<T>& w, const Vector<T>& b);

  // The same network in another precision (e.g. double for a gradient check).
  template <typename U>
  Network<U> cast() const;

  std::size_t parameter_count() const;

 private:
  template <typename U>
  friend class Network;
  Network(const NetworkConfig& config, std::vector<Matrix<T>> w, std::vector<Vector<T>> b);
  std::size_t index(int l) const;

  NetworkConfig config_;
  std::vector<Matrix<T>> w_;  // w_[l - 2] = w^l
  std::vector<Vector<T>> b_;  // b_[l - 2] = b^l
};

template <typename T>
template <typename U>
Network<U> Network<T>::cast() const {
  std::vector<Matrix<U>> w;
  std::vector<Vector<U>> b;
  for (const auto& m : w_) w.push_back(m.template cast<U>());
  for (const auto& v : b_) b.push_back(v.template cast<U>());
  return Network<U>(config_, std::move(w), std::move(b));
}

extern template class Network<float>;
extern template class Network<double>;

}  // namespace gradscope
