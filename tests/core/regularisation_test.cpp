// L1 and L2 regularisation (regularisation.hpp, Nielsen ch. 3): the Trainer's step against the
// update written out by hand (sgn(0) = 0, biases untouched by either penalty, L1 and L2
// together), one full-batch step against w − η ∂C/∂w with ∂C/∂w from central differences of
// regularised_cost, and the options' checks.
#include "regularisation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "backprop.hpp"
#include "cost.hpp"
#include "forward.hpp"
#include "sgd.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

using testing::config;

double sgn(double w) { return w > 0 ? 1.0 : (w < 0 ? -1.0 : 0.0); }

// A small data set whose first input is 0 in every sample: ∂C/∂w^2_j0 = δ_j · 0 = 0 exactly, so
// a zero weight there moves only by the L1 term, and sgn(0) = 0 means it does not move at all.
Dataset<double> data_with_zero_first_input(int m, Rng& rng) {
  Dataset<double> d;
  d.x = testing::random_matrix<double>(3, m, rng);
  d.x.row(0).setZero();
  d.y = Matrix<double>(2, m);
  for (int j = 0; j < m; ++j) {
    d.y(0, j) = rng.uniform();
    d.y(1, j) = rng.uniform();
  }
  d.labels.assign(m, 0);
  return d;
}

TEST(Regularisation, StepIsTheUpdateByHand) {
  Rng rng(21);
  const Dataset<double> data = data_with_zero_first_input(6, rng);
  const int n = 40;  // the training-set size in ηλ/n (the batch is a part of it)
  for (const auto& [l1, l2] : {std::pair{0.8, 0.0}, std::pair{0.8, 2.5}, std::pair{0.0, 2.5}}) {
    Network<double> net(config({3, 4, 2}, Activation::kTanh, Activation::kSigmoid,
                               Cost::kCrossEntropy, Init::kScaled, 5));
    net.w(2)(1, 0) = 0.0;  // gradient 0 (first input 0) and weight 0: sgn(0) = 0 keeps it 0
    net.w(2)(2, 1) = 0.0;  // weight 0 with a gradient: moves by the gradient term alone
    const Network<double> before = net;
    const Gradients<double> g = backprop(before, data.x, data.y);  // batch averages
    SgdOptions o;
    o.learning_rate = 0.3;
    o.l1 = l1;
    o.l2 = l2;
    Trainer<double>(net, o).step(data.x, data.y, n);
    const double eta = o.learning_rate;
    for (int l = 2; l <= 3; ++l) {
      for (int j = 0; j < net.size(l); ++j) {
        for (int k = 0; k < net.size(l - 1); ++k) {
          const double w = before.w(l)(j, k);
          const double expected =
              (1.0 - eta * l2 / n) * w - eta * l1 / n * sgn(w) - eta * g.w[l](j, k);
          EXPECT_NEAR(net.w(l)(j, k), expected, 1e-15) << l << " " << j << " " << k;
        }
        // Biases are not regularised: b − η ∂C/∂b whatever λ₁ and λ₂.
        EXPECT_NEAR(net.b(l)(j), before.b(l)(j) - eta * g.b[l](j), 1e-15);
      }
    }
    EXPECT_EQ(g.w[2](1, 0), 0.0);
    EXPECT_EQ(net.w(2)(1, 0), 0.0) << "sgn(0) = 0: a zero weight without gradient stays 0";
    EXPECT_NE(g.w[2](2, 1), 0.0);
    EXPECT_NEAR(net.w(2)(2, 1), -eta * g.w[2](2, 1), 1e-15) << "no L1 term at w = 0";
    // The L1 term is really there: a weight of the step differs from the step without it by ηλ₁/n.
    if (l1 > 0.0) {
      Network<double> without = before;
      SgdOptions o2 = o;
      o2.l1 = 0.0;
      Trainer<double>(without, o2).step(data.x, data.y, n);
      const double w = before.w(3)(0, 0);
      EXPECT_NEAR(without.w(3)(0, 0) - net.w(3)(0, 0), eta * l1 / n * sgn(w), 1e-15);
      EXPECT_EQ(without.b(3), net.b(3));
    }
  }
}

// Float steps with L1 apply the same formula (in float): within float rounding of the double one.
TEST(Regularisation, FloatStepFollowsTheDoubleOne) {
  Rng rng(22);
  const Dataset<double> data = data_with_zero_first_input(5, rng);
  const NetworkConfig c =
      config({3, 5, 2}, Activation::kRelu, Activation::kIdentity, Cost::kQuadratic);
  Network<double> d(c);
  Network<float> f(c);
  SgdOptions o;
  o.learning_rate = 0.2;
  o.l1 = 1.5;
  o.l2 = 0.7;
  Trainer<double>(d, o).step(data.x, data.y, 10);
  Trainer<float>(f, o).step(data.x.cast<float>(), data.y.cast<float>(), 10);
  for (int l = 2; l <= 3; ++l) {
    EXPECT_LT((f.w(l).cast<double>() - d.w(l)).cwiseAbs().maxCoeff(), 1e-6);
    EXPECT_LT((f.b(l).cast<double>() - d.b(l)).cwiseAbs().maxCoeff(), 1e-6);
  }
}

TEST(Regularisation, CostAddsBothPenaltiesOverWeightsOnly) {
  Rng rng(23);
  const Dataset<double> data = data_with_zero_first_input(7, rng);
  const Network<double> net(config({3, 4, 2}, Activation::kSigmoid, Activation::kSigmoid,
                                   Cost::kQuadratic, Init::kLarge, 3));
  double sum_abs = 0.0, sum_sq = 0.0;
  for (int l = 2; l <= 3; ++l) {
    for (int k = 0; k < net.w(l).size(); ++k) {
      sum_abs += std::fabs(net.w(l).data()[k]);
      sum_sq += net.w(l).data()[k] * net.w(l).data()[k];
    }
  }
  const double c0 = regularised_cost(net, data, 0.0, 0.0, 50);
  ForwardPass<double> fp;
  forward(net, data.x, fp, false);
  EXPECT_EQ(c0, cost_value(Cost::kQuadratic, Activation::kSigmoid, fp.z[3], data.y));
  EXPECT_NEAR(regularised_cost(net, data, 0.6, 0.0, 50) - c0, 0.6 / 50 * sum_abs, 1e-14);
  EXPECT_NEAR(regularised_cost(net, data, 0.0, 0.4, 50) - c0, 0.4 / 100 * sum_sq, 1e-14);
  EXPECT_NEAR(regularised_cost(net, data, 0.6, 0.4, 50) - c0,
              0.6 / 50 * sum_abs + 0.4 / 100 * sum_sq, 1e-14);
  EXPECT_THROW(regularised_cost(net, data, -0.1, 0.0, 50), std::invalid_argument);
  EXPECT_THROW(regularised_cost(net, data, 0.0, std::nan(""), 50), std::invalid_argument);
  EXPECT_THROW(regularised_cost(net, data, 0.1, 0.0, 0), std::invalid_argument);
}

// The update is gradient descent on the regularised cost: one step over the whole training set
// (m = n) equals w − η ∂C/∂w, b − η ∂C/∂b with the derivatives from central differences of
// regularised_cost. Weights are kept at |w| ≥ 0.2, where |w| is differentiable.
TEST(Regularisation, FullBatchStepIsGradientDescentOnTheRegularisedCost) {
  Rng rng(24);
  for (const NetworkConfig& c :
       {config({2, 4, 3, 1}, Activation::kTanh, Activation::kSigmoid, Cost::kCrossEntropy),
        config({2, 3, 3}, Activation::kSigmoid, Activation::kSoftmax, Cost::kLogLikelihood)}) {
    Dataset<double> data;
    const int n = 9;
    data.x = testing::random_matrix<double>(2, n, rng);
    data.y = testing::random_targets<double>(c, n, rng);
    data.labels.assign(n, 0);
    Network<double> net(c);
    for (int l = 2; l <= net.num_layers(); ++l) {
      for (int k = 0; k < net.w(l).size(); ++k) {
        double& w = net.w(l).data()[k];
        w = (w < 0 ? -1.0 : 1.0) * (0.2 + std::fabs(w));
      }
    }
    const double l1 = 0.9, l2 = 1.7, eta = 0.25, h = 1e-6;
    SgdOptions o;
    o.learning_rate = eta;
    o.l1 = l1;
    o.l2 = l2;
    o.batch_size = n;
    o.shuffle = false;
    Network<double> stepped = net;
    Trainer<double>(stepped, o).epoch(data);  // one step: the batch is the whole set
    Network<double> probe = net;
    auto derivative = [&](double& theta) {
      const double saved = theta;
      theta = saved + h;
      const double up = regularised_cost(probe, data, l1, l2, n);
      theta = saved - h;
      const double down = regularised_cost(probe, data, l1, l2, n);
      theta = saved;
      return (up - down) / (2 * h);
    };
    for (int l = 2; l <= net.num_layers(); ++l) {
      for (int k = 0; k < net.w(l).size(); ++k) {
        const double expected = net.w(l).data()[k] - eta * derivative(probe.w(l).data()[k]);
        EXPECT_NEAR(stepped.w(l).data()[k], expected, 1e-9) << "w" << l << "[" << k << "]";
      }
      for (int j = 0; j < net.b(l).size(); ++j) {
        const double expected = net.b(l)(j) - eta * derivative(probe.b(l)(j));
        EXPECT_NEAR(stepped.b(l)(j), expected, 1e-9) << "b" << l << "[" << j << "]";
      }
    }
    // Leaving L1 out of the step would miss ηλ₁/n = 0.025 per weight: far beyond the tolerance.
  }
}

TEST(Regularisation, OptionsRefuseABadL1NamingIt) {
  for (double bad : {-0.5, std::nan(""), std::numeric_limits<double>::infinity()}) {
    SgdOptions o;
    o.l1 = bad;
    try {
      validate(o);
      FAIL() << "l1 " << bad << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()).rfind("L1 regularisation " + std::to_string(bad), 0), 0u)
          << e.what();
    }
  }
}

}  // namespace
}  // namespace gradscope
