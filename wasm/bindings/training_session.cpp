#include "training_session.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "forward.hpp"

namespace gradscope::wasm {

namespace {

void check_fits(const Network<float>& net, const Dataset<float>& d, const char* what) {
  validate(d);
  check_input(net, d.x);
  if (d.y.rows() != net.output_size()) {
    throw std::invalid_argument(std::string(what) + " target width " + std::to_string(d.y.rows()) +
                                " does not match the output layer size " +
                                std::to_string(net.output_size()));
  }
}

}  // namespace

TrainingSession::TrainingSession(Network<float>& net, Dataset<float> train, Dataset<float> test,
                                 const SgdOptions& options)
    : net_(net),
      train_(std::move(train)),
      test_(std::move(test)),
      options_(options),
      trainer_(net, options),  // validates the options
      rng_(options.seed) {
  if (train_.size() == 0) throw std::invalid_argument("training set is empty");
  check_fits(net_, train_, "training");
  if (test_.size() > 0) check_fits(net_, test_, "test");
  order_.resize(train_.size());
  for (int i = 0; i < train_.size(); ++i) order_[i] = i;
}

void TrainingSession::run_one_step() {
  const int n = train_.size();
  // Same order of random draws as Trainer::epoch: one shuffle at the start of each pass.
  if (cursor_ == 0 && options_.shuffle) rng_.shuffle(order_);
  const int count = std::min(options_.batch_size, n - cursor_);
  xb_.resize(train_.x.rows(), count);
  yb_.resize(train_.y.rows(), count);
  for (int j = 0; j < count; ++j) {
    xb_.col(j) = train_.x.col(order_[cursor_ + j]);
    yb_.col(j) = train_.y.col(order_[cursor_ + j]);
  }
  trainer_.step(xb_, yb_, n);
  ++steps_done_;
  cursor_ += count;
  if (cursor_ == n) {
    cursor_ = 0;
    ++epochs_done_;
  }
}

void TrainingSession::run_steps(int steps) {
  if (steps < 1) throw std::invalid_argument("step count " + std::to_string(steps) + " < 1");
  for (int i = 0; i < steps; ++i) run_one_step();
}

EpochReport TrainingSession::run_epoch() {
  do {
    run_one_step();
  } while (cursor_ != 0);
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
