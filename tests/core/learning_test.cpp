// Training end to end: the playground's hardest small sets are learned with a fixed seed.
#include <gtest/gtest.h>

#include "dataset.hpp"
#include "sgd.hpp"

namespace gradscope {
namespace {

double train_and_test(SyntheticKind kind, const NetworkConfig& c, const SgdOptions& o) {
  Dataset<float> all = make_synthetic(kind, 600, 0.02, 17), train_set, test_set;
  split(all, 0.3, 17, train_set, test_set);
  Network<float> net(c);
  const auto history = train(net, train_set, &test_set, o);
  EXPECT_EQ(static_cast<int>(history.size()), o.epochs);
  EXPECT_TRUE(history.back().has_test);
  return history.back().test.accuracy;
}

NetworkConfig tanh_net(std::vector<int> layers) {
  NetworkConfig c;
  c.layers = std::move(layers);
  c.hidden = Activation::kTanh;
  c.output = Activation::kSigmoid;
  c.cost = Cost::kCrossEntropy;
  c.init = Init::kScaled;
  c.seed = 3;
  return c;
}

TEST(Learning, XorReaches95Percent) {
  SgdOptions o;
  o.epochs = 200;
  o.batch_size = 10;
  o.learning_rate = 0.3;
  EXPECT_GE(train_and_test(SyntheticKind::kXor, tanh_net({2, 8, 8, 1}), o), 0.95);
}

TEST(Learning, CircleReaches95Percent) {
  SgdOptions o;
  o.epochs = 200;
  o.batch_size = 10;
  o.learning_rate = 0.3;
  EXPECT_GE(train_and_test(SyntheticKind::kCircle, tanh_net({2, 8, 8, 1}), o), 0.95);
}

TEST(Learning, LossFallsAndL2ShrinksWeights) {
  Dataset<float> data = make_synthetic(SyntheticKind::kGaussians, 200, 0.0, 1);
  NetworkConfig c = tanh_net({2, 4, 1});
  SgdOptions o;
  o.epochs = 20;
  Network<float> plain(c), decayed(c);
  const auto h1 = train(plain, data, nullptr, o);
  EXPECT_LT(h1.back().train.loss, h1.front().train.loss);
  EXPECT_FALSE(h1.back().has_test);
  o.l2 = 5.0;
  train(decayed, data, nullptr, o);
  EXPECT_LT(decayed.w(2).norm(), plain.w(2).norm());
}

TEST(Learning, SeededTrainingIsReproducible) {
  Dataset<float> data = make_synthetic(SyntheticKind::kSpiral, 100, 0.05, 2);
  SgdOptions o;
  o.epochs = 3;
  Network<float> a(tanh_net({2, 6, 1})), b(tanh_net({2, 6, 1}));
  train(a, data, nullptr, o);
  train(b, data, nullptr, o);
  EXPECT_EQ(a.w(2), b.w(2));
  EXPECT_EQ(a.b(3), b.b(3));
}

TEST(Learning, OnEpochCanStopEarly) {
  Dataset<float> data = make_synthetic(SyntheticKind::kXor, 50, 0.0, 2);
  SgdOptions o;
  o.epochs = 10;
  Network<float> net(tanh_net({2, 3, 1}));
  const auto h = train(net, data, nullptr, o, [](const EpochReport& r) { return r.epoch < 4; });
  EXPECT_EQ(h.size(), 4u);
}

TEST(Learning, NextBatchStepsAddUpToEpochs) {
  // The playground trains a few mini-batches at a time; whole passes must equal epoch().
  const Dataset<float> data = make_synthetic(SyntheticKind::kCircle, 53, 0.1, 4);
  SgdOptions o;
  o.batch_size = 10;  // 53 = 5 × 10 + 3: the last batch of each pass is short
  NetworkConfig c = tanh_net({2, 5, 1});
  Network<float> by_epoch(c), by_batch(c);
  Trainer<float> a(by_epoch, o), b(by_batch, o);
  a.epoch(data);
  a.epoch(data);
  int passes = 0, steps = 0;
  while (passes < 2) {
    passes += b.next_batch(data);
    ++steps;
  }
  EXPECT_EQ(steps, 12);
  EXPECT_EQ(b.position(), 0);
  EXPECT_EQ(by_epoch.w(2), by_batch.w(2));
  EXPECT_EQ(by_epoch.b(3), by_batch.b(3));
  b.next_batch(data);
  EXPECT_EQ(b.position(), 10);
}

}  // namespace
}  // namespace gradscope
