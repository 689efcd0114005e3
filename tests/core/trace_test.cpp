// trace(): one sample through the forward pass and the four equations. Checked against backprop
// on a batch of one (the same kernels, so bit for bit), against central differences in double for
// every hidden activation × (output, cost) pair of the catalogue, shallow and deep, saturated; the
// update against Nielsen's eq. 93 (m = 1) and the trainer's own step; bad input.
#include "trace.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "backprop.hpp"
#include "catalogue.hpp"
#include "cost.hpp"
#include "forward.hpp"
#include "sgd.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

using testing::config;

// Every network the catalogue allows, in a shallow (no hidden layer) and a deep (three hidden
// layers) shape; the output has 3 units so softmax normalises over more than a pair.
std::vector<NetworkConfig> every_pair(std::uint64_t seed) {
  std::vector<NetworkConfig> out;
  for (const ActivationInfo& hidden : kActivations) {
    if (!hidden.hidden) continue;
    for (const OutputCostPair& p : kOutputCostPairs) {
      out.push_back(config({4, 3}, hidden.id, p.output, p.cost, Init::kScaled, seed));
      out.push_back(config({4, 5, 4, 3, 3}, hidden.id, p.output, p.cost, Init::kScaled, seed));
    }
  }
  return out;
}

std::string name(const NetworkConfig& c) {
  std::string layers;
  for (int n : c.layers) layers += (layers.empty() ? "" : ",") + std::to_string(n);
  return std::string("[") + layers + "] " + activation_name(c.hidden) + " → " +
         activation_name(c.output) + " + " + cost_name(c.cost);
}

template <typename T>
Vector<T> random_sample(int n, Rng& rng) {
  return testing::random_matrix<T>(n, 1, rng).col(0);
}

template <typename T>
Vector<T> target(const NetworkConfig& c, Rng& rng) {
  return testing::random_targets<T>(c, 1, rng).col(0);
}

// C_x in double, continuing the forward pass from a^l (l = 1 … L) of the network.
double cost_from_a(const Network<double>& net, int l, const Vector<double>& a_l,
                   const Vector<double>& y) {
  const int L = net.num_layers();
  Matrix<double> a = a_l, z;
  for (int k = l + 1; k <= L; ++k) {
    z = net.w(k) * a;
    z.colwise() += net.b(k);
    activate(net.activation(k), z, a);
  }
  if (l == L) throw std::logic_error("cost_from_a needs l < L (use cost_from_z)");
  return cost_value(net.cost(), net.activation(L), z, Matrix<double>(y));
}

// C_x in double from z^l (l = 2 … L).
double cost_from_z(const Network<double>& net, int l, const Vector<double>& z_l,
                   const Vector<double>& y) {
  const int L = net.num_layers();
  if (l == L)
    return cost_value(net.cost(), net.activation(L), Matrix<double>(z_l), Matrix<double>(y));
  Matrix<double> a;
  activate(net.activation(l), Matrix<double>(z_l), a);
  return cost_from_a(net, l, a.col(0), y);
}

// C(a, y) written from a, as the notes define each cost (section 2), for ∂C/∂a^L.
double cost_of_output(Cost c, const Vector<double>& a, const Vector<double>& y) {
  double total = 0.0;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    switch (c) {
      case Cost::kQuadratic:
        total += 0.5 * (a(i) - y(i)) * (a(i) - y(i));
        break;
      case Cost::kCrossEntropy:
        total -= y(i) * std::log(a(i)) + (1.0 - y(i)) * std::log(1.0 - a(i));
        break;
      case Cost::kLogLikelihood:
        total -= y(i) * std::log(a(i));
        break;
    }
  }
  return total;
}

double cost_of(const Network<double>& net, const Vector<double>& x, const Vector<double>& y) {
  return cost_from_a(net, 1, x, y);
}

// Central difference of f at v along each coordinate, h relative to the value's size.
Vector<double> central_difference(const Vector<double>& v,
                                  const std::function<double(const Vector<double>&)>& f) {
  Vector<double> g(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    const double h = 1e-6 * std::max(1.0, std::abs(v(i)));
    Vector<double> plus = v, minus = v;
    plus(i) += h;
    minus(i) -= h;
    g(i) = (f(plus) - f(minus)) / (2.0 * h);
  }
  return g;
}

// |analytic − numeric| within 1e-6 of the array's largest entry (the difference quotient's own
// error, h² f''' and rounding/h, is far below that for these smooth, unsaturated nets).
void expect_close(const Eigen::MatrixXd& analytic, const Eigen::MatrixXd& numeric,
                  const std::string& what) {
  ASSERT_EQ(analytic.rows(), numeric.rows()) << what;
  ASSERT_EQ(analytic.cols(), numeric.cols()) << what;
  const double scale =
      std::max({analytic.cwiseAbs().maxCoeff(), numeric.cwiseAbs().maxCoeff(), 1e-3});
  for (Eigen::Index k = 0; k < analytic.size(); ++k) {
    EXPECT_NEAR(analytic.data()[k], numeric.data()[k], 1e-6 * scale) << what << " entry " << k;
  }
}

template <typename M>
void expect_bitwise(const M& a, const M& b, const std::string& what) {
  ASSERT_EQ(a.rows(), b.rows()) << what;
  ASSERT_EQ(a.cols(), b.cols()) << what;
  for (Eigen::Index k = 0; k < a.size(); ++k) {
    // EXPECT_EQ on floats is exact; two NaNs would not be equal, but none may occur here.
    EXPECT_EQ(a.data()[k], b.data()[k]) << what << " entry " << k;
  }
}

TEST(Trace, AgreesWithBackpropOnABatchOfOneBitForBit) {
  Rng rng(11);
  for (const NetworkConfig& c : every_pair(3)) {
    const Network<float> net(c);
    const Vector<float> x = random_sample<float>(c.layers.front(), rng);
    const Vector<float> y = target<float>(c, rng);
    const Trace<float> t = trace(net, x, y);
    const Gradients<float> g = backprop(net, Matrix<float>(x), Matrix<float>(y));
    ForwardPass<float> fp;
    forward(net, Matrix<float>(x), fp, true);
    const int L = net.num_layers();
    ASSERT_EQ(static_cast<int>(t.layers.size()), L - 1) << name(c);
    EXPECT_EQ(t.cost, g.cost) << name(c);
    EXPECT_EQ(t.bp1_form, find_output_cost_pair(c.output, c.cost)->bp1) << name(c);
    expect_bitwise(t.x, x, name(c) + " x");
    expect_bitwise(t.y, y, name(c) + " y");
    for (int l = 2; l <= L; ++l) {
      const TraceLayer<float>& tl = t.layers[l - 2];
      const std::string what = name(c) + " l=" + std::to_string(l);
      EXPECT_EQ(tl.layer, l);
      expect_bitwise(tl.w, net.w(l), what + " w");
      expect_bitwise(tl.b, net.b(l), what + " b");
      expect_bitwise(Matrix<float>(tl.z), fp.z[l], what + " z");
      expect_bitwise(Matrix<float>(tl.a), fp.a[l], what + " a");
      expect_bitwise(Matrix<float>(tl.sigma_prime), fp.d[l], what + " σ'");
      expect_bitwise(Matrix<float>(tl.delta), g.delta[l], what + " δ");
      expect_bitwise(tl.dC_db, g.b[l], what + " ∂C/∂b");
      expect_bitwise(tl.dC_dw, g.w[l], what + " ∂C/∂w");
      EXPECT_EQ(tl.cost_gradient.size(), l == L ? net.size(L) : 0) << what;
      EXPECT_EQ(tl.weighted_error.size(), l < L ? net.size(l) : 0) << what;
      const bool jacobian = l == L && c.output == Activation::kSoftmax;
      EXPECT_EQ(tl.output_jacobian.size(), jacobian ? net.size(L) * net.size(L) : 0) << what;
      if (l < L) {
        // BP2 as shown: δ^l is exactly the Hadamard product of the two factors the trace holds.
        expect_bitwise(Vector<float>(tl.weighted_error.cwiseProduct(tl.sigma_prime)), tl.delta,
                       what + " (wᵀδ) ⊙ σ'");
      }
      if (jacobian) {
        // The Jacobian's diagonal is σ' itself, and the rest is −a_i a_j.
        expect_bitwise(Vector<float>(tl.output_jacobian.diagonal()), tl.sigma_prime,
                       what + " diag J");
        for (int i = 0; i < net.size(L); ++i) {
          for (int j = 0; j < net.size(L); ++j) {
            if (i != j) EXPECT_EQ(tl.output_jacobian(i, j), -tl.a(i) * tl.a(j)) << what;
          }
        }
      }
    }
  }
}

TEST(Trace, MatchesCentralDifferencesInDoubleForEveryPair) {
  Rng rng(12);
  for (const NetworkConfig& c : every_pair(5)) {
    const Network<double> net(c);
    const Vector<double> x = random_sample<double>(c.layers.front(), rng);
    const Vector<double> y = target<double>(c, rng);
    const Trace<double> t = trace(net, x, y);
    const int L = net.num_layers();
    EXPECT_NEAR(t.cost, cost_of(net, x, y), 1e-15 * std::max(1.0, t.cost)) << name(c);
    for (int l = 2; l <= L; ++l) {
      const TraceLayer<double>& tl = t.layers[l - 2];
      const std::string what = name(c) + " l=" + std::to_string(l);
      // ∂C/∂w^l and ∂C/∂b^l (BP3, BP4) from perturbed copies of the network.
      Eigen::MatrixXd dw(net.size(l), net.size(l - 1));
      for (Eigen::Index k = 0; k < dw.size(); ++k) {
        const double w0 = net.w(l).data()[k];
        const double h = 1e-6 * std::max(1.0, std::abs(w0));
        Network<double> plus = net, minus = net;
        plus.w(l).data()[k] += h;
        minus.w(l).data()[k] -= h;
        dw.data()[k] = (cost_of(plus, x, y) - cost_of(minus, x, y)) / (2.0 * h);
      }
      expect_close(tl.dC_dw, dw, what + " ∂C/∂w");
      const Vector<double> db = central_difference(net.b(l), [&](const Vector<double>& b) {
        Network<double> p = net;
        p.b(l) = b;
        return cost_of(p, x, y);
      });
      expect_close(tl.dC_db, db, what + " ∂C/∂b");
      // δ^l = ∂C/∂z^l (BP1, BP2).
      const Vector<double> dz = central_difference(
          tl.z, [&](const Vector<double>& z) { return cost_from_z(net, l, z, y); });
      expect_close(tl.delta, dz, what + " δ");
      if (l < L) {
        // (w^(l+1))ᵀ δ^(l+1) = ∂C/∂a^l.
        const Vector<double> da = central_difference(
            tl.a, [&](const Vector<double>& a) { return cost_from_a(net, l, a, y); });
        expect_close(tl.weighted_error, da, what + " (wᵀδ)");
      } else {
        // ∂C/∂a^L against the difference quotient of the cost written from a.
        const Vector<double> da = central_difference(
            tl.a, [&](const Vector<double>& a) { return cost_of_output(c.cost, a, y); });
        expect_close(tl.cost_gradient, da, what + " ∂C/∂a^L");
        if (c.output == Activation::kSoftmax) {
          // J = ∂a^L/∂z^L column by column, and BP1 as the seed writes it: δ^L = Jᵀ ∂C/∂a^L.
          Eigen::MatrixXd j(net.size(L), net.size(L));
          for (int col = 0; col < net.size(L); ++col) {
            const double h = 1e-6;
            Matrix<double> zp = tl.z, zm = tl.z, ap, am;
            zp(col, 0) += h;
            zm(col, 0) -= h;
            activate(Activation::kSoftmax, zp, ap);
            activate(Activation::kSoftmax, zm, am);
            j.col(col) = (ap - am) / (2.0 * h);
          }
          expect_close(tl.output_jacobian, j, what + " J");
          expect_close(tl.delta, tl.output_jacobian.transpose() * tl.cost_gradient,
                       what + " Jᵀ ∂C/∂a");
        } else {
          // BP1 as the seed writes it: δ^L = ∂C/∂a^L ⊙ σ'(z^L).
          expect_close(tl.delta, tl.cost_gradient.cwiseProduct(tl.sigma_prime),
                       what + " ∂C/∂a ⊙ σ'");
        }
      }
      // σ'(z^l) against the difference quotient of σ (element-wise layers).
      if (net.activation(l) != Activation::kSoftmax) {
        for (Eigen::Index i = 0; i < tl.z.size(); ++i) {
          const double h = 1e-6 * std::max(1.0, std::abs(tl.z(i)));
          const Activation f = net.activation(l);
          const double numeric =
              (activation_value(f, tl.z(i) + h) - activation_value(f, tl.z(i) - h)) / (2.0 * h);
          EXPECT_NEAR(tl.sigma_prime(i), numeric, 1e-7) << what << " σ'(z_" << i << ")";
        }
      }
    }
  }
}

TEST(Trace, SaturatedNetworkStaysExactAndAgreesWithBackprop) {
  // Weights ×30 push every sigmoid/tanh unit deep into saturation; BP1's exact forms keep δ^L
  // finite and equal to backprop's, and in double the difference quotients still agree.
  Rng rng(13);
  for (const OutputCostPair& p : kOutputCostPairs) {
    const NetworkConfig c =
        config({3, 4, 3}, Activation::kSigmoid, p.output, p.cost, Init::kLarge, 17);
    Network<float> net(c);
    for (int l = 2; l <= 3; ++l) net.set_parameters(l, 30.0f * net.w(l), 30.0f * net.b(l));
    const Vector<float> x = random_sample<float>(3, rng);
    const Vector<float> y = target<float>(c, rng);
    const Trace<float> t = trace(net, x, y);
    const Gradients<float> g = backprop(net, Matrix<float>(x), Matrix<float>(y));
    EXPECT_EQ(t.cost, g.cost) << name(c);
    for (int l = 2; l <= 3; ++l) {
      expect_bitwise(Matrix<float>(t.layers[l - 2].delta), g.delta[l], name(c) + " δ");
      expect_bitwise(t.layers[l - 2].dC_dw, g.w[l], name(c) + " ∂C/∂w");
      EXPECT_TRUE(t.layers[l - 2].delta.allFinite()) << name(c);
    }
    const Network<double> net_d = net.cast<double>();
    const Vector<double> xd = x.cast<double>(), yd = y.cast<double>();
    const Trace<double> td = trace(net_d, xd, yd);
    const Vector<double> dz = central_difference(
        td.layers[1].z, [&](const Vector<double>& z) { return cost_from_z(net_d, 3, z, yd); });
    expect_close(td.layers[1].delta, dz, name(c) + " saturated δ^L");
  }
}

TEST(Trace, UpdateIsNielsensSingleSampleStepAndTheTrainersOwn) {
  Rng rng(14);
  for (const NetworkConfig& c : every_pair(9)) {
    const Network<float> net(c);
    const Vector<float> x = random_sample<float>(c.layers.front(), rng);
    const Vector<float> y = target<float>(c, rng);
    TraceUpdateOptions o;
    o.learning_rate = 0.05;
    o.l2 = 3.0;
    o.n = 500;
    const Trace<float> t = trace(net, x, y, o);
    ASSERT_TRUE(t.has_update) << name(c);
    ASSERT_EQ(t.updated.size(), t.layers.size()) << name(c);
    // The trainer's step on a batch of one with the same η, λ, n: the same kernel, bit for bit.
    Network<float> trained = net;
    SgdOptions so;
    so.learning_rate = o.learning_rate;
    so.l2 = o.l2;
    so.batch_size = 1;
    Trainer<float>(trained, so).step(Matrix<float>(x), Matrix<float>(y), o.n);
    const double keep = 1.0 - o.learning_rate * o.l2 / o.n;
    for (int l = 2; l <= net.num_layers(); ++l) {
      const TraceUpdate<float>& u = t.updated[l - 2];
      const TraceLayer<float>& tl = t.layers[l - 2];
      const std::string what = name(c) + " l=" + std::to_string(l);
      EXPECT_EQ(u.layer, l);
      expect_bitwise(u.w, trained.w(l), what + " w vs Trainer::step");
      expect_bitwise(u.b, trained.b(l), what + " b vs Trainer::step");
      // Eq. 93 with m = 1, from the trace's own ∂C/∂w and ∂C/∂b.
      const Eigen::MatrixXd w_formula =
          keep * tl.w.cast<double>() - o.learning_rate * tl.dC_dw.cast<double>();
      const Eigen::VectorXd b_formula =
          tl.b.cast<double>() - o.learning_rate * tl.dC_db.cast<double>();
      const double w_scale = std::max(1.0, w_formula.cwiseAbs().maxCoeff());
      EXPECT_LE((u.w.cast<double>() - w_formula).cwiseAbs().maxCoeff(), 4e-7 * w_scale) << what;
      const double b_scale = std::max(1.0, b_formula.cwiseAbs().maxCoeff());
      EXPECT_LE((u.b.cast<double>() - b_formula).cwiseAbs().maxCoeff(), 4e-7 * b_scale) << what;
      // The network itself is unchanged.
      expect_bitwise(net.w(l), tl.w, what + " network unchanged");
    }
    // C_x after the update is the cost of the updated network on this sample.
    Network<float> updated = net;
    for (const TraceUpdate<float>& u : t.updated) updated.set_parameters(u.layer, u.w, u.b);
    ForwardPass<float> fp;
    forward(updated, Matrix<float>(x), fp, false);
    EXPECT_EQ(t.cost_after, cost_value(c.cost, c.output, fp.z[net.num_layers()], Matrix<float>(y)))
        << name(c);
  }
}

// With L1 (and L2) the trace's update is still the trainer's step on a batch of one, bit for bit,
// and the formula w → (1 − ηλ₂/n) w − (ηλ₁/n) sgn(w) − η ∂C_x/∂w with sgn(0) = 0.
TEST(Trace, UpdateWithL1IsTheTrainersStepAndTheFormula) {
  Rng rng(15);
  for (const NetworkConfig& c : every_pair(10)) {
    Network<float> net(c);
    net.w(2)(0, 0) = 0.0f;  // sgn(0) = 0
    const Vector<float> x = random_sample<float>(c.layers.front(), rng);
    const Vector<float> y = target<float>(c, rng);
    for (double l2 : {0.0, 3.0}) {
      TraceUpdateOptions o;
      o.learning_rate = 0.05;
      o.l2 = l2;
      o.l1 = 2.0;
      o.n = 50;
      const Trace<float> t = trace(net, x, y, o);
      Network<float> trained = net;
      SgdOptions so;
      so.learning_rate = o.learning_rate;
      so.l2 = o.l2;
      so.l1 = o.l1;
      so.batch_size = 1;
      Trainer<float>(trained, so).step(Matrix<float>(x), Matrix<float>(y), o.n);
      const double keep = 1.0 - o.learning_rate * o.l2 / o.n;
      const double shrink = o.learning_rate * o.l1 / o.n;
      for (int l = 2; l <= net.num_layers(); ++l) {
        const TraceUpdate<float>& u = t.updated[l - 2];
        const TraceLayer<float>& tl = t.layers[l - 2];
        const std::string what = name(c) + " l=" + std::to_string(l) + " l2=" + std::to_string(l2);
        expect_bitwise(u.w, trained.w(l), what + " w vs Trainer::step");
        expect_bitwise(u.b, trained.b(l), what + " b vs Trainer::step");
        const Eigen::MatrixXd w = tl.w.cast<double>();
        const Eigen::MatrixXd sgn =
            w.unaryExpr([](double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); });
        const Eigen::MatrixXd w_formula =
            keep * w - shrink * sgn - o.learning_rate * tl.dC_dw.cast<double>();
        const double w_scale = std::max(1.0, w_formula.cwiseAbs().maxCoeff());
        EXPECT_LE((u.w.cast<double>() - w_formula).cwiseAbs().maxCoeff(), 4e-7 * w_scale) << what;
        const Eigen::VectorXd b_formula =
            tl.b.cast<double>() - o.learning_rate * tl.dC_db.cast<double>();
        const double b_scale = std::max(1.0, b_formula.cwiseAbs().maxCoeff());
        EXPECT_LE((u.b.cast<double>() - b_formula).cwiseAbs().maxCoeff(), 4e-7 * b_scale) << what;
      }
      // The zero weight moved by −η ∂C/∂w only (its sgn is 0), in float as the kernel forms it.
      EXPECT_EQ(t.updated[0].w(0, 0),
                -(static_cast<float>(o.learning_rate) * t.layers[0].dC_dw(0, 0)))
          << name(c);
    }
  }
}

TEST(Trace, SmallStepLowersTheCostInDouble) {
  // Gradient descent: for η small enough, C_x(θ − η∇C_x) < C_x(θ) whenever ∇C_x ≠ 0.
  Rng rng(15);
  for (const NetworkConfig& c : every_pair(21)) {
    const Network<double> net(c);
    const Vector<double> x = random_sample<double>(c.layers.front(), rng);
    const Vector<double> y = target<double>(c, rng);
    TraceUpdateOptions o;
    o.learning_rate = 1e-3;
    const Trace<double> t = trace(net, x, y, o);
    bool moves = false;  // a dead ReLU output (every z^L < 0) has ∇C_x = 0: nothing to descend
    for (const TraceLayer<double>& tl : t.layers) moves = moves || tl.dC_dw.any() || tl.dC_db.any();
    if (moves) {
      EXPECT_LT(t.cost_after, t.cost) << name(c);
    } else {
      EXPECT_EQ(t.cost_after, t.cost) << name(c);
    }
  }
}

TEST(Trace, NoUpdateWithoutOptions) {
  const Network<float> net(
      config({2, 3, 2}, Activation::kTanh, Activation::kSoftmax, Cost::kLogLikelihood));
  const Vector<float> x = Vector<float>::Constant(2, 0.5f), y = Vector<float>::Unit(2, 1);
  const Trace<float> t = trace(net, x, y);
  EXPECT_FALSE(t.has_update);
  EXPECT_TRUE(t.updated.empty());
  EXPECT_EQ(t.bp1_form, Bp1Form::kShortcut);
}

// The message of the std::invalid_argument `f` throws ("" if it throws nothing).
std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(Trace, BadInputThrowsNamingTheValue) {
  const Network<float> net(
      config({3, 4, 2}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic));
  const Vector<float> x = Vector<float>::Constant(3, 0.25f), y = Vector<float>::Constant(2, 0.5f);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  auto run = [&](Vector<float> xs, Vector<float> ys, std::optional<TraceUpdateOptions> o) {
    return message_of([&] { trace(net, xs, ys, o); });
  };
  EXPECT_NE(run(Vector<float>::Zero(2), y, {}).find("x has 2 values, expected 3"),
            std::string::npos);
  EXPECT_NE(run(x, Vector<float>::Zero(3), {}).find("y has 3 values, expected 2"),
            std::string::npos);
  Vector<float> bad = x;
  bad(1) = nan;
  EXPECT_NE(run(bad, y, {}).find("x[1] is NaN"), std::string::npos);
  Vector<float> bad_y = y;
  bad_y(0) = -inf;
  EXPECT_NE(run(x, bad_y, {}).find("y[0] is -inf"), std::string::npos);
  auto with = [&](double eta, double lambda, int n) {
    return run(x, y, TraceUpdateOptions{eta, lambda, n});
  };
  EXPECT_NE(with(0.0, 0.0, 1).find("learning rate 0"), std::string::npos);
  EXPECT_NE(with(-0.5, 0.0, 1).find("learning rate -0.5"), std::string::npos);
  EXPECT_NE(with(std::nan(""), 0.0, 1).find("learning rate NaN"), std::string::npos);
  EXPECT_NE(with(std::numeric_limits<double>::infinity(), 0.0, 1).find("learning rate inf"),
            std::string::npos);
  EXPECT_NE(with(0.1, -1.0, 10).find("l2 -1"), std::string::npos);
  EXPECT_NE(with(0.1, std::nan(""), 10).find("l2 NaN"), std::string::npos);
  EXPECT_NE(with(0.1, 0.5, 0).find("training-set size n 0"), std::string::npos);
  EXPECT_NE(with(1e39, 0.0, 1).find("learning rate 1e+39 overflows"), std::string::npos);
  EXPECT_NE(with(0.1, 1e300, 1).find("1 − ηλ/n = -1e+299 overflows"), std::string::npos);
  EXPECT_EQ(with(0.1, 0.0, 0), "");  // n is not used without λ
  auto with_l1 = [&](double l1, int n) {
    TraceUpdateOptions o;
    o.learning_rate = 0.1;
    o.l1 = l1;
    o.n = n;
    return run(x, y, o);
  };
  EXPECT_NE(with_l1(-1.0, 10).find("l1 -1 must be a finite number >= 0"), std::string::npos);
  EXPECT_NE(with_l1(std::nan(""), 10).find("l1 NaN"), std::string::npos);
  EXPECT_NE(with_l1(0.5, 0).find("training-set size n 0"), std::string::npos);
  EXPECT_NE(with_l1(1e300, 1).find("ηλ₁/n = 1e+299 overflows"), std::string::npos);
  EXPECT_EQ(with_l1(0.5, 3), "");
  EXPECT_EQ(run(x, y, {}), "");
  // A diverged network (Network::set_parameters refuses NaN, training can produce it).
  Network<float> diverged = net;
  diverged.w(3)(1, 2) = nan;
  EXPECT_NE(message_of([&] {
              trace(diverged, x, y);
            }).find("parameters are not finite (layer 3; training diverged)"),
            std::string::npos);
}

}  // namespace
}  // namespace gradscope
