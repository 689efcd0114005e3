// Matrix and vector aliases shared by the whole core. Samples are columns (Nielsen's convention),
// so a mini-batch of m inputs of width n is an n x m matrix; Eigen's column-major storage keeps
// each sample contiguous.
#pragma once

#include <Eigen/Core>

namespace gradscope {

template <typename T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <typename T>
using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

}  // namespace gradscope
