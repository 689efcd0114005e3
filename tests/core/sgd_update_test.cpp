// The fused SGD step against Nielsen's network2 update written out from backprop's gradients:
//   w → (1 − ηλ/n) w − (η/m) Σ_x ∂C_x/∂w,   b → b − (η/m) Σ_x ∂C_x/∂b
// with n the training-set size and m the size of this mini-batch (the last one of a pass is
// short), and the checks on the step's own arguments.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "backprop.hpp"
#include "dataset.hpp"
#include "sgd.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

Dataset<double> to_double(const Dataset<float>& d) {
  Dataset<double> out;
  out.x = d.x.cast<double>();
  out.y = d.y.cast<double>();
  out.labels = d.labels;
  return out;
}

// One of Nielsen's update_mini_batch steps on columns [first, first + m) of data; backprop's
// gradients are already the batch averages (1/m) Σ_x ∂C_x/∂θ.
void nielsen_step(Network<double>& net, const Dataset<double>& data, int first, int m, double eta,
                  double lambda) {
  const Matrix<double> x = data.x.middleCols(first, m), y = data.y.middleCols(first, m);
  const Gradients<double> g = backprop(net, x, y);
  const double n = data.size();
  for (int l = 2; l <= net.num_layers(); ++l) {
    net.w(l) = (1.0 - eta * (lambda / n)) * net.w(l) - eta * g.w[l];
    net.b(l) = net.b(l) - eta * g.b[l];
  }
}

TEST(SgdUpdate, EpochIsNielsensUpdateIncludingTheShortLastBatch) {
  const Dataset<double> data = to_double(make_synthetic(SyntheticKind::kCircle, 23, 0.1, 6, 2));
  for (Cost cost : {Cost::kQuadratic, Cost::kCrossEntropy}) {
    const NetworkConfig c = testing::config({2, 5, 4, 2}, Activation::kTanh, Activation::kSigmoid,
                                            cost, Init::kScaled, 8);
    SgdOptions o;
    o.batch_size = 10;  // 23 = 10 + 10 + 3
    o.learning_rate = 0.7;
    o.l2 = 2.5;
    o.shuffle = false;  // batches are columns 0–9, 10–19, 20–22
    Network<double> fused(c), reference(c);
    Trainer<double>(fused, o).epoch(data);
    for (int first = 0; first < data.size(); first += o.batch_size) {
      nielsen_step(reference, data, first, std::min(o.batch_size, data.size() - first),
                   o.learning_rate, o.l2);
    }
    for (int l = 2; l <= 4; ++l) {
      EXPECT_LT((fused.w(l) - reference.w(l)).cwiseAbs().maxCoeff(), 1e-13) << cost_name(cost);
      EXPECT_LT((fused.b(l) - reference.b(l)).cwiseAbs().maxCoeff(), 1e-13) << cost_name(cost);
    }
    // The update really moved the weights, and dividing the short batch by the nominal batch size
    // 10 instead of its 3 columns would be visible at this tolerance.
    Network<double> wrong_m(c);
    for (int first = 0; first < data.size(); first += o.batch_size) {
      const int m = std::min(o.batch_size, data.size() - first);
      nielsen_step(wrong_m, data, first, m, o.learning_rate * m / o.batch_size, o.l2);
    }
    EXPECT_GT((wrong_m.w(4) - reference.w(4)).cwiseAbs().maxCoeff(), 1e-6) << cost_name(cost);
  }
}

TEST(SgdUpdate, StepRejectsATrainingSetSizeBelowOne) {
  // n is the divisor in ηλ/n: 0 would turn every weight into NaN (0/0 when λ = 0).
  Network<float> net(
      testing::config({2, 3, 1}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic));
  const Network<float> before = net;
  Trainer<float> trainer(net, SgdOptions{});
  const Matrix<float> x = Matrix<float>::Constant(2, 4, 0.5f), y = Matrix<float>::Zero(1, 4);
  for (int n : {0, -3}) {
    try {
      trainer.step(x, y, n);
      FAIL() << "step with training-set size " << n << " did not throw";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("training-set size " + std::to_string(n)),
                std::string::npos)
          << e.what();
    }
  }
  EXPECT_EQ(net.w(2), before.w(2));
  trainer.step(x, y, 4);
  EXPECT_TRUE(net.w(2).allFinite());
  EXPECT_NE(net.w(3), before.w(3));
}

TEST(SgdUpdate, NextBatchRejectsMissingTargets) {
  // Each batch copies the same columns of x and y: fewer targets than inputs must not read past y.
  Network<float> net(
      testing::config({2, 3, 1}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic));
  Dataset<float> data = make_synthetic(SyntheticKind::kXor, 12, 0.0, 1);
  data.y.conservativeResize(1, 5);
  Trainer<float> trainer(net, SgdOptions{});
  try {
    trainer.next_batch(data);
    FAIL() << "next_batch with 12 inputs and 5 targets did not throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("12 inputs but 5 targets"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gradscope
