#include "training_session.hpp"

#include <stdexcept>
#include <string>

namespace gradscope::wasm {

TrainingSession::TrainingSession(Network<float>& net, Dataset<float> train, Dataset<float> test,
                                 const SgdOptions& options)
    : net_(net),
      train_(std::move(train)),
      test_(std::move(test)),
      trainer_(net, options) {  // validates the options
  if (train_.size() == 0) throw std::invalid_argument("training set is empty");
  check_fits(net_, train_, "training");
  if (test_.size() > 0) check_fits(net_, test_, "test");
}

void TrainingSession::run_one_step() {
  ++steps_done_;
  if (trainer_.next_batch(train_)) ++epochs_done_;
}

void TrainingSession::run_steps(int steps) {
  if (steps < 1) throw std::invalid_argument("step count " + std::to_string(steps) + " < 1");
  for (int i = 0; i < steps; ++i) run_one_step();
}

bool TrainingSession::diverged() const {
  for (int l = 2; l <= net_.num_layers(); ++l) {
    if (!net_.w(l).allFinite() || !net_.b(l).allFinite()) return true;
  }
  return false;
}

EpochReport TrainingSession::run_epoch() {
  do {
    run_one_step();
  } while (trainer_.position() != 0);
  EpochReport r;
  r.epoch = epochs_done_;
  r.train = evaluate(net_, train_);
  if (test_.size() > 0) {
    r.has_test = true;
    r.test = evaluate(net_, test_);
  }
  return r;
}

}  // namespace gradscope::wasm
