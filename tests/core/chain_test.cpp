// The seed's section-4 product σ'(z_1) × w_2 × σ'(z_2) × … × σ'(z_n) × ∂C/∂a_n against backprop's
// ∂C/∂b^2 (neuron 1 is layer 2) for random chains of depth 2–10.
#include "chain.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "backprop.hpp"
#include "rng.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

const std::vector<Activation> kChainActivations = testing::elementwise_activations();

struct RandomChain {
  std::vector<double> w, b;
  double x = 0.0, y = 0.0;
};

RandomChain random_chain(int n, Rng& rng, double y_low, double y_high) {
  RandomChain c;
  for (int j = 0; j < n; ++j) {
    c.w.push_back(1.5 * rng.normal());
    c.b.push_back(rng.normal());
  }
  c.x = rng.normal();
  c.y = y_low + (y_high - y_low) * rng.uniform();
  return c;
}

double backprop_dC_db1(const Network<float>& net, double x, double y) {
  Matrix<float> xm(1, 1), ym(1, 1);
  xm(0, 0) = static_cast<float>(x);
  ym(0, 0) = static_cast<float>(y);
  return backprop(net, xm, ym).b[2](0);
}

double backprop_dC_db1(const Network<double>& net, double x, double y) {
  Matrix<double> xm(1, 1), ym(1, 1);
  xm(0, 0) = x;
  ym(0, 0) = y;
  return backprop(net, xm, ym).b[2](0);
}

double relative_error(double a, double b) {
  return std::abs(a - b) / std::max({std::abs(a), std::abs(b), 1e-30});
}

TEST(Chain, ProductEqualsBackpropForRandomChains) {
  int checked = 0;
  for (int n = 2; n <= 10; ++n) {
    for (Activation f : kChainActivations) {
      for (const CostInfo& k : kCosts) {
        const Cost cost = k.id;
        if (!find_output_cost_pair(f, cost)) continue;  // the chain's last σ is its output
        for (int trial = 0; trial < 8; ++trial) {
          Rng rng(1000 * n + 10 * static_cast<int>(f) + trial);
          const RandomChain c = random_chain(n, rng, 0.05, 0.95);
          const Network<float> net = make_chain<float>(c.w, c.b, f, cost);
          // The float network's parameters, in double, so both precisions see the same chain.
          const Network<double> net64 = net.cast<double>();
          const ChainProduct p = chain_product(net, c.x, c.y);
          const ChainProduct p64 = chain_product(net64, c.x, c.y);
          const double bp32 = backprop_dC_db1(net, c.x, c.y);
          const double bp64 = backprop_dC_db1(net64, c.x, c.y);
          const std::string where = "n " + std::to_string(n) + " " + activation_name(f) + "/" +
                                    cost_name(cost) + " trial " + std::to_string(trial);
          if (p64.dC_db1 == 0.0) {
            // ReLU chains with a unit below 0: both must be exactly zero.
            EXPECT_EQ(bp64, 0.0) << where;
            EXPECT_EQ(p.dC_db1, 0.0) << where;
            EXPECT_EQ(bp32, 0.0) << where;
          } else {
            EXPECT_LT(relative_error(p64.dC_db1, bp64), 1e-12)
                << where << " product " << p64.dC_db1 << " backprop " << bp64;
            // float: backprop rounds each of the ≤ 20 multiplications to float.
            EXPECT_LT(relative_error(p.dC_db1, bp32), 1e-5)
                << where << " product " << p.dC_db1 << " backprop " << bp32;
          }
          ++checked;
        }
      }
    }
  }
  // 9 lengths × every (output, cost) pair of an element-wise output × 8 trials.
  int pairs = 0;
  for (const OutputCostPair& p : kOutputCostPairs) pairs += activation_info(p.output).hidden;
  EXPECT_EQ(checked, 9 * pairs * 8);
}

TEST(Chain, TermsFollowTheFormulaLeftToRight) {
  const Network<double> net = make_chain<double>({0.5, -2.0, 1.5, 0.8}, {0.1, 0.2, -0.3, 0.4},
                                                 Activation::kSigmoid, Cost::kQuadratic);
  const ChainProduct p = chain_product(net, 0.7, 0.25);
  ASSERT_EQ(p.neurons.size(), 4u);
  ASSERT_EQ(p.terms.size(), 8u);  // σ'(z_1) w_2 σ'(z_2) w_3 σ'(z_3) w_4 σ'(z_4) ∂C/∂a_4
  const ChainTermKind kinds[] = {ChainTermKind::kSigmaPrime, ChainTermKind::kWeight,
                                 ChainTermKind::kSigmaPrime, ChainTermKind::kWeight,
                                 ChainTermKind::kSigmaPrime, ChainTermKind::kWeight,
                                 ChainTermKind::kSigmaPrime, ChainTermKind::kCostGradient};
  const int js[] = {1, 2, 2, 3, 3, 4, 4, 4};
  double a = 0.7, running = 1.0;
  for (int j = 1; j <= 4; ++j) {
    const ChainNeuron& u = p.neurons[j - 1];
    const double z = u.w * a + u.b;
    const double s = 1.0 / (1.0 + std::exp(-z));
    EXPECT_NEAR(u.z, z, 1e-15);
    EXPECT_NEAR(u.sigma_prime, s * (1 - s), 1e-15);  // seed, section 1
    a = s;
  }
  for (std::size_t k = 0; k < p.terms.size(); ++k) {
    EXPECT_EQ(p.terms[k].kind, kinds[k]) << k;
    EXPECT_EQ(p.terms[k].j, js[k]) << k;
    running *= p.terms[k].value;
    EXPECT_DOUBLE_EQ(p.terms[k].running, running) << k;
  }
  EXPECT_NEAR(p.cost_gradient, a - 0.25, 1e-15);  // ∂(½(a − y)²)/∂a
  EXPECT_NEAR(p.cost, 0.5 * (a - 0.25) * (a - 0.25), 1e-15);
  EXPECT_DOUBLE_EQ(p.dC_db1, running);
}

TEST(Chain, SmallWeightsVanishBelowAQuarterPerLayer) {
  // |w_j| < 1 and σ' ≤ 1/4: each factor w_(j+1) σ'(z_j) is below 1/4 in size, so the product
  // shrinks at least 4-fold per neuron.
  Rng rng(11);
  std::vector<double> w, b;
  for (int j = 0; j < 8; ++j) {
    w.push_back(0.99 * (2 * rng.uniform() - 1));
    b.push_back(rng.normal());
  }
  const Network<double> net = make_chain<double>(w, b, Activation::kSigmoid, Cost::kQuadratic);
  const ChainProduct p = chain_product(net, 0.3, 0.9);
  for (int j = 2; j <= 8; ++j) {
    EXPECT_LT(std::abs(p.neurons[j - 1].w * p.neurons[j - 2].sigma_prime), 0.25) << j;
  }
  EXPECT_LT(std::abs(p.dC_db1), std::pow(0.25, 8));
}

TEST(Chain, CenteredBiasesWithLargeWeightsExplode) {
  // Nielsen's exploding example: w_j = 100 and b_j = −w_j a_(j−1) make every z_j = 0, so each
  // factor w_(j+1) σ'(z_j) = 100 × 1/4 = 25.
  // In double: the construction also multiplies rounding errors in z by 25 per layer.
  Network<double> net =
      make_chain<double>(std::vector<double>(5, 100.0), std::vector<double>(5, 0.0),
                         Activation::kSigmoid, Cost::kQuadratic);
  center_chain_biases(net, 0.6);
  const ChainProduct p = chain_product(net, 0.6, 0.0);
  for (const ChainNeuron& u : p.neurons) {
    EXPECT_NEAR(u.z, 0.0, 1e-4) << u.j;
    EXPECT_NEAR(u.sigma_prime, 0.25, 1e-6) << u.j;
  }
  // σ'(z_1) (w σ')^4 ∂C/∂a_5 with a_5 = σ(0) = 1/2 and y = 0.
  EXPECT_NEAR(p.dC_db1 / (0.25 * std::pow(25.0, 4) * 0.5), 1.0, 1e-4);
  EXPECT_LT(relative_error(p.dC_db1, backprop_dC_db1(net, 0.6, 0.0)), 1e-12);
  Network<float> net32 = net.cast<float>();
  center_chain_biases(net32, 0.6);
  EXPECT_LT(relative_error(chain_product(net32, 0.6, 0.0).dC_db1, backprop_dC_db1(net32, 0.6, 0.0)),
            1e-5);
}

TEST(Chain, RejectsWhatIsNotAChain) {
  NetworkConfig c;
  c.layers = {1, 2, 1};
  const Network<float> wide(c);
  EXPECT_THROW(chain_product(wide, 0.0, 0.0), std::invalid_argument);
  try {
    chain_product(wide, 0.0, 0.0);
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("layer 2 has width 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(make_chain<float>({1.0, 2.0}, {0.0}, Activation::kSigmoid, Cost::kQuadratic),
               std::invalid_argument);
  EXPECT_THROW(make_chain<float>({}, {}, Activation::kSigmoid, Cost::kQuadratic),
               std::invalid_argument);
  EXPECT_THROW(make_chain<float>({NAN}, {0.0}, Activation::kSigmoid, Cost::kQuadratic),
               std::invalid_argument);
  const Network<float> ok = make_chain<float>({1.0}, {0.0}, Activation::kTanh, Cost::kQuadratic);
  EXPECT_THROW(chain_product(ok, INFINITY, 0.0), std::invalid_argument);
  EXPECT_THROW(make_chain<float>({1.0}, {0.0}, Activation::kTanh, Cost::kCrossEntropy),
               std::invalid_argument);
}

}  // namespace
}  // namespace gradscope
