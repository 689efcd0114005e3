// The forward pass over a mini-batch (samples as columns), keeping z^l, a^l and σ'(z^l) for
// backprop (seed, section 2).
#pragma once

#include <vector>

#include "network.hpp"

namespace gradscope {

template <typename T>
struct ForwardPass {
  // Indexed by the seed's layer number l (entries below 1 or 2 unused): a[1] = x,
  // z[l] = w^l a^(l-1) + b^l, a[l] = σ(z[l]), d[l] = σ'(z[l]) for l = 2 … L.
  std::vector<Matrix<T>> z, a, d;
  const Matrix<T>& output() const { return a.back(); }
};

// Throws std::invalid_argument when x's row count is not the input layer's size.
template <typename T>
void check_input(const Network<T>& net, const Matrix<T>& x);

// Runs the network on x (n_1 × m). With derivatives, also fills d[l] = σ'(z^l).
// The buffers in fp are reused between calls, so training does not allocate per mini-batch.
template <typename T>
void forward(const Network<T>& net, const Matrix<T>& x, ForwardPass<T>& fp, bool derivatives);

// a^L for every column of x.
template <typename T>
Matrix<T> predict(const Network<T>& net, const Matrix<T>& x);

// a^l for every column of x (n_l × m), l = 1 … L: the forward pass stopped at layer l (a^1 = x),
// e.g. each hidden neuron's activation over a grid of inputs. Throws std::invalid_argument
// naming l when it is outside 1 … L, or for x of the wrong width.
template <typename T>
Matrix<T> activations(const Network<T>& net, const Matrix<T>& x, int l);

}  // namespace gradscope
