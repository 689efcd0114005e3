// activations(net, x, l), the forward pass stopped at layer l, against predict of the
// sub-network [n_1 … n_l] (output activation = the hidden one) with the same parameters: what the
// playground's per-neuron heatmaps show must be what that smaller network computes.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "forward.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

// The network made of layers 1 … l of net, its last layer using the hidden activation.
template <typename T>
Network<T> sub_network(const Network<T>& net, int l) {
  NetworkConfig c = net.config();
  c.layers.resize(l);
  c.output = c.hidden;
  c.cost = Cost::kQuadratic;  // every hidden activation pairs with it; the cost plays no part
  Network<T> sub(c);
  for (int k = 2; k <= l; ++k) sub.set_parameters(k, net.w(k), net.b(k));
  return sub;
}

// A 5 × 5 grid over [−1, 1]², the plane the heatmaps cover.
template <typename T>
Matrix<T> grid() {
  Matrix<T> x(2, 25);
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) {
      x(0, 5 * i + j) = static_cast<T>(-1.0 + 0.5 * j);
      x(1, 5 * i + j) = static_cast<T>(-1.0 + 0.5 * i);
    }
  }
  return x;
}

template <typename T>
void expect_sub_networks_agree(Activation hidden, Activation output, Cost cost) {
  const Network<T> net(testing::config({2, 4, 3, 5, 2}, hidden, output, cost, Init::kScaled, 11));
  const Matrix<T> x = grid<T>();
  EXPECT_EQ(activations(net, x, 1), x);  // a^1 = x
  for (int l = 2; l < net.num_layers(); ++l) {
    const Matrix<T> a = activations(net, x, l);
    ASSERT_EQ(a.rows(), net.size(l));
    ASSERT_EQ(a.cols(), x.cols());
    // Bit for bit: the same kernels, in the same order.
    EXPECT_EQ(a, predict(sub_network(net, l), x)) << activation_name(hidden) << " l = " << l;
  }
  EXPECT_EQ(activations(net, x, net.num_layers()), predict(net, x)) << activation_name(hidden);
}

TEST(Activations, EqualPredictOfTheSubNetworkForEveryHiddenActivation) {
  for (Activation hidden : testing::elementwise_activations()) {
    expect_sub_networks_agree<float>(hidden, Activation::kSoftmax, Cost::kLogLikelihood);
    expect_sub_networks_agree<float>(hidden, Activation::kSigmoid, Cost::kCrossEntropy);
    expect_sub_networks_agree<double>(hidden, Activation::kIdentity, Cost::kQuadratic);
  }
}

TEST(Activations, AHiddenLayerDiffersFromTheOutput) {
  // Not a tautology of l = L: a hidden layer's values are the sub-network's, not the output's.
  const Network<float> net(
      testing::config({2, 3, 3}, Activation::kTanh, Activation::kSigmoid, Cost::kCrossEntropy));
  const Matrix<float> x = grid<float>();
  const Matrix<float> a2 = activations(net, x, 2);
  EXPECT_LT(a2.minCoeff(), 0.0f);  // tanh takes negative values, the sigmoid output does not
  EXPECT_NE(a2, activations(net, x, 3));
}

TEST(Activations, RefuseALayerOutsideTheNetworkNamingIt) {
  const Network<float> net(
      testing::config({2, 3, 1}, Activation::kRelu, Activation::kSigmoid, Cost::kQuadratic));
  const Matrix<float> x = grid<float>();
  for (int l : {0, -1, 4}) {
    try {
      activations(net, x, l);
      FAIL() << "layer " << l << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()),
                "layer " + std::to_string(l) + " is not one of 1 … 3 (the network's layers)");
    }
  }
  EXPECT_THROW(activations(net, Matrix<float>(Matrix<float>::Zero(3, 2)), 2),
               std::invalid_argument);
}

}  // namespace
}  // namespace gradscope
