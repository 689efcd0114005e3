// Costs from z against the seed's formulas in a, and ∂C/∂a against central differences.
#include "cost.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace gradscope {
namespace {

// The seed's costs of a, per sample (summed over the column), as the reference away from
// saturation.
double textbook_cost(Cost c, const Matrix<double>& a, const Matrix<double>& y) {
  double total = 0.0;
  for (int k = 0; k < a.size(); ++k) {
    const double ak = a.data()[k], yk = y.data()[k];
    if (c == Cost::kQuadratic) total += 0.5 * (ak - yk) * (ak - yk);
    if (c == Cost::kCrossEntropy) total -= yk * std::log(ak) + (1 - yk) * std::log(1 - ak);
    if (c == Cost::kLogLikelihood) total -= yk * std::log(ak);
  }
  return total / a.cols();
}

TEST(Cost, GradientMatchesCentralDifference) {
  Matrix<double> a(3, 2), y(3, 2);
  a << 0.2, 0.6, 0.7, 0.1, 0.1, 0.3;
  y << 0, 1, 1, 0, 0, 0;
  const double h = 1e-7;
  for (Cost c : {Cost::kQuadratic, Cost::kCrossEntropy, Cost::kLogLikelihood}) {
    const Matrix<double> g = cost_gradient(c, a, y);
    for (int k = 0; k < a.size(); ++k) {
      Matrix<double> ap = a, am = a;
      ap.data()[k] += h;
      am.data()[k] -= h;
      // The cost averages over the 2 columns; the gradient is per sample.
      const double numeric = 2.0 * (textbook_cost(c, ap, y) - textbook_cost(c, am, y)) / (2 * h);
      EXPECT_NEAR(g.data()[k], numeric, 1e-6 * std::max(1.0, std::abs(numeric))) << cost_name(c);
    }
  }
}

TEST(Cost, ValuesFromZMatchTheSeedsFormulasInA) {
  Matrix<double> z(3, 2), y(3, 2);
  z << 0.3, -2.0, 1.5, 0.0, -0.7, 2.5;
  y << 1, 0, 0, 0.25, 0.5, 1;
  for (Activation f : {Activation::kSigmoid, Activation::kTanh, Activation::kRelu,
                       Activation::kLeakyRelu, Activation::kIdentity, Activation::kSoftmax}) {
    Matrix<double> a;
    activate(f, z, a);
    EXPECT_NEAR(cost_value(Cost::kQuadratic, f, z, y), textbook_cost(Cost::kQuadratic, a, y), 1e-15)
        << activation_name(f);
    if (f == Activation::kSigmoid || f == Activation::kSoftmax) {
      EXPECT_NEAR(cost_value(Cost::kCrossEntropy, f, z, y),
                  textbook_cost(Cost::kCrossEntropy, a, y), 1e-14)
          << activation_name(f);
    }
    if (f == Activation::kSoftmax) {
      EXPECT_NEAR(cost_value(Cost::kLogLikelihood, f, z, y),
                  textbook_cost(Cost::kLogLikelihood, a, y), 1e-14);
    }
  }
}

TEST(Cost, SaturatedOutputsHaveTheirExactCost) {
  // z = ±1e4: a rounds to 0 and 1 in every precision, yet the cost is finite and exact:
  // softplus(1e4) = 1e4 for the wrong sigmoid output, lse − z = 2e4 for softmax.
  Matrix<float> z(2, 1), y(2, 1);
  z << -1e4f, 1e4f;
  y << 1, 0;
  EXPECT_DOUBLE_EQ(cost_value(Cost::kCrossEntropy, Activation::kSigmoid, z, y), 2e4);
  EXPECT_DOUBLE_EQ(cost_value(Cost::kLogLikelihood, Activation::kSoftmax, z, y), 2e4);
  EXPECT_DOUBLE_EQ(cost_value(Cost::kQuadratic, Activation::kSigmoid, z, y), 1.0);
  Matrix<float> a(2, 1);
  a << 0.0f, 1.0f;
  for (Cost c : {Cost::kQuadratic, Cost::kCrossEntropy, Cost::kLogLikelihood}) {
    EXPECT_TRUE(cost_gradient(c, a, y).allFinite()) << cost_name(c);
  }
}

TEST(Cost, ElementwiseGradientFromZ) {
  for (double z : {-3.0, -0.4, 0.2, 2.5}) {
    for (double y : {0.0, 0.3, 1.0}) {
      const double a = activation_value(Activation::kSigmoid, z);
      EXPECT_NEAR(cost_gradient(Cost::kQuadratic, Activation::kSigmoid, z, y), a - y, 1e-15);
      EXPECT_NEAR(cost_gradient(Cost::kCrossEntropy, Activation::kSigmoid, z, y),
                  (a - y) / (a * (1 - a)), 1e-12);
    }
  }
  // Saturated: (a − y)/σ'(z) with σ'(40) = e^−40 (1 + O(e^−40)), not a floored a(1 − a).
  EXPECT_NEAR(cost_gradient(Cost::kCrossEntropy, Activation::kSigmoid, 40.0, 0.0) * std::exp(-40.0),
              1.0, 1e-12);
  EXPECT_THROW(cost_gradient(Cost::kLogLikelihood, Activation::kSoftmax, 0.0, 1.0),
               std::invalid_argument);
}

}  // namespace
}  // namespace gradscope
