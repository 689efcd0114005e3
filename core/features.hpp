// The inputs a network can be given instead of the raw (x₁, x₂) of a plane data set: TensorFlow
// Playground's feature column (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂). The core computes them so
// that a run is bit-reproducible across browsers: the products are one rounding each, and sin is
// the deterministic routine below (no platform libm), rounded once to T.
#pragma once

#include <string>
#include <vector>

#include "types.hpp"

namespace gradscope {

enum class Feature { kX1, kX2, kX1Squared, kX2Squared, kX1X2, kSinX1, kSinX2 };

// The names of catalogue.hpp's kFeatures (defined in catalogue.cpp); anything else throws
// std::invalid_argument naming it.
Feature parse_feature(const std::string& name);
const char* feature_name(Feature f);

// The features named, in the order given. Throws std::invalid_argument naming the bad entry for
// an empty list, an unknown name or a name given twice.
std::vector<Feature> parse_features(const std::vector<std::string>& names);

// sin x rounded to nearest double, computed with FreeBSD msun's (fdlibm's) kernels and its
// Cody–Waite argument reduction, in plain double arithmetic (no FMA: the core is compiled with
// -ffp-contract=off), so every platform gives the same bits. |x| must be ≤ kMaxSinArgument
// (where the three-part reduction is exact); larger |x| and non-finite x throw
// std::invalid_argument.
double deterministic_sin(double x);
constexpr double kMaxSinArgument = 1048576.0;  // 2^20

// The features of each sample: x is 2 × m (x₁, x₂ per column), the result k × m with row i the
// i-th feature. Products are formed in T (one rounding, as in double then rounded); sin x is
// deterministic_sin rounded once to T. Throws std::invalid_argument naming the sample and value
// when x has another row count than 2, holds a non-finite value, a feature overflows T, or a sin
// argument exceeds kMaxSinArgument.
template <typename T>
Matrix<T> apply_features(const Matrix<T>& x, const std::vector<Feature>& features);

}  // namespace gradscope
