// A data set with samples as columns (classified or regressed), and the synthetic sets of the
// playground.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "types.hpp"

namespace gradscope {

// What a data set asks of a network: classes (labels, measured by accuracy) or real values
// (measured by the mean squared error and R²). Rows in catalogue.hpp's kProblems.
enum class ProblemKind { kClassification, kRegression };
// The names of kProblems (defined in catalogue.cpp); anything else throws std::invalid_argument.
ProblemKind parse_problem(const std::string& name);
const char* problem_name(ProblemKind p);

template <typename T>
struct Dataset {
  Matrix<T> x;  // n_in × N inputs
  Matrix<T> y;  // n_out × N targets (classification: 0/1 or one-hot; regression: the values)
  // Classification: the class of each sample (argmax of y, or y ≥ 0.5 for one output).
  // Regression: empty.
  std::vector<int> labels;
  ProblemKind problem = ProblemKind::kClassification;
  int size() const { return static_cast<int>(x.cols()); }
};

// Throws std::invalid_argument when x and y disagree on the sample count, a classification set's
// labels are missing (one per sample) or a regression set has labels, or any value is NaN or
// infinite (naming the first bad value).
template <typename T>
void validate(const Dataset<T>& d);

// Targets from class labels: one row of 0/1 for width 1, one-hot rows for width ≥ 2.
template <typename T>
Matrix<T> targets_from_labels(const std::vector<int>& labels, int width);

enum class SyntheticKind { kCircle, kXor, kGaussians, kSpiral, kPlane, kBumps, kSine, kAbs, kStep };
// The names of catalogue.hpp's kSynthetics (defined in catalogue.cpp); anything else throws
// std::invalid_argument.
SyntheticKind parse_synthetic(const std::string& name);
const char* synthetic_name(SyntheticKind k);

// n samples, deterministic for a seed (dataset.cpp states each set's formula).
// Classification sets (circle, xor: 2 classes; gaussians, spiral: `classes` K in the row's range,
// default the row's): points in [-1, 1]², labels i mod K (so every prefix is balanced), Gaussian
// noise of standard deviation `noise` added to the coordinates; targets have `output_width` rows
// (1: 0/1, two classes only; K: one-hot).
// Regression sets (plane, bumps: 2 inputs; sine, abs, step: 1 input): a clean point p uniform in
// [-1, 1]^d, the input p + noise·N(0, 1) per coordinate and the target f(p) + noise·N(0, 1);
// labels empty, output_width 1.
// Throws std::invalid_argument naming the bad n, noise, class count or output width.
Dataset<float> make_synthetic(SyntheticKind kind, int n, double noise, std::uint64_t seed,
                              int output_width = 1, std::optional<int> classes = std::nullopt);

// Splits off the last `test_fraction` of a seeded permutation as the test set; both parts keep the
// problem (a regression set's parts have no labels). Throws std::invalid_argument when the
// fraction is outside [0, 1), leaves no training sample, or a classification label contradicts
// its target (argmax of y, or y ≥ 0.5 for one output).
template <typename T>
void split(const Dataset<T>& all, double test_fraction, std::uint64_t seed, Dataset<T>& train,
           Dataset<T>& test);

// Columns `indices` of d, in that order.
template <typename T>
Dataset<T> select(const Dataset<T>& d, const std::vector<int>& indices);

}  // namespace gradscope
