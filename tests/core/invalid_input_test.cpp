// Every documented bad input raises std::invalid_argument whose message names the bad value.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "backprop.hpp"
#include "dataset.hpp"
#include "rng.hpp"
#include "sgd.hpp"

namespace gradscope {
namespace {

void expect_invalid(const std::function<void()>& f, const std::string& fragment) {
  try {
    f();
    FAIL() << "expected std::invalid_argument mentioning '" << fragment << "'";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message '" << e.what() << "' does not mention '" << fragment << "'";
  }
}

NetworkConfig small() {
  NetworkConfig c;
  c.layers = {2, 3, 1};
  return c;
}

TEST(InvalidInput, Network) {
  NetworkConfig c = small();
  c.layers = {2, 0, 1};
  expect_invalid([&] { Network<float> n(c); }, "layer 2 has size 0");
  c.layers = {4};
  expect_invalid([&] { Network<float> n(c); }, "got 1");
  c = small();
  c.hidden = Activation::kSoftmax;
  expect_invalid([&] { Network<float> n(c); }, "softmax");
  c = small();
  c.cost = Cost::kLogLikelihood;
  expect_invalid([&] { Network<float> n(c); }, "got 'sigmoid'");
  c.cost = Cost::kCrossEntropy;
  c.output = Activation::kTanh;
  expect_invalid([&] { Network<float> n(c); }, "got 'tanh'");
  expect_invalid([] { parse_activation("sigmod"); }, "'sigmod'");
  expect_invalid([] { parse_activation("sigmod"); }, "leaky-relu");
  expect_invalid([] { parse_cost("mse"); }, "'mse'");
  expect_invalid([] { parse_init("xavier"); }, "'xavier'");
  expect_invalid([] { parse_synthetic("moons"); }, "'moons'");
  Network<float> net(small());
  expect_invalid([&] { net.w(1); }, "layer 1");
  expect_invalid([&] { net.w(4); }, "layer 4");
  Matrix<float> bad_w = Matrix<float>::Zero(3, 2);
  bad_w(1, 1) = NAN;
  expect_invalid([&] { net.set_parameters(2, bad_w, Vector<float>::Zero(3)); }, "nan");
  expect_invalid([&] { net.set_parameters(2, Matrix<float>::Zero(2, 2), Vector<float>::Zero(3)); },
                 "2x2, expected 3x2");
}

TEST(InvalidInput, Batches) {
  Network<float> net(small());
  expect_invalid([&] { predict(net, Matrix<float>(3, 4)); }, "input width 3");
  expect_invalid([&] { backprop(net, Matrix<float>(2, 0), Matrix<float>(1, 0)); }, "batch size 0");
  expect_invalid(
      [&] {
        backprop(net, Matrix<float>(Matrix<float>::Zero(2, 3)),
                 Matrix<float>(Matrix<float>::Zero(2, 3)));
      },
      "targets are 2x3");
}

TEST(InvalidInput, Training) {
  Network<float> net(small());
  Dataset<float> data = make_synthetic(SyntheticKind::kXor, 20, 0.0, 1);
  SgdOptions o;
  o.learning_rate = NAN;
  expect_invalid([&] { train(net, data, nullptr, o); }, "learning rate nan");
  o.learning_rate = -0.5;
  expect_invalid([&] { train(net, data, nullptr, o); }, "learning rate -0.5");
  o.learning_rate = 0.5;
  o.batch_size = 0;
  expect_invalid([&] { train(net, data, nullptr, o); }, "batch size 0");
  o.batch_size = 10;
  o.l2 = -1;
  expect_invalid([&] { train(net, data, nullptr, o); }, "-1");
  o.l2 = 0;
  o.epochs = 0;
  expect_invalid([&] { train(net, data, nullptr, o); }, "epochs 0");
  o.epochs = 1;
  data.x(1, 7) = INFINITY;
  expect_invalid([&] { train(net, data, nullptr, o); }, "sample 7");
  expect_invalid([] { make_synthetic(SyntheticKind::kXor, 10, -0.1, 1); }, "noise -0.1");
  expect_invalid([] { make_synthetic(SyntheticKind::kXor, 1, 0.1, 1); }, "sample count 1");
}

TEST(InvalidInput, EvaluateChecksTheLabels) {
  // evaluate() compares one label per column; fewer labels than samples must not read past them.
  Network<float> net(small());
  Dataset<float> data = make_synthetic(SyntheticKind::kXor, 20, 0.0, 1);
  EXPECT_NO_THROW(evaluate(net, data));
  data.labels.resize(3);
  expect_invalid([&] { evaluate(net, data); }, "3 labels");
  data.labels.clear();
  expect_invalid([&] { evaluate(net, data); }, "0 labels");
}

TEST(InvalidInput, RngBelowZero) {
  // [0, 0) is empty; n = 0 would otherwise divide by zero.
  Rng rng(1);
  expect_invalid([&] { rng.below(0); }, "below(0)");
  EXPECT_EQ(rng.below(1), 0u);
}

// Sizes that cannot fit are refused before anything is allocated, naming the sizes.
TEST(InvalidInput, NetworkSizeLimits) {
  NetworkConfig c = small();
  c.layers = {2, 15000, 15000, 15000};
  expect_invalid([&] { Network<float> n(c); }, "layers [2, 15000, 15000, 15000] need at least");
  expect_invalid([&] { Network<float> n(c); }, "at most 67108864 (2^26)");
  c.layers = {2147483647, 2147483647, 2147483647};  // products beyond 2^62 must not wrap
  expect_invalid([&] { Network<float> n(c); }, "need at least");
  c.layers = std::vector<int>(kMaxLayers + 1, 1);
  expect_invalid([&] { Network<float> n(c); }, "at most 1024 layers, got 1025");
  c.layers = {8191, 8191};  // 67,100,672 parameters: just inside the limit
  EXPECT_NO_THROW(validate(c));
  c.layers = {8192, 8192};  // 67,117,056: just outside
  expect_invalid([&] { validate(c); }, "need at least 67117056 weights and biases");
}

TEST(InvalidInput, SplitKeepsATrainingSetAndConsistentLabels) {
  const Dataset<float> d = make_synthetic(SyntheticKind::kXor, 20, 0.0, 1);
  Dataset<float> train, test;
  expect_invalid([&] { split(d, 0.99, 1, train, test); }, "leaves no training samples");
  split(d, 0.9, 1, train, test);
  EXPECT_EQ(train.size(), 2);
  Dataset<float> wrong = d;
  wrong.labels[3] = 1 - wrong.labels[3];
  expect_invalid([&] { split(wrong, 0.2, 1, train, test); }, "of sample 3 contradicts its target");
}

}  // namespace
}  // namespace gradscope
