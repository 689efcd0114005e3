// How well a network does on a data set: the mean cost and, by the set's problem, the accuracy
// (classification) or the mean squared error and R² (regression); and the confusion matrix of a
// classification.
#pragma once

#include <vector>

#include "dataset.hpp"
#include "network.hpp"

namespace gradscope {

struct Evaluation {
  ProblemKind problem = ProblemKind::kClassification;  // which of the fields below are filled
  double loss = 0.0;  // mean cost C over the samples (without the L1 and L2 terms)
  // Classification: the fraction classified correctly (one output unit: a ≥ 0.5; several: argmax).
  double accuracy = 0.0;
  // Regression: mse = Σ(a − y)² / (N·n_L), the mean over samples and output units; and
  // R² = 1 − Σ(a − y)² / Σ(y − ȳ)², sums over samples and output units, ȳ the mean target of each
  // unit. R² is NaN (undefined) when the targets are constant (Σ(y − ȳ)² = 0) or there are none.
  double mse = 0.0;
  double r2 = 0.0;
};

// The evaluation of the network on `data`, measured as data.problem says. Throws
// std::invalid_argument when the inputs, targets or labels do not fit (validate(data)).
template <typename T>
Evaluation evaluate(const Network<T>& net, const Dataset<T>& data);

// The label the network predicts for each column of its output: a ≥ 0.5 for one row, else argmax.
template <typename T>
std::vector<int> predicted_labels(const Matrix<T>& output);

struct ConfusionMatrix {
  int classes = 0;          // K: the output units, or 2 for a single unit (a ≥ 0.5)
  std::vector<int> counts;  // K × K row-major: counts[t·K + p] samples of class t predicted p
  int at(int truth, int predicted) const { return counts[truth * classes + predicted]; }
};

// Counts of (true class, predicted class) over a classification set: the row is the sample's
// label, the column the class the network predicts by predicted_labels (accuracy's rule), so the
// diagonal sums to accuracy·N. Throws std::invalid_argument for a regression set, a set that does
// not fit the network, or a label outside 0 … K−1.
template <typename T>
ConfusionMatrix confusion_matrix(const Network<T>& net, const Dataset<T>& data);

}  // namespace gradscope
