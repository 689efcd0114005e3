// Per-layer diagnostics: gradient norms, σ'(z) statistics and the gradient check itself.
#include "diagnostics.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "test_support.hpp"

namespace gradscope {
namespace {

using testing::config;
using testing::random_matrix;
using testing::random_targets;

TEST(Diagnostics, MatchBackpropAndDerivatives) {
  const NetworkConfig c =
      config({3, 5, 4, 2}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic);
  Rng rng(1);
  const Network<double> net(c);
  const Matrix<double> x = random_matrix<double>(3, 7, rng);
  const Matrix<double> y = random_targets<double>(c, 7, rng);
  const auto diag = diagnose(net, x, y);
  const Gradients<double> g = backprop(net, x, y);
  ForwardPass<double> fp;
  forward(net, x, fp, true);
  ASSERT_EQ(diag.size(), 3u);
  for (int l = 2; l <= 4; ++l) {
    const LayerDiagnostics& d = diag[l - 2];
    EXPECT_EQ(d.layer, l);
    EXPECT_DOUBLE_EQ(d.bias_grad_norm, g.b[l].norm());
    EXPECT_DOUBLE_EQ(d.weight_grad_norm, g.w[l].norm());
    EXPECT_NEAR(d.mean_abs_act_deriv, fp.d[l].cwiseAbs().mean(), 1e-15);
    EXPECT_EQ(std::accumulate(d.hist_counts.begin(), d.hist_counts.end(), 0), c.layers[l - 1] * 7);
    ASSERT_EQ(d.hist_edges.size(), d.hist_counts.size() + 1);
    // Sigmoid's histogram spans its own range [0, 1/4] (not [0, 1], where it had 5 bins).
    ASSERT_EQ(d.hist_counts.size(), static_cast<std::size_t>(kDerivativeBins));
    EXPECT_EQ(d.hist_edges.front(), 0.0);
    EXPECT_EQ(d.hist_edges.back(), 0.25);
    // Each count is the number of σ'(z) values inside its bin.
    for (std::size_t i = 0; i < d.hist_counts.size(); ++i) {
      int inside = 0;
      for (Eigen::Index k = 0; k < fp.d[l].size(); ++k) {
        const double v = fp.d[l].data()[k];
        const bool last = i + 1 == d.hist_counts.size();
        inside += v >= d.hist_edges[i] && (v < d.hist_edges[i + 1] || (last && v <= 0.25));
      }
      EXPECT_EQ(d.hist_counts[i], inside) << "layer " << l << " bin " << i;
    }
  }
}

TEST(Diagnostics, BinsSpanEachActivationsOwnDerivativeRange) {
  for (const ActivationInfo& a : kActivations) {
    const std::vector<double> edges = derivative_bin_edges(a.id);
    EXPECT_EQ(edges.front(), a.derivative_min) << a.name;
    EXPECT_EQ(edges.back(), a.derivative_max) << a.name;
    const bool constant = a.derivative_min == a.derivative_max;
    ASSERT_EQ(edges.size(), constant ? 2u : static_cast<std::size_t>(kDerivativeBins + 1))
        << a.name;
    for (std::size_t i = 1; i < edges.size(); ++i) EXPECT_GE(edges[i], edges[i - 1]) << a.name;
  }
}

TEST(Diagnostics, ValuesOutsideTheRangeGoToTheEndBins) {
  const std::vector<double> sigmoid = derivative_bin_edges(Activation::kSigmoid);
  EXPECT_EQ(derivative_bin(sigmoid, 0.0), 0);
  EXPECT_EQ(derivative_bin(sigmoid, -1e-9), 0);
  EXPECT_EQ(derivative_bin(sigmoid, 0.0125), 1);  // 1/80: the second of 20 bins over [0, 1/4]
  EXPECT_EQ(derivative_bin(sigmoid, 0.25), kDerivativeBins - 1);
  EXPECT_EQ(derivative_bin(sigmoid, 0.2500001), kDerivativeBins - 1);
  EXPECT_EQ(derivative_bin(derivative_bin_edges(Activation::kIdentity), 1.0), 0);
  EXPECT_EQ(derivative_bin(derivative_bin_edges(Activation::kLeakyRelu), kLeakyReluSlope), 0);
}

TEST(Diagnostics, SigmoidNearItsPeakFillsTheUpperBins) {
  // Small weights keep z near 0, where σ'(z) ≈ 1/4: the top bin of [0, 1/4], which a fixed
  // [0, 1] binning lumped with everything from 0.2 up.
  const NetworkConfig c =
      config({2, 4, 1}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic);
  Network<double> net(c);
  net.set_parameters(2, Matrix<double>::Constant(4, 2, 0.01), Vector<double>::Zero(4));
  Rng rng(3);
  const Matrix<double> x = random_matrix<double>(2, 5, rng);
  const Matrix<double> y = Matrix<double>::Zero(1, 5);
  const LayerDiagnostics d = diagnose(net, x, y)[0];
  EXPECT_EQ(d.hist_counts.back(), 4 * 5);
}

TEST(Diagnostics, ReluAndIdentityHistograms) {
  // ReLU: σ' is 0 (inactive) or 1, the first and last of the 20 bins over [0, 1].
  const NetworkConfig relu =
      config({2, 6, 1}, Activation::kRelu, Activation::kSigmoid, Cost::kCrossEntropy);
  Rng rng(5);
  const Matrix<double> x = random_matrix<double>(2, 9, rng);
  const Matrix<double> y = Matrix<double>::Zero(1, 9);
  const LayerDiagnostics r = diagnose(Network<double>(relu), x, y)[0];
  ASSERT_EQ(r.hist_counts.size(), static_cast<std::size_t>(kDerivativeBins));
  EXPECT_EQ(r.hist_counts.front() + r.hist_counts.back(), 6 * 9);
  EXPECT_DOUBLE_EQ(r.saturated_fraction, r.hist_counts.front() / 54.0);
  // Identity: σ' = 1 everywhere, one bin [1, 1] holding every value.
  const NetworkConfig id =
      config({2, 3, 1}, Activation::kIdentity, Activation::kSigmoid, Cost::kCrossEntropy);
  const LayerDiagnostics i = diagnose(Network<double>(id), x, y)[0];
  ASSERT_EQ(i.hist_counts.size(), 1u);
  EXPECT_EQ(i.hist_counts[0], 3 * 9);
  EXPECT_EQ(i.hist_edges, (std::vector<double>{1.0, 1.0}));
}

TEST(Diagnostics, SaturationIsCounted) {
  // Huge weights push every z far from 0, where σ'(z) ≈ 0.
  NetworkConfig c = config({2, 6, 1}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic);
  Network<double> net(c);
  net.set_parameters(2, Matrix<double>::Constant(6, 2, 50.0), Vector<double>::Zero(6));
  Matrix<double> x(2, 3);
  x << 1, -1, 2, 1, -1, 0.5;
  Matrix<double> y = Matrix<double>::Zero(1, 3);
  EXPECT_DOUBLE_EQ(diagnose(net, x, y)[0].saturated_fraction, 1.0);
  net.set_parameters(2, Matrix<double>::Zero(6, 2), Vector<double>::Zero(6));
  EXPECT_DOUBLE_EQ(diagnose(net, x, y)[0].saturated_fraction, 0.0);
}

TEST(Diagnostics, GradientCheckDetectsAWrongGradient) {
  // The check must be able to fail: with a step far too large for the cost's curvature, central
  // differences no longer agree with backprop.
  const NetworkConfig c =
      config({2, 3, 1}, Activation::kTanh, Activation::kSigmoid, Cost::kQuadratic);
  Rng rng(4);
  const Network<double> net(c);
  const Matrix<double> x = random_matrix<double>(2, 4, rng);
  const Matrix<double> y = random_targets<double>(c, 4, rng);
  EXPECT_LT(gradient_check(net, x, y, 1e-6).max_relative_error, 1e-6);
  EXPECT_GT(gradient_check(net, x, y, 10.0).max_relative_error, 1e-3);
}

}  // namespace
}  // namespace gradscope
