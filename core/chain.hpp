// The seed's "simplest deep network" (section 4): one neuron per layer, neuron j with weight w_j
// and bias b_j, z_j = w_j a_(j-1) + b_j, a_j = σ(z_j), a_0 = x. Backprop's four equations collapse
// to one product of scalars:
//   ∂C/∂b_1 = σ'(z_1) × w_2 × σ'(z_2) × … × w_n × σ'(z_n) × ∂C/∂a_n
// Neuron j is the seed's layer l = j + 1 of a Network whose layers are all of width 1.
#pragma once

#include <vector>

#include "network.hpp"

namespace gradscope {

struct ChainNeuron {
  int j = 0;                 // 1 … n
  double w = 0.0, b = 0.0;   // w_j, b_j
  double z = 0.0, a = 0.0;   // z_j, a_j
  double sigma_prime = 0.0;  // σ'(z_j)
};

enum class ChainTermKind { kSigmaPrime, kWeight, kCostGradient };

// One factor of the product, in the order the formula is written (left to right), with the
// running product of it and every factor before it.
struct ChainTerm {
  ChainTermKind kind = ChainTermKind::kSigmaPrime;
  int j = 0;  // σ'(z_j) or w_j; n for ∂C/∂a_n
  double value = 0.0;
  double running = 0.0;
};

struct ChainProduct {
  std::vector<ChainNeuron> neurons;  // j = 1 … n
  std::vector<ChainTerm> terms;      // 2n factors
  double cost = 0.0;                 // C(a_n, y)
  double cost_gradient = 0.0;        // ∂C/∂a_n
  double dC_db1 = 0.0;               // the whole product
};

// Throws std::invalid_argument naming the first layer whose width is not 1.
void check_chain(const NetworkConfig& config);

// A chain of n = w.size() neurons with the given weights and biases; every neuron (the last one
// included) uses activation f. Throws when w and b differ in length, n < 1, or a value is not
// finite.
template <typename T>
Network<T> make_chain(const std::vector<double>& w, const std::vector<double>& b, Activation f,
                      Cost cost);

// Evaluates the product term by term for input x and target y. The factors come from the same
// forward pass backprop makes (in T); they are multiplied in double, left to right.
template <typename T>
ChainProduct chain_product(const Network<T>& net, double x, double y);

// Nielsen's exploding-gradient construction: b_j = −w_j a_(j−1), so every z_j = 0 and each factor
// w_j σ'(z_j) takes the activation's largest derivative (σ'(0) = 1/4 for sigmoid). With w_j = 100
// each factor w_(j+1) σ'(z_j) is 25 and the product grows 25-fold per layer.
template <typename T>
void center_chain_biases(Network<T>& net, double x);

}  // namespace gradscope
