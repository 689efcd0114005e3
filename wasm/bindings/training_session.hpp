// Step-wise SGD over one training set, so a caller (the playground's worker) can run a few
// mini-batches, look at diagnostics, and continue. The mini-batches come from the core
// Trainer's next_batch, so whole passes here give exactly the parameters gradscope::train gives.
#pragma once

#include <vector>

#include "dataset.hpp"
#include "network.hpp"
#include "sgd.hpp"

namespace gradscope::wasm {

class TrainingSession {
 public:
  // Validates the data (finite values, widths matching the network) and the options.
  TrainingSession(Network<float>& net, Dataset<float> train, Dataset<float> test,
                  const SgdOptions& options);

  // Runs `steps` mini-batches, carrying on across pass boundaries.
  void run_steps(int steps);
  // Runs the rest of the current pass (a whole pass when at its start) and reports on it as
  // gradscope::train does.
  EpochReport run_epoch();

  int epochs_done() const { return epochs_done_; }      // completed passes
  long steps_done() const { return steps_done_; }       // mini-batches run
  int position() const { return trainer_.position(); }  // samples of this pass already used
  // True once a weight or bias is NaN or ±∞ (a learning rate too large).
  bool diverged() const;

 private:
  void run_one_step();

  Network<float>& net_;
  Dataset<float> train_, test_;
  Trainer<float> trainer_;
  int epochs_done_ = 0;
  long steps_done_ = 0;
};

}  // namespace gradscope::wasm
