#include "network.hpp"

#include <cmath>
#include <stdexcept>

#include "catalogue.hpp"
#include "rng.hpp"

namespace gradscope {

namespace {

// "[2, 15000, 15000]", or the first few sizes and a count for long lists.
std::string layer_list(const std::vector<int>& layers) {
  std::string s = "[";
  const std::size_t shown = layers.size() <= 8 ? layers.size() : 6;
  for (std::size_t i = 0; i < shown; ++i) s += (i ? ", " : "") + std::to_string(layers[i]);
  if (shown < layers.size()) s += ", … (" + std::to_string(layers.size()) + " layers)";
  return s + "]";
}

}  // namespace

void validate(const NetworkConfig& config) {
  if (config.layers.size() < 2) {
    throw std::invalid_argument("a network needs at least 2 layers (input and output), got " +
                                std::to_string(config.layers.size()));
  }
  if (config.layers.size() > static_cast<std::size_t>(kMaxLayers)) {
    throw std::invalid_argument("a network has at most " + std::to_string(kMaxLayers) +
                                " layers, got " + std::to_string(config.layers.size()));
  }
  for (std::size_t i = 0; i < config.layers.size(); ++i) {
    if (config.layers[i] < 1) {
      throw std::invalid_argument("layer " + std::to_string(i + 1) + " has size " +
                                  std::to_string(config.layers[i]) +
                                  "; every layer needs >= 1 unit");
    }
  }
  // n_l × n_(l−1) + n_l per layer in 64 bits: each term is below 2^63 and there are at most
  // kMaxLayers of them, so the sum is kept from wrapping by stopping at the first excess.
  unsigned long long parameters = 0;
  for (std::size_t i = 1; i < config.layers.size(); ++i) {
    const unsigned long long rows = config.layers[i], cols = config.layers[i - 1];
    parameters += rows * cols + rows;
    if (parameters > static_cast<unsigned long long>(kMaxParameters)) break;
  }
  if (parameters > static_cast<unsigned long long>(kMaxParameters)) {
    throw std::invalid_argument("layers " + layer_list(config.layers) + " need at least " +
                                std::to_string(parameters) + " weights and biases; at most " +
                                std::to_string(kMaxParameters) + " (2^26) fit in memory");
  }
  const ActivationInfo& hidden = activation_info(config.hidden);
  const ActivationInfo& output = activation_info(config.output);
  if (!hidden.hidden) {
    throw std::invalid_argument(std::string(hidden.name) +
                                " is an output activation only, not a hidden one");
  }
  if (!output.output) {
    throw std::invalid_argument(std::string(output.name) +
                                " is a hidden activation only, not an output one");
  }
  if (config.layers.back() < output.min_output_units) {
    throw std::invalid_argument(std::string(output.name) + " output needs at least " +
                                std::to_string(output.min_output_units) + " units, got " +
                                std::to_string(config.layers.back()));
  }
  if (!find_output_cost_pair(config.output, config.cost)) {
    // E.g. "cross-entropy cost needs outputs in (0, 1) (sigmoid or softmax), got 'tanh'".
    const CostInfo& cost = cost_info(config.cost);
    std::string allowed;
    int count = 0;
    for (const OutputCostPair& pair : kOutputCostPairs) {
      if (pair.cost != config.cost) continue;
      allowed += (count++ == 0 ? "" : " or ") + std::string(activation_name(pair.output));
    }
    const std::string needs = cost.output_requirement ? cost.output_requirement : allowed;
    throw std::invalid_argument(std::string(cost.name) + " cost needs " + needs +
                                (count > 1 ? " (" + allowed + ")" : "") + ", got '" + output.name +
                                "'");
  }
}

template <typename T>
Network<T>::Network(const NetworkConfig& config) : config_(config) {
  validate(config_);
  Rng rng(config_.seed);
  // Fill in a fixed order (layer, then row-major weights, then biases) so the seed alone decides.
  for (int l = 2; l <= num_layers(); ++l) {
    const int rows = size(l), cols = size(l - 1);
    const InitInfo& init = init_info(config_.init);
    const double w_std = std::sqrt(init.weight_gain / (init.fan_in_scaled ? cols : 1));
    const double b_std = init.zero_biases ? 0.0 : 1.0;
    Matrix<T> w(rows, cols);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) w(r, c) = static_cast<T>(rng.normal() * w_std);
    Vector<T> b(rows);
    for (int r = 0; r < rows; ++r)
      b(r) = b_std == 0.0 ? T(0) : static_cast<T>(rng.normal() * b_std);
    w_.push_back(std::move(w));
    b_.push_back(std::move(b));
  }
}

template <typename T>
Network<T>::Network(const NetworkConfig& config, std::vector<Matrix<T>> w, std::vector<Vector<T>> b)
    : config_(config), w_(std::move(w)), b_(std::move(b)) {}

template <typename T>
int Network<T>::size(int l) const {
  if (l < 1 || l > num_layers()) {
    throw std::invalid_argument("layer " + std::to_string(l) + " does not exist (layers are 1.." +
                                std::to_string(num_layers()) + ")");
  }
  return config_.layers[l - 1];
}

template <typename T>
Activation Network<T>::activation(int l) const {
  return l == num_layers() ? config_.output : config_.hidden;
}

template <typename T>
std::size_t Network<T>::index(int l) const {
  if (l < 2 || l > num_layers()) {
    throw std::invalid_argument("layer " + std::to_string(l) +
                                " has no weights (weighted layers are 2.." +
                                std::to_string(num_layers()) + ")");
  }
  return static_cast<std::size_t>(l - 2);
}

template <typename T>
void Network<T>::set_parameters(int l, const Matrix<T>& w, const Vector<T>& b) {
  const std::size_t i = index(l);
  if (w.rows() != w_[i].rows() || w.cols() != w_[i].cols()) {
    throw std::invalid_argument("weights for layer " + std::to_string(l) + " are " +
                                std::to_string(w.rows()) + "x" + std::to_string(w.cols()) +
                                ", expected " + std::to_string(w_[i].rows()) + "x" +
                                std::to_string(w_[i].cols()));
  }
  if (b.size() != b_[i].size()) {
    throw std::invalid_argument("biases for layer " + std::to_string(l) + " have length " +
                                std::to_string(b.size()) + ", expected " +
                                std::to_string(b_[i].size()));
  }
  for (Eigen::Index k = 0; k < w.size(); ++k) {
    if (!std::isfinite(w.data()[k])) {
      throw std::invalid_argument("weight " + std::to_string(k) + " of layer " + std::to_string(l) +
                                  " is not finite (" + std::to_string(w.data()[k]) + ")");
    }
  }
  for (Eigen::Index k = 0; k < b.size(); ++k) {
    if (!std::isfinite(b(k))) {
      throw std::invalid_argument("bias " + std::to_string(k) + " of layer " + std::to_string(l) +
                                  " is not finite (" + std::to_string(b(k)) + ")");
    }
  }
  w_[i] = w;
  b_[i] = b;
}

template <typename T>
std::size_t Network<T>::parameter_count() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < w_.size(); ++i) n += w_[i].size() + b_[i].size();
  return n;
}

template class Network<float>;
template class Network<double>;

}  // namespace gradscope
