// Backprop's four equations against central differences of the cost, for every depth 2–6, every
// hidden and output activation and every cost they combine with.
#include "backprop.hpp"

#include <gtest/gtest.h>

#include <iterator>

#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

using testing::config;
using testing::random_matrix;
using testing::random_targets;

bool valid(const NetworkConfig& c) {
  try {
    validate(c);
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

std::vector<int> layers_for_depth(int depth) {
  const int widths[] = {3, 4, 5, 3, 4, 3};
  std::vector<int> layers(widths, widths + depth);
  return layers;
}

TEST(Backprop, GradientsMatchCentralDifferencesInDouble) {
  int combinations = 0;
  for (int depth = 2; depth <= 6; ++depth) {
    for (const ActivationInfo& h : kActivations) {
      for (const ActivationInfo& o : kActivations) {
        for (const CostInfo& k : kCosts) {
          const Activation hidden = h.id, output = o.id;
          const Cost cost = k.id;
          const NetworkConfig c = config(layers_for_depth(depth), hidden, output, cost);
          if (!valid(c)) continue;
          ++combinations;
          Rng rng(depth * 1000 + combinations);
          const Network<double> net(c);
          const Matrix<double> x = random_matrix<double>(c.layers.front(), 4, rng);
          const Matrix<double> y = random_targets<double>(c, 4, rng);
          const GradientCheckResult r = gradient_check(net, x, y, 1e-5, 1e-6);
          EXPECT_LT(r.max_relative_error, 1e-4)
              << "depth " << depth << " " << activation_name(hidden) << "/"
              << activation_name(output) << "/" << cost_name(cost) << " worst layer "
              << r.worst_layer << (r.worst_is_bias ? " bias " : " weight ") << r.worst_index;
          EXPECT_EQ(r.parameters_checked, static_cast<int>(net.parameter_count()));
        }
      }
    }
  }
  // Every depth × every hidden activation × every (output, cost) pair the catalogue lists: the
  // outputs here have ≥ 3 units, so no pair is refused for its width.
  int hidden_count = 0;
  for (const ActivationInfo& h : kActivations) hidden_count += h.hidden ? 1 : 0;
  const int pairs = static_cast<int>(std::size(kOutputCostPairs));
  EXPECT_EQ(combinations, 5 * hidden_count * pairs);
}

TEST(Backprop, FloatGradientsAgreeWithDouble) {
  const NetworkConfig c =
      config({4, 6, 5, 3}, Activation::kTanh, Activation::kSigmoid, Cost::kCrossEntropy);
  Rng rng(3);
  const Network<float> net(c);
  const Matrix<float> x = random_matrix<float>(4, 8, rng);
  const Matrix<float> y = random_targets<float>(c, 8, rng);
  const Gradients<float> gf = backprop(net, x, y);
  const Gradients<double> gd = backprop(net.cast<double>(), Matrix<double>(x.cast<double>()),
                                        Matrix<double>(y.cast<double>()));
  for (int l = 2; l <= 4; ++l) {
    const double scale = gd.w[l].cwiseAbs().maxCoeff();
    EXPECT_LT((gf.w[l].cast<double>() - gd.w[l]).cwiseAbs().maxCoeff(), 1e-3 * scale) << l;
    EXPECT_LT((gf.b[l].cast<double>() - gd.b[l]).cwiseAbs().maxCoeff(), 1e-3 * scale) << l;
  }
  // The float network also passes a float finite-difference check at the 1e-3 level on average
  // parameters: a larger step keeps float round-off (≈ 1e-7 / h) small.
  const GradientCheckResult r = gradient_check(net, x, y, 1e-2, 1e-3);
  EXPECT_LT(r.max_relative_error, 2e-2);
}

TEST(Backprop, ShortcutOutputErrorsEqualGeneralForm) {
  // Softmax + log-likelihood and sigmoid + cross-entropy: δ^L = a^L − y equals ∂C/∂a ⊙ σ'(z^L)
  // (for softmax, the Jacobian product).
  const std::pair<Activation, Cost> pairs[] = {{Activation::kSoftmax, Cost::kLogLikelihood},
                                               {Activation::kSigmoid, Cost::kCrossEntropy}};
  for (const auto& [output, cost] : pairs) {
    const NetworkConfig c = config({3, 5, 4}, Activation::kTanh, output, cost);
    Rng rng(11);
    const Network<double> net(c);
    const Matrix<double> x = random_matrix<double>(3, 6, rng);
    const Matrix<double> y = random_targets<double>(c, 6, rng);
    ForwardPass<double> fp;
    forward(net, x, fp, true);
    Matrix<double> shortcut, general;
    output_error(net, fp, y, OutputErrorForm::kAuto, shortcut);
    output_error(net, fp, y, OutputErrorForm::kGeneral, general);
    EXPECT_TRUE(shortcut.isApprox(fp.a[3] - y, 1e-15)) << activation_name(output);
    EXPECT_LT((shortcut - general).cwiseAbs().maxCoeff(), 1e-12) << activation_name(output);
  }
}

TEST(Backprop, ExactOutputFormsEqualTheSeedsBp1AwayFromSaturation) {
  // Every output/cost pair the network accepts: the saturation-safe δ^L (kAuto, docs/numerics.md)
  // equals ∂C/∂a^L ⊙ σ'(z^L), or the softmax Jacobian product, in double at moderate z, for
  // one-hot, soft and arbitrary targets.
  int pairs = 0;
  for (const OutputCostPair& pair : kOutputCostPairs) {
    {
      const Activation output = pair.output;
      const Cost cost = pair.cost;
      const NetworkConfig c = config({3, 5, 4}, Activation::kTanh, output, cost);
      ++pairs;
      Rng rng(13);
      const Network<double> net(c);
      const Matrix<double> x = random_matrix<double>(3, 6, rng);
      Matrix<double> y = random_targets<double>(c, 6, rng);
      if (output == Activation::kSoftmax) y.col(5) << 0.1, 0.2, 0.3, 0.4;  // a soft target
      ForwardPass<double> fp;
      forward(net, x, fp, true);
      Matrix<double> exact, general;
      output_error(net, fp, y, OutputErrorForm::kAuto, exact);
      output_error(net, fp, y, OutputErrorForm::kGeneral, general);
      EXPECT_LT((exact - general).cwiseAbs().maxCoeff(), 1e-12)
          << activation_name(output) << "/" << cost_name(cost) << "\n"
          << exact << "\n\n"
          << general;
    }
  }
  EXPECT_EQ(pairs, static_cast<int>(std::size(kOutputCostPairs)));
}

TEST(Backprop, SoftmaxLogLikelihoodShortcutHoldsForTargetsNotSummingToOne) {
  // ∂C/∂z_i = a_i Σ_j y_j − y_i for C = −Σ_j y_j ln a_j: a − y only when a column of y sums to 1.
  // Soft or partial targets (columns summing to 0.5, 2, 0) must still get the true gradient.
  const NetworkConfig c =
      config({3, 5, 4}, Activation::kTanh, Activation::kSoftmax, Cost::kLogLikelihood);
  Rng rng(12);
  const Network<double> net(c);
  const Matrix<double> x = random_matrix<double>(3, 4, rng);
  Matrix<double> y(4, 4);
  y << 0.5, 1.0, 0.0, 0.25,  //
      0.0, 0.5, 0.0, 0.25,   //
      0.0, 0.5, 0.0, 0.25,   //
      0.0, 0.0, 0.0, 0.25;
  ForwardPass<double> fp;
  forward(net, x, fp, true);
  Matrix<double> shortcut, general;
  output_error(net, fp, y, OutputErrorForm::kAuto, shortcut);
  output_error(net, fp, y, OutputErrorForm::kGeneral, general);
  EXPECT_LT((shortcut - general).cwiseAbs().maxCoeff(), 1e-12) << shortcut << "\n\n" << general;
  EXPECT_TRUE(shortcut.col(3).isApprox(fp.a[3].col(3) - y.col(3), 1e-15));  // Σ_j y_j = 1
  EXPECT_LT(gradient_check(net, x, y, 1e-6).max_relative_error, 1e-6);
}

TEST(Backprop, SoftmaxQuadraticUsesTheJacobian) {
  // Without a shortcut, δ^L for softmax is J ∂C/∂a, not the element-wise product with J's
  // diagonal; the two differ, and only the Jacobian form matches finite differences.
  const NetworkConfig c =
      config({2, 4}, Activation::kSigmoid, Activation::kSoftmax, Cost::kQuadratic);
  Rng rng(5);
  const Network<double> net(c);
  const Matrix<double> x = random_matrix<double>(2, 3, rng);
  const Matrix<double> y = random_targets<double>(c, 3, rng);
  ForwardPass<double> fp;
  forward(net, x, fp, true);
  Matrix<double> delta;
  output_error(net, fp, y, OutputErrorForm::kGeneral, delta);
  const Matrix<double> diagonal_only = ((fp.a[2] - y).array() * fp.d[2].array()).matrix();
  EXPECT_GT((delta - diagonal_only).cwiseAbs().maxCoeff(), 1e-3);
  EXPECT_LT(gradient_check(net, x, y, 1e-6).max_relative_error, 1e-5);
}

TEST(Backprop, GradientsAreBatchAverages) {
  const NetworkConfig c =
      config({3, 4, 2}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic);
  Rng rng(9);
  const Network<double> net(c);
  const Matrix<double> x = random_matrix<double>(3, 5, rng);
  const Matrix<double> y = random_targets<double>(c, 5, rng);
  const Gradients<double> batch = backprop(net, x, y);
  Matrix<double> sum_w = Matrix<double>::Zero(4, 3);
  for (int j = 0; j < 5; ++j) {
    sum_w += backprop(net, Matrix<double>(x.col(j)), Matrix<double>(y.col(j))).w[2];
  }
  EXPECT_TRUE(batch.w[2].isApprox(sum_w / 5.0, 1e-12));
}

}  // namespace
}  // namespace gradscope
