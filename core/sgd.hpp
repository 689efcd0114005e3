// Mini-batch stochastic gradient descent with Nielsen's L2 weight decay (network2) and L1
// regularisation (chapter 3, regularisation.hpp):
//   w → (1 − ηλ₂/n) w − (ηλ₁/n) sgn(w) − (η/m) Σ_x ∂C_x/∂w,   b → b − (η/m) Σ_x ∂C_x/∂b
// with n the training-set size and m the mini-batch size.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "backprop.hpp"
#include "dataset.hpp"
#include "evaluation.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace gradscope {

struct SgdOptions {
  int epochs = 1;
  int batch_size = 10;
  double learning_rate = 0.5;  // η
  double l2 = 0.0;             // λ₂ (L2 weight decay)
  double l1 = 0.0;             // λ₁ (L1)
  bool shuffle = true;
  std::uint64_t seed = 1;  // shuffling order
};

// Throws std::invalid_argument naming the bad field (η NaN or ≤ 0, λ₂ or λ₁ < 0 or NaN, batch
// size < 1, …).
void validate(const SgdOptions& options);

struct EpochReport {
  int epoch = 0;     // 1-based
  Evaluation train;  // measured as the training set's problem says (evaluation.hpp)
  bool has_test = false;
  Evaluation test;
};

// Throws std::invalid_argument when `data` has a non-finite value or does not fit the network's
// input and output widths; `what` ("training", "test") starts the message.
template <typename T>
void check_fits(const Network<T>& net, const Dataset<T>& data, const char* what);

// Trains in place. `on_epoch` is called after each epoch; returning false stops early.
template <typename T>
class Trainer {
 public:
  Trainer(Network<T>& net, const SgdOptions& options);
  // One mini-batch step on columns of (x, y); n_train is the n of ηλ₂/n and ηλ₁/n. Throws
  // std::invalid_argument for n_train < 1 or x, y that do not fit the network.
  void step(const Matrix<T>& x, const Matrix<T>& y, int n_train);
  // The next mini-batch of the current pass over `train` (a fresh seeded shuffle starts each
  // pass). Returns true when this step completed the pass. Lets a caller (the playground's
  // worker) run a few mini-batches at a time; whole passes equal epoch(). Throws
  // std::invalid_argument for an empty set or one with fewer targets than inputs.
  bool next_batch(const Dataset<T>& train);
  // One pass over the training set in (optionally shuffled) mini-batches.
  void epoch(const Dataset<T>& train);
  // Samples of the current pass already used (0 at a pass boundary).
  int position() const { return cursor_; }

 private:
  Network<T>& net_;
  SgdOptions options_;
  Rng rng_;
  std::vector<int> order_;
  int cursor_ = 0;
  Matrix<T> xb_, yb_;
  ForwardPass<T> fp_;
  Gradients<T> errors_;  // only delta and cost: the update never forms ∂C/∂w
};

template <typename T>
struct NonDeduced {
  using type = T;
};

// (test_set's type is not deduced, so nullptr may be passed for "no test set".)
template <typename T>
std::vector<EpochReport> train(Network<T>& net, const Dataset<T>& train_set,
                               const typename NonDeduced<Dataset<T>>::type* test_set,
                               const SgdOptions& options,
                               const std::function<bool(const EpochReport&)>& on_epoch = {});

}  // namespace gradscope
