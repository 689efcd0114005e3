// Nielsen's "speed of learning" of a hidden layer (chapter 5): ‖∂C/∂b^l‖, with ∂C/∂b^l = δ^l
// (BP3) averaged over a set of training samples, as his generate_gradient.py measured it over
// 1,000 MNIST images.
#pragma once

#include <vector>

#include "network.hpp"

namespace gradscope {

// One speed per hidden layer l = 2 … L−1, the first hidden layer first. Throws
// std::invalid_argument when the network has no hidden layer or x, y do not fit it.
template <typename T>
std::vector<double> hidden_layer_speeds(const Network<T>& net, const Matrix<T>& x,
                                        const Matrix<T>& y);

}  // namespace gradscope
