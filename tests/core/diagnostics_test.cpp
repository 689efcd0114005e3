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
    // Sigmoid's σ' never exceeds 1/4: every count sits in the first quarter of [0, 1].
    for (std::size_t i = kDerivativeBins / 4; i < d.hist_counts.size(); ++i)
      EXPECT_EQ(d.hist_counts[i], 0);
  }
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
