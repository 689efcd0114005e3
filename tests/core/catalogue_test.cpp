// The catalogue's tables against the code they describe: every row's name parses back, every
// number a row states about σ and σ' holds on a grid, every listed (output, cost) pair trains
// with the BP1 form it names, and every unlisted pair is refused.
#include "catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "backprop.hpp"
#include "forward.hpp"
#include "test_support.hpp"

namespace gradscope {
namespace {

using testing::config;
using testing::random_matrix;
using testing::random_targets;

// Rows are in enum order, one per value, and each name parses back to its value.
template <typename Row, std::size_t N, typename Parse, typename Name>
void expect_rows_round_trip(const Row (&table)[N], Parse parse, Name name) {
  for (std::size_t i = 0; i < N; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(table[i].id), i) << table[i].name;
    EXPECT_EQ(parse(table[i].name), table[i].id) << table[i].name;
    EXPECT_STREQ(name(table[i].id), table[i].name);
  }
}

TEST(Catalogue, EveryRowParsesBackToItsValue) {
  expect_rows_round_trip(kActivations, parse_activation, activation_name);
  expect_rows_round_trip(kCosts, parse_cost, cost_name);
  expect_rows_round_trip(kInits, parse_init, init_name);
  expect_rows_round_trip(kSynthetics, parse_synthetic, synthetic_name);
  expect_rows_round_trip(kProblems, parse_problem, problem_name);
}

TEST(Catalogue, UnknownNamesListTheTablesNames) {
  try {
    parse_activation("swish");
    FAIL() << "swish parsed";
  } catch (const std::invalid_argument& e) {
    std::string valid;
    for (const ActivationInfo& a : kActivations)
      valid += (valid.empty() ? "" : ", ") + std::string(a.name);
    EXPECT_EQ(std::string(e.what()), "unknown activation 'swish' (valid: " + valid + ")");
  }
  EXPECT_THROW(parse_cost("mse"), std::invalid_argument);
  EXPECT_THROW(parse_init("xavier"), std::invalid_argument);
  EXPECT_THROW(parse_synthetic("moons"), std::invalid_argument);
}

// σ' on [-40, 40] stays inside the stated range and reaches the stated ceiling; σ stays inside the
// stated output range; σ' = 0 happens exactly where the row's meaning says it does.
TEST(Catalogue, ElementWiseRowsDescribeTheirFunctions) {
  for (const ActivationInfo& f : kActivations) {
    if (f.id == Activation::kSoftmax) continue;  // not element-wise: next test
    double top = -1.0, bottom = 2.0;
    for (int i = -8000; i <= 8000; ++i) {
      const double z = i / 200.0;
      const double a = activation_value(f.id, z), d = activation_derivative(f.id, z);
      EXPECT_GE(d, f.derivative_min) << f.name << " z = " << z;
      EXPECT_LE(d, f.derivative_max) << f.name << " z = " << z;
      EXPECT_GE(a, f.output_min) << f.name << " z = " << z;
      EXPECT_LE(a, f.output_max) << f.name << " z = " << z;
      top = std::max(top, d);
      bottom = std::min(bottom, d);
    }
    EXPECT_DOUBLE_EQ(top, f.max_derivative) << f.name;
    EXPECT_DOUBLE_EQ(max_derivative(f.id), f.max_derivative) << f.name;
    EXPECT_DOUBLE_EQ(top, f.derivative_max) << f.name;
    switch (f.zero_derivative) {
      case ZeroDerivative::kDead:  // exactly 0 on a whole half-line
        EXPECT_EQ(activation_derivative(f.id, -0.5), 0.0) << f.name;
        EXPECT_EQ(activation_derivative(f.id, -40.0), 0.0) << f.name;
        break;
      case ZeroDerivative::kSaturated:  // positive near 0, below 1% of the ceiling for large |z|
        EXPECT_GT(activation_derivative(f.id, 5.0), 0.0) << f.name;
        EXPECT_LT(activation_derivative(f.id, 40.0), 0.01 * f.max_derivative) << f.name;
        EXPECT_LT(activation_derivative(f.id, -40.0), 0.01 * f.max_derivative) << f.name;
        break;
      case ZeroDerivative::kNever:
        EXPECT_GT(bottom, 0.0) << f.name;
        EXPECT_GT(f.derivative_min, 0.0) << f.name;
        break;
    }
  }
}

TEST(Catalogue, SoftmaxRowDescribesSoftmax) {
  const ActivationInfo& f = activation_info(Activation::kSoftmax);
  EXPECT_FALSE(f.hidden);
  Rng rng(4);
  const Matrix<double> z = random_matrix<double>(3, 50, rng, 8.0);
  Matrix<double> a, d;
  activate(Activation::kSoftmax, z, a);
  activation_derivative(Activation::kSoftmax, z, a, d);
  EXPECT_GE(a.minCoeff(), f.output_min);
  EXPECT_LE(a.maxCoeff(), f.output_max);
  EXPECT_GE(d.minCoeff(), f.derivative_min);
  EXPECT_LE(d.maxCoeff(), f.derivative_max);
  // y(1 − y) reaches 1/4 at y = 1/2: two equal inputs.
  Matrix<double> half(2, 1), ah, dh;
  half << 0.3, 0.3;
  activate(Activation::kSoftmax, half, ah);
  activation_derivative(Activation::kSoftmax, half, ah, dh);
  EXPECT_DOUBLE_EQ(dh(0, 0), f.max_derivative);
}

// For every hidden activation × output × cost: validate() accepts exactly the listed pairs, and
// refuses the others naming the cost and the output.
TEST(Catalogue, ValidateAcceptsExactlyTheListedPairs) {
  for (const ActivationInfo& o : kActivations) {
    for (const CostInfo& k : kCosts) {
      const bool listed = find_output_cost_pair(o.id, k.id) != nullptr;
      const NetworkConfig c = config({2, 3, 2}, Activation::kTanh, o.id, k.id);
      if (listed) {
        EXPECT_NO_THROW(validate(c)) << o.name << "/" << k.name;
        continue;
      }
      try {
        validate(c);
        ADD_FAILURE() << o.name << "/" << k.name << " was accepted";
      } catch (const std::invalid_argument& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find(std::string(k.name) + " cost needs"), std::string::npos) << m;
        EXPECT_NE(m.find(std::string("got '") + o.name + "'"), std::string::npos) << m;
      }
    }
  }
  for (const ActivationInfo& h : kActivations) {
    const NetworkConfig c = config({2, 3, 2}, h.id, Activation::kSigmoid, Cost::kQuadratic);
    if (h.hidden)
      EXPECT_NO_THROW(validate(c)) << h.name;
    else
      EXPECT_THROW(validate(c), std::invalid_argument) << h.name;
  }
  for (const ActivationInfo& o : kActivations) {
    const NetworkConfig narrow = config({2, 3, std::max(1, o.min_output_units - 1)},
                                        Activation::kTanh, o.id, Cost::kQuadratic);
    if (o.min_output_units > 1) EXPECT_THROW(validate(narrow), std::invalid_argument) << o.name;
  }
}

// δ^L of the default (kAuto) path is the form the pair's row names.
TEST(Catalogue, OutputErrorTakesThePairsBp1Form) {
  for (const OutputCostPair& pair : kOutputCostPairs) {
    const NetworkConfig c = config({3, 4, 3}, Activation::kTanh, pair.output, pair.cost);
    Rng rng(21);
    const Network<double> net(c);
    const Matrix<double> x = random_matrix<double>(3, 5, rng);
    const Matrix<double> y = random_targets<double>(c, 5, rng);
    ForwardPass<double> fp;
    forward(net, x, fp, true);
    Matrix<double> delta;
    output_error(net, fp, y, OutputErrorForm::kAuto, delta);
    const Matrix<double>& a = fp.a[3];
    const Matrix<double> dC_da = cost_gradient(pair.cost, a, y);
    Matrix<double> expected(a.rows(), a.cols());
    switch (pair.bp1) {
      case Bp1Form::kShortcut:
        expected = a - y;
        break;
      case Bp1Form::kHadamard:
        expected = (dC_da.array() * fp.d[3].array()).matrix();
        break;
      case Bp1Form::kSoftmaxJacobian:
        for (Eigen::Index j = 0; j < a.cols(); ++j) {
          const Vector<double> a_j = a.col(j);
          expected.col(j) = softmax_jacobian<double>(a_j).transpose() * dC_da.col(j);
        }
        break;
    }
    EXPECT_LT((delta - expected).cwiseAbs().maxCoeff(), 1e-12)
        << activation_name(pair.output) << "/" << cost_name(pair.cost) << " "
        << bp1_form_name(pair.bp1);
  }
}

// Each row's input count, problem and class range are what make_synthetic produces: every class
// count of the range gives that many classes (one-hot), one outside it is refused; regression
// rows give one target and no labels; "line" rows have one input, "plane" rows two.
TEST(Catalogue, SyntheticRowsDescribeTheirData) {
  for (const SyntheticInfo& s : kSynthetics) {
    EXPECT_EQ(s.input_features, s.kind == DataKind::kLine ? 1 : 2) << s.name;
    EXPECT_GE(s.classes, s.min_classes) << s.name;
    EXPECT_LE(s.classes, s.max_classes) << s.name;
    if (s.problem == ProblemKind::kRegression) {
      EXPECT_EQ(s.max_classes, 0) << s.name;
      const Dataset<float> d = make_synthetic(s.id, 40, 0.1, 3);
      EXPECT_EQ(d.x.rows(), s.input_features) << s.name;
      EXPECT_EQ(d.y.rows(), 1) << s.name;
      EXPECT_EQ(d.problem, ProblemKind::kRegression) << s.name;
      EXPECT_TRUE(d.labels.empty()) << s.name;
      continue;
    }
    EXPECT_GE(s.min_classes, 2) << s.name;
    for (int k = s.min_classes; k <= s.max_classes; ++k) {
      const Dataset<float> d = make_synthetic(s.id, 40, 0.1, 3, k, k);
      EXPECT_EQ(d.x.rows(), s.input_features) << s.name;
      EXPECT_EQ(d.y.rows(), k) << s.name;
      EXPECT_EQ(d.problem, ProblemKind::kClassification) << s.name;
      std::vector<bool> seen(k, false);
      for (int label : d.labels) {
        ASSERT_GE(label, 0) << s.name;
        ASSERT_LT(label, k) << s.name;
        seen[label] = true;
      }
      EXPECT_EQ(std::count(seen.begin(), seen.end(), true), k) << s.name;
    }
    EXPECT_THROW(make_synthetic(s.id, 40, 0.1, 3, s.max_classes + 1, s.max_classes + 1),
                 std::invalid_argument)
        << s.name;
  }
}

TEST(Catalogue, InitRowsSetTheWeightSpread) {
  for (const InitInfo& i : kInits) {
    NetworkConfig c =
        config({400, 300}, Activation::kTanh, Activation::kSigmoid, Cost::kQuadratic, i.id, 5);
    const Network<double> net(c);
    const Matrix<double>& w = net.w(2);
    const double variance = w.squaredNorm() / static_cast<double>(w.size());
    const double expected = i.weight_gain / (i.fan_in_scaled ? 400.0 : 1.0);
    EXPECT_NEAR(variance / expected, 1.0, 0.02) << i.name;
    if (i.zero_biases)
      EXPECT_EQ(net.b(2).cwiseAbs().maxCoeff(), 0.0) << i.name;
    else
      EXPECT_GT(net.b(2).cwiseAbs().maxCoeff(), 0.5) << i.name;
  }
}

}  // namespace
}  // namespace gradscope
