// Backpropagation as the seed's four equations (section 3):
//   BP1  δ^L = ∂C/∂a^L ⊙ σ'(z^L)
//   BP2  δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l)
//   BP3  ∂C/∂b^l = δ^l
//   BP4  ∂C/∂w^l = δ^l (a^(l-1))ᵀ
// with BP3 and BP4 averaged over the mini-batch's columns.
#pragma once

#include <vector>

#include "forward.hpp"
#include "network.hpp"
#include "output_error.hpp"

namespace gradscope {

template <typename T>
struct Gradients {
  // Indexed by layer l = 2 … L, like the network's parameters.
  std::vector<Matrix<T>> w;      // ∂C/∂w^l, averaged over the batch
  std::vector<Vector<T>> b;      // ∂C/∂b^l, averaged over the batch
  std::vector<Matrix<T>> delta;  // δ^l for every sample (column)
  double cost = 0.0;             // C averaged over the batch
};

// Forward pass, BP1 and BP2: fills g.delta[l] for l = 2 … L, not g.cost, g.w or g.b. Training
// folds BP3/BP4 into the update (kernels::sgd_step) and needs no more than this.
template <typename T>
void backprop_errors(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y,
                     ForwardPass<T>& fp, Gradients<T>& g,
                     OutputErrorForm form = OutputErrorForm::kAuto);

// Runs forward and backward over the batch (x: n_1 × m, y: n_L × m), reusing fp and g's buffers;
// fills g.cost from z^L (cost_value).
template <typename T>
void backprop(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y, ForwardPass<T>& fp,
              Gradients<T>& g, OutputErrorForm form = OutputErrorForm::kAuto);

template <typename T>
Gradients<T> backprop(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y,
                      OutputErrorForm form = OutputErrorForm::kAuto);

}  // namespace gradscope
