// Costs and ∂C/∂a against central differences.
#include "cost.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace gradscope {
namespace {

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
      // cost_value averages over the 2 columns; the gradient is per sample.
      const double numeric = 2.0 * (cost_value(c, ap, y) - cost_value(c, am, y)) / (2 * h);
      EXPECT_NEAR(g.data()[k], numeric, 1e-6 * std::max(1.0, std::abs(numeric))) << cost_name(c);
    }
  }
}

TEST(Cost, Values) {
  Matrix<double> a(2, 1), y(2, 1);
  a << 0.8, 0.2;
  y << 1, 0;
  EXPECT_NEAR(cost_value(Cost::kQuadratic, a, y), 0.5 * (0.04 + 0.04), 1e-15);
  EXPECT_NEAR(cost_value(Cost::kCrossEntropy, a, y), -2 * std::log(0.8), 1e-15);
  EXPECT_NEAR(cost_value(Cost::kLogLikelihood, a, y), -std::log(0.8), 1e-15);
}

TEST(Cost, SaturatedOutputsStayFinite) {
  Matrix<float> a(2, 1), y(2, 1);
  a << 0.0f, 1.0f;
  y << 1, 0;
  for (Cost c : {Cost::kQuadratic, Cost::kCrossEntropy, Cost::kLogLikelihood}) {
    EXPECT_TRUE(std::isfinite(cost_value(c, a, y))) << cost_name(c);
    EXPECT_TRUE(cost_gradient(c, a, y).allFinite()) << cost_name(c);
  }
}

}  // namespace
}  // namespace gradscope
