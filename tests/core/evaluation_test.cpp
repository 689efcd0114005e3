// evaluate() by problem (accuracy; mse and R²) and the confusion matrix, against values worked
// out by hand for networks whose parameters are set by hand.
#include "evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "catalogue.hpp"
#include "sgd.hpp"

namespace gradscope {
namespace {

// a = w x + b with identity output and quadratic cost, no hidden layer.
Network<double> linear(int inputs, int outputs, const Matrix<double>& w, const Vector<double>& b) {
  NetworkConfig c;
  c.layers = {inputs, outputs};
  c.output = Activation::kIdentity;
  c.cost = Cost::kQuadratic;
  Network<double> net(c);
  net.set_parameters(2, w, b);
  return net;
}

Dataset<double> regression_set(const Matrix<double>& x, const Matrix<double>& y) {
  Dataset<double> d;
  d.x = x;
  d.y = y;
  d.problem = ProblemKind::kRegression;
  return d;
}

// x = 0, 1, 2, 3; a = x + 1 = 1, 2, 3, 4; y = 1, 3, 2, 5.
// Σ(a − y)² = 0 + 1 + 1 + 1 = 3; ȳ = 11/4; Σ(y − ȳ)² = 3.0625 + 0.0625 + 0.5625 + 5.0625 = 8.75.
TEST(Evaluation, RegressionMseAndR2ByHand) {
  Matrix<double> x(1, 4), y(1, 4);
  x << 0, 1, 2, 3;
  y << 1, 3, 2, 5;
  const Network<double> net =
      linear(1, 1, Matrix<double>::Constant(1, 1, 1.0), Vector<double>::Constant(1, 1.0));
  const Evaluation e = evaluate(net, regression_set(x, y));
  EXPECT_EQ(e.problem, ProblemKind::kRegression);
  EXPECT_DOUBLE_EQ(e.mse, 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(e.r2, 1.0 - 3.0 / 8.75);
  EXPECT_DOUBLE_EQ(e.loss, 3.0 / 8.0);  // quadratic cost (1/2n) Σ‖a − y‖²
  EXPECT_EQ(e.accuracy, 0.0);           // not measured for regression
}

// Two output units: ȳ is taken per unit. Unit 2 predicts 0 for targets 2, 2, 2, 4:
// Σ(a − y)² = 28, ȳ₂ = 2.5, Σ(y − ȳ₂)² = 3. So R² = 1 − (3 + 28) / (8.75 + 3); one mean over both
// units would give a different denominator.
TEST(Evaluation, R2TakesTheMeanOfEachOutputUnit) {
  Matrix<double> x(1, 4), y(2, 4), w(2, 1);
  x << 0, 1, 2, 3;
  y << 1, 3, 2, 5,  //
      2, 2, 2, 4;
  w << 1, 0;
  Vector<double> b(2);
  b << 1, 0;
  const Evaluation e = evaluate(linear(1, 2, w, b), regression_set(x, y));
  EXPECT_DOUBLE_EQ(e.mse, 31.0 / 8.0);
  EXPECT_DOUBLE_EQ(e.r2, 1.0 - 31.0 / 11.75);
  const double pooled_mean = 21.0 / 8.0;
  double pooled = 0;
  for (int k = 0; k < y.size(); ++k) pooled += std::pow(y.data()[k] - pooled_mean, 2);
  EXPECT_GT(std::abs(e.r2 - (1.0 - 31.0 / pooled)), 0.02);  // 0.028 apart
}

TEST(Evaluation, PerfectFitIsOneAndConstantTargetsAreUndefined) {
  Matrix<double> x(1, 3), y(1, 3);
  x << -1, 0, 2;
  y << 1, 3, 7;  // y = 2x + 3
  const Network<double> net =
      linear(1, 1, Matrix<double>::Constant(1, 1, 2.0), Vector<double>::Constant(1, 3.0));
  EXPECT_DOUBLE_EQ(evaluate(net, regression_set(x, y)).r2, 1.0);
  EXPECT_DOUBLE_EQ(evaluate(net, regression_set(x, y)).mse, 0.0);
  y << 4, 4, 4;  // Σ(y − ȳ)² = 0: R² is undefined (NaN), the mse is not
  const Evaluation e = evaluate(net, regression_set(x, y));
  EXPECT_TRUE(std::isnan(e.r2));
  EXPECT_DOUBLE_EQ(e.mse, (9.0 + 1.0 + 9.0) / 3.0);
}

TEST(Evaluation, ClassificationKeepsAccuracy) {
  // a = x for one unit: x ≥ 0.5 is class 1.
  Matrix<double> x(1, 5), y(1, 5);
  x << 0.1, 0.6, 0.4, 0.9, 0.5;
  y << 0, 1, 1, 0, 1;
  Dataset<double> d;
  d.x = x;
  d.y = y;
  d.labels = {0, 1, 1, 0, 1};
  const Evaluation e =
      evaluate(linear(1, 1, Matrix<double>::Constant(1, 1, 1.0), Vector<double>::Zero(1)), d);
  EXPECT_EQ(e.problem, ProblemKind::kClassification);
  EXPECT_DOUBLE_EQ(e.accuracy, 3.0 / 5.0);
  EXPECT_EQ(e.mse, 0.0);  // not measured for classification
}

// With w = I and b = 0 the prediction is the argmax of x; labels and inputs chosen so that every
// cell of the matrix has a different count.
TEST(Evaluation, ConfusionMatrixByHand) {
  // (true, predicted) pairs: (0,0)×3, (0,1)×1, (1,2)×2, (2,2)×1, (2,0)×1, (1,1)×0.
  const int truth[] = {0, 0, 0, 0, 1, 1, 2, 2};
  const int predicted[] = {0, 0, 0, 1, 2, 2, 2, 0};
  Matrix<double> x = Matrix<double>::Zero(3, 8), y = Matrix<double>::Zero(3, 8);
  Dataset<double> d;
  for (int i = 0; i < 8; ++i) {
    x(predicted[i], i) = 1.0;
    y(truth[i], i) = 1.0;
    d.labels.push_back(truth[i]);
  }
  d.x = x;
  d.y = y;
  const Network<double> net = linear(3, 3, Matrix<double>::Identity(3, 3), Vector<double>::Zero(3));
  const ConfusionMatrix m = confusion_matrix(net, d);
  ASSERT_EQ(m.classes, 3);
  const std::vector<int> expected = {3, 1, 0,  //
                                     0, 0, 2,  //
                                     1, 0, 1};
  EXPECT_EQ(m.counts, expected);
  EXPECT_EQ(m.at(1, 2), 2);
  // The diagonal is what accuracy counts.
  EXPECT_DOUBLE_EQ((m.at(0, 0) + m.at(1, 1) + m.at(2, 2)) / 8.0, evaluate(net, d).accuracy);
}

TEST(Evaluation, ConfusionMatrixOfOneOutputUnitHasTwoClasses) {
  Matrix<double> x(1, 4), y(1, 4);
  x << 0.2, 0.7, 0.5, 0.1;  // predicted 0, 1, 1, 0
  y << 1, 1, 0, 0;
  Dataset<double> d;
  d.x = x;
  d.y = y;
  d.labels = {1, 1, 0, 0};
  const ConfusionMatrix m = confusion_matrix(
      linear(1, 1, Matrix<double>::Constant(1, 1, 1.0), Vector<double>::Zero(1)), d);
  ASSERT_EQ(m.classes, 2);
  EXPECT_EQ(m.counts, (std::vector<int>{1, 1, 1, 1}));
}

TEST(Evaluation, ConfusionMatrixRefusesRegressionAndBadLabels) {
  const Network<double> net =
      linear(1, 1, Matrix<double>::Constant(1, 1, 1.0), Vector<double>::Zero(1));
  Matrix<double> x(1, 2), y(1, 2);
  x << 0, 1;
  y << 0, 1;
  try {
    confusion_matrix(net, regression_set(x, y));
    ADD_FAILURE() << "regression accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "a confusion matrix needs a classification data set, not regression");
  }
  Dataset<double> d;
  d.x = x;
  d.y = y;
  d.labels = {0, 2};
  try {
    confusion_matrix(net, d);
    ADD_FAILURE() << "label 2 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "label 2 of sample 1 is outside 0..1");
  }
}

// train() reports each epoch as the training set's problem says.
TEST(Evaluation, TrainingReportsRegressionMeasures) {
  Dataset<float> all = make_synthetic(SyntheticKind::kPlane, 200, 0.0, 4), tr, te;
  split(all, 0.25, 1, tr, te);
  NetworkConfig c;
  c.layers = {2, 1};
  c.output = Activation::kIdentity;
  c.cost = Cost::kQuadratic;
  c.seed = 3;
  Network<float> net(c);
  SgdOptions o;
  o.epochs = 30;
  o.learning_rate = 0.1;
  const std::vector<EpochReport> h = train(net, tr, &te, o);
  ASSERT_EQ(h.size(), 30u);
  EXPECT_EQ(h.back().train.problem, ProblemKind::kRegression);
  EXPECT_EQ(h.back().test.problem, ProblemKind::kRegression);
  // y = (x₁ + x₂)/2 is linear: a linear network fits it.
  EXPECT_GT(h.back().test.r2, 0.999);
  EXPECT_LT(h.back().test.mse, 1e-3);
  EXPECT_GT(h.back().test.r2, h.front().test.r2);
}

}  // namespace
}  // namespace gradscope
