// σ, σ' and the softmax Jacobian against central differences and the seed's closed forms.
#include "activation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.hpp"

namespace gradscope {
namespace {

const std::vector<Activation> kElementwise = testing::elementwise_activations();

TEST(Activation, DerivativeMatchesCentralDifference) {
  const double h = 1e-6;
  for (Activation f : kElementwise) {
    for (double x = -6.0; x <= 6.0; x += 0.37) {  // never exactly 0, where ReLU has a kink
      const double numeric = (activation_value(f, x + h) - activation_value(f, x - h)) / (2 * h);
      EXPECT_NEAR(activation_derivative(f, x), numeric, 1e-8) << activation_name(f) << " at " << x;
    }
  }
}

TEST(Activation, SeedClosedForms) {
  for (double x : {-3.0, -0.5, 0.0, 0.25, 2.0}) {
    const double s = 1.0 / (1.0 + std::exp(-x));
    EXPECT_NEAR(activation_value(Activation::kSigmoid, x), s, 1e-15);
    EXPECT_NEAR(activation_derivative(Activation::kSigmoid, x), s * (1 - s), 1e-15);
    const double t = (std::exp(x) - std::exp(-x)) / (std::exp(x) + std::exp(-x));
    EXPECT_NEAR(activation_value(Activation::kTanh, x), t, 1e-15);
    EXPECT_NEAR(activation_derivative(Activation::kTanh, x), 1 - t * t, 1e-15);
  }
  EXPECT_DOUBLE_EQ(activation_derivative(Activation::kSigmoid, 0.0),
                   max_derivative(Activation::kSigmoid));
  EXPECT_DOUBLE_EQ(activation_value(Activation::kLeakyRelu, -2.0), -0.02);
}

TEST(Activation, StableAtLargeMagnitudes) {
  Matrix<float> z(6, 1);
  z << -1e4f, -100.f, 0.f, 100.f, 1e4f, 20.f;
  for (Activation f : kElementwise) {
    Matrix<float> a, d;
    activate(f, z, a);
    activation_derivative(f, z, a, d);
    EXPECT_TRUE(a.allFinite()) << activation_name(f);
    EXPECT_TRUE(d.allFinite()) << activation_name(f);
  }
  Matrix<float> a;
  activate(Activation::kSigmoid, z, a);
  EXPECT_EQ(a(0), 0.0f);
  EXPECT_EQ(a(4), 1.0f);
  activate(Activation::kSoftmax, z, a);
  EXPECT_TRUE(a.allFinite());
  EXPECT_NEAR(a.sum(), 1.0f, 1e-6f);
  EXPECT_NEAR(a(4), 1.0f, 1e-6f);
}

TEST(Activation, SoftmaxColumnsSumToOne) {
  Matrix<double> z(4, 3);
  z << 1, -2, 300, 0.5, 0, -300, 2, 7, 1, -1, 3, 0;
  Matrix<double> a;
  activate(Activation::kSoftmax, z, a);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(a.col(c).sum(), 1.0, 1e-12);
}

TEST(Activation, SoftmaxJacobianMatchesCentralDifference) {
  Matrix<double> x(5, 1);
  x << 0.3, -1.2, 2.0, 0.0, 0.7;
  Matrix<double> y;
  activate(Activation::kSoftmax, x, y);
  const Matrix<double> j = softmax_jacobian<double>(y.col(0));
  const double h = 1e-6;
  for (int col = 0; col < 5; ++col) {
    Matrix<double> xp = x, xm = x, yp, ym;
    xp(col) += h;
    xm(col) -= h;
    activate(Activation::kSoftmax, xp, yp);
    activate(Activation::kSoftmax, xm, ym);
    for (int row = 0; row < 5; ++row) {
      EXPECT_NEAR(j(row, col), (yp(row) - ym(row)) / (2 * h), 1e-9);
      // The seed's cases: -y_i y_j off the diagonal, y_i (1 - y_i) on it.
      const double expected = row == col ? y(row) * (1 - y(row)) : -y(row) * y(col);
      EXPECT_DOUBLE_EQ(j(row, col), expected);
    }
  }
}

TEST(Activation, SoftmaxJacobianDiagonalKeepsItsDigitsWhereTheLargestOutputRoundsToOne) {
  // softmax(30, 0, −5) in float: y_0 = 1 − 9.4e-14 rounds to 1, so y_0 − y_0² would be 0. The
  // diagonal is σ' of activate(), y_0 Σ_(k≠0) y_k, bit for bit, and within 1e-6 of the true value.
  Matrix<float> z(3, 1);
  z << 30.0f, 0.0f, -5.0f;
  Matrix<float> y, d;
  activate(Activation::kSoftmax, z, y, &d);
  ASSERT_EQ(y(0), 1.0f);
  const Matrix<float> j = softmax_jacobian<float>(y.col(0));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(j(i, i), d(i)) << i;
  const double rest = std::exp(-30.0) + std::exp(-35.0);
  const double exact = rest / ((1.0 + rest) * (1.0 + rest));  // y_0 (1 − y_0)
  EXPECT_NEAR(j(0, 0), exact, 1e-6 * exact);
}

TEST(Activation, NamesRoundTrip) {
  for (Activation f : testing::all_activations()) {
    EXPECT_EQ(parse_activation(activation_name(f)), f);
  }
}

}  // namespace
}  // namespace gradscope
