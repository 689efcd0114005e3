// A labelled data set with samples as columns, and the synthetic 2-D sets of the playground.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "types.hpp"

namespace gradscope {

template <typename T>
struct Dataset {
  Matrix<T> x;              // n_in × N inputs
  Matrix<T> y;              // n_out × N targets
  std::vector<int> labels;  // class of each sample (argmax of y, or y ≥ 0.5 for one output)
  int size() const { return static_cast<int>(x.cols()); }
};

// Throws std::invalid_argument when x and y disagree on the sample count, labels are missing,
// or any value is NaN or infinite (naming the first bad value).
template <typename T>
void validate(const Dataset<T>& d);

// Targets from class labels: one row of 0/1 for width 1, one-hot rows for width ≥ 2.
template <typename T>
Matrix<T> targets_from_labels(const std::vector<int>& labels, int width);

enum class SyntheticKind { kCircle, kXor, kGaussians, kSpiral };
// The names of catalogue.hpp's kSynthetics (defined in catalogue.cpp); anything else throws
// std::invalid_argument.
SyntheticKind parse_synthetic(const std::string& name);
const char* synthetic_name(SyntheticKind k);

// n points in [-1, 1]², two classes, Gaussian noise of standard deviation `noise` added to the
// coordinates, deterministic for a seed. Targets have `output_width` rows (1: 0/1; 2: one-hot).
Dataset<float> make_synthetic(SyntheticKind kind, int n, double noise, std::uint64_t seed,
                              int output_width = 1);

// Splits off the last `test_fraction` of a seeded permutation as the test set. Throws
// std::invalid_argument when the fraction is outside [0, 1), leaves no training sample, or a label
// contradicts its target (argmax of y, or y ≥ 0.5 for one output).
template <typename T>
void split(const Dataset<T>& all, double test_fraction, std::uint64_t seed, Dataset<T>& train,
           Dataset<T>& test);

// Columns `indices` of d, in that order.
template <typename T>
Dataset<T> select(const Dataset<T>& d, const std::vector<int>& indices);

}  // namespace gradscope
