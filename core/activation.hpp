// Activation functions σ and their derivatives σ', written as in the seed notes, section 1.
#pragma once

#include <string>

#include "types.hpp"

namespace gradscope {

enum class Activation { kSigmoid, kTanh, kRelu, kLeakyRelu, kIdentity, kSoftmax };

// Slope of leaky ReLU for z < 0.
inline constexpr double kLeakyReluSlope = 0.01;

// The names of catalogue.hpp's kActivations (defined in catalogue.cpp); anything else throws
// std::invalid_argument naming the bad value and listing the valid ones.
Activation parse_activation(const std::string& name);
const char* activation_name(Activation f);
// Largest value σ' takes (sigmoid 1/4, tanh 1, ...): the ceiling of each vanishing-gradient factor.
double max_derivative(Activation f);

// Scalar forms, used by the curves the page plots and as the reference for the kernels.
// Not defined for softmax, which is not element-wise. σ' is formed from x, not from σ(x):
// sigmoid t/(1 + t)² with t = e^-|x|, tanh 4t/(1 + t)² with t = e^-2|x| (docs/numerics.md).
double activation_value(Activation f, double x);
double activation_derivative(Activation f, double x);

// a = σ(z) column by column (softmax normalises each column, i.e. each sample), and when d is not
// null d = σ'(z) from z, sharing the exp that a needs. For softmax d is the Jacobian's diagonal
// y_i (1 - y_i), with 1 - y_i of the largest y summed from the others; the full Jacobian is
// softmax_jacobian().
template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a, Matrix<T>* d);
template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a);

// d = σ'(z) element-wise from z (a = σ(z) is read only for softmax's diagonal).
template <typename T>
void activation_derivative(Activation f, const Matrix<T>& z, const Matrix<T>& a, Matrix<T>& d);

// ∂y_i/∂x_j = y_i (δ_ij - y_j) for y = softmax(x) (seed, section 1), n × n. Its diagonal is
// exactly the d = σ'(z) activate() forms for softmax.
template <typename T>
Matrix<T> softmax_jacobian(const Vector<T>& y);

}  // namespace gradscope
