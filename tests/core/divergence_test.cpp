// A learning rate far too large drives the weights to inf and NaN. That is allowed to happen, but
// everything that reports on the network afterwards (evaluate, diagnose, the learning speeds, the
// gradient check) must still return, with non-finite numbers where they belong, not crash.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "dataset.hpp"
#include "diagnostics.hpp"
#include "sgd.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

bool all_parameters_finite(const Network<float>& net) {
  for (int l = 2; l <= net.num_layers(); ++l) {
    if (!net.w(l).allFinite() || !net.b(l).allFinite()) return false;
  }
  return true;
}

// With an identity output and the quadratic cost, δ^L = a^L − y is unbounded: η = 1e3 makes each
// step overshoot further until the weights overflow to inf, and inf − inf then gives NaN, which
// the tanh layers turn into NaN σ'(z) for the diagnostics to histogram.
Network<float> diverged_network(const Dataset<float>& data) {
  Network<float> net(testing::config({2, 8, 8, 1}, Activation::kTanh, Activation::kIdentity,
                                     Cost::kQuadratic, Init::kLarge, 3));
  SgdOptions o;
  o.epochs = 5;
  o.learning_rate = 1e3;
  train(net, data, nullptr, o);
  return net;
}

TEST(Divergence, ReportsStillReturnAfterTrainingDiverges) {
  const Dataset<float> data = make_synthetic(SyntheticKind::kXor, 40, 0.1, 5);
  const Network<float> net = diverged_network(data);
  ASSERT_FALSE(all_parameters_finite(net)) << "the learning rate no longer makes training diverge";
  ForwardPass<float> fp;
  forward(net, data.x, fp, true);
  ASSERT_TRUE(fp.d[2].array().isNaN().any()) << "σ'(z^2) is expected to hold NaN";

  const Evaluation e = evaluate(net, data);
  EXPECT_FALSE(std::isfinite(e.loss));
  EXPECT_GE(e.accuracy, 0.0);
  EXPECT_LE(e.accuracy, 1.0);

  const std::vector<LayerDiagnostics> diag = diagnose(net, data.x, data.y);
  ASSERT_EQ(diag.size(), 3u);
  for (const LayerDiagnostics& d : diag) {
    const int units = net.size(d.layer);
    // Each layer's own bins: 20 for the tanh layers, one for the identity output (σ' = 1).
    ASSERT_EQ(d.hist_counts.size(), derivative_bin_edges(net.activation(d.layer)).size() - 1);
    int counted = 0;
    for (int c : d.hist_counts) {
      EXPECT_GE(c, 0) << "layer " << d.layer;
      counted += c;
    }
    // NaN σ'(z) has no bin: the histogram holds the other values only.
    int not_nan = 0;
    for (Eigen::Index k = 0; k < fp.d[d.layer].size(); ++k) {
      not_nan += std::isnan(fp.d[d.layer].data()[k]) ? 0 : 1;
    }
    EXPECT_EQ(counted, not_nan) << "layer " << d.layer;
    EXPECT_LE(counted, units * data.size()) << "layer " << d.layer;
    EXPECT_GE(d.saturated_fraction, 0.0);
    EXPECT_LE(d.saturated_fraction, 1.0);
  }
  EXPECT_GE(gradient_check(net, data.x, data.y, 1e-2).parameters_checked, 1);
}

TEST(Divergence, NanDerivativesAreLeftOutOfTheHistogram) {
  // One NaN weight in the output layer: every σ'(z^L) is NaN, the hidden layer stays finite.
  Network<float> net(testing::config({2, 3, 2}, Activation::kSigmoid, Activation::kSigmoid,
                                     Cost::kQuadratic, Init::kScaled, 1));
  net.w(3)(0, 0) = NAN;
  net.w(3)(1, 0) = NAN;
  Rng rng(2);
  const Matrix<float> x = testing::random_matrix<float>(2, 5, rng);
  const Matrix<float> y = Matrix<float>::Constant(2, 5, 0.5f);
  const std::vector<LayerDiagnostics> diag = diagnose(net, x, y);
  ASSERT_EQ(diag.size(), 2u);
  EXPECT_EQ(std::accumulate(diag[0].hist_counts.begin(), diag[0].hist_counts.end(), 0), 3 * 5);
  EXPECT_EQ(std::accumulate(diag[1].hist_counts.begin(), diag[1].hist_counts.end(), 0), 0);
  EXPECT_TRUE(std::isnan(diag[1].mean_abs_act_deriv));
  EXPECT_TRUE(std::isnan(diag[1].bias_grad_norm));
}

TEST(Divergence, GradientCheckReportsNanRatherThanAgreement) {
  // Backprop and central differences are both NaN here; a check that skipped NaN errors would
  // report a perfect 0.
  Network<double> net(testing::config({2, 3, 1}, Activation::kTanh, Activation::kSigmoid,
                                      Cost::kQuadratic, Init::kScaled, 1));
  Rng rng(3);
  const Matrix<double> x = testing::random_matrix<double>(2, 4, rng);
  const Matrix<double> y = Matrix<double>::Constant(1, 4, 0.5);
  EXPECT_LT(gradient_check(net, x, y, 1e-6).max_relative_error, 1e-6);
  net.w(3)(0, 1) = NAN;
  const GradientCheckResult r = gradient_check(net, x, y, 1e-6);
  EXPECT_TRUE(std::isnan(r.max_relative_error)) << r.max_relative_error;
  EXPECT_EQ(r.parameters_checked, static_cast<int>(net.parameter_count()));
  for (double h : {0.0, -1e-3, double(INFINITY), double(NAN)}) {
    EXPECT_THROW(gradient_check(net, x, y, h), std::invalid_argument) << h;
  }
}

}  // namespace
}  // namespace gradscope
