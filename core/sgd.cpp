#include "sgd.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "kernels/kernels.hpp"
#include "regularisation.hpp"
#include "rng.hpp"

namespace gradscope {

void validate(const SgdOptions& o) {
  if (o.epochs < 1) throw std::invalid_argument("epochs " + std::to_string(o.epochs) + " < 1");
  if (o.batch_size < 1) {
    throw std::invalid_argument("batch size " + std::to_string(o.batch_size) + " < 1");
  }
  if (!std::isfinite(o.learning_rate) || o.learning_rate <= 0.0) {
    throw std::invalid_argument("learning rate " + std::to_string(o.learning_rate) +
                                " must be a finite number > 0");
  }
  if (!std::isfinite(o.l2) || o.l2 < 0.0) {
    throw std::invalid_argument("L2 regularisation " + std::to_string(o.l2) +
                                " must be a finite number >= 0");
  }
  if (!std::isfinite(o.l1) || o.l1 < 0.0) {
    throw std::invalid_argument("L1 regularisation " + std::to_string(o.l1) +
                                " must be a finite number >= 0");
  }
}

template <typename T>
void check_fits(const Network<T>& net, const Dataset<T>& data, const char* what) {
  validate(data);
  check_input(net, data.x);
  if (data.y.rows() != net.output_size()) {
    throw std::invalid_argument(
        std::string(what) + " target width " + std::to_string(data.y.rows()) +
        " does not match the output layer size " + std::to_string(net.output_size()));
  }
}

template <typename T>
Trainer<T>::Trainer(Network<T>& net, const SgdOptions& options)
    : net_(net), options_(options), rng_(options.seed) {
  validate(options_);
}

template <typename T>
void Trainer<T>::step(const Matrix<T>& x, const Matrix<T>& y, int n_train) {
  if (n_train < 1) {  // n divides ηλ/n; 0 would make keep NaN and with it every weight
    throw std::invalid_argument("training-set size " + std::to_string(n_train) +
                                " (n in ηλ/n) must be >= 1");
  }
  backprop_errors(net_, x, y, fp_, errors_);  // δ^l for every layer (BP1, BP2)
  const T step = static_cast<T>(options_.learning_rate / static_cast<double>(x.cols()));  // η/m
  const T keep = static_cast<T>(weight_decay_factor(options_.learning_rate, options_.l2, n_train));
  const T shrink = static_cast<T>(l1_shrink(options_.learning_rate, options_.l1, n_train));
  for (int l = 2; l <= net_.num_layers(); ++l) {
    // BP3/BP4 summed over the batch, applied as they are formed:
    // w^l ← keep·w^l − shrink·sgn(w^l) − (η/m) δ^l (a^(l−1))ᵀ,  b^l ← b^l − (η/m) Σ_x δ^l.
    regularised_sgd_step(net_.w(l), net_.b(l), errors_.delta[l], fp_.a[l - 1], step, keep, shrink);
  }
}

template <typename T>
bool Trainer<T>::next_batch(const Dataset<T>& train) {
  const int n = train.size();
  if (n == 0) throw std::invalid_argument("training set is empty");
  if (train.y.cols() != n) {  // the batch copies column order_[k] of both x and y
    throw std::invalid_argument("training set has " + std::to_string(n) + " inputs but " +
                                std::to_string(train.y.cols()) + " targets");
  }
  if (cursor_ == 0) {
    if (static_cast<int>(order_.size()) != n) {
      order_.resize(n);
      for (int i = 0; i < n; ++i) order_[i] = i;
    }
    if (options_.shuffle) rng_.shuffle(order_);
  } else if (static_cast<int>(order_.size()) != n) {
    throw std::invalid_argument("training set changed size mid-pass (" + std::to_string(n) +
                                " samples, pass started with " + std::to_string(order_.size()) +
                                ")");
  }
  const int count = std::min(options_.batch_size, n - cursor_);
  xb_.resize(train.x.rows(), count);
  yb_.resize(train.y.rows(), count);
  for (int j = 0; j < count; ++j) {
    xb_.col(j) = train.x.col(order_[cursor_ + j]);
    yb_.col(j) = train.y.col(order_[cursor_ + j]);
  }
  step(xb_, yb_, n);
  cursor_ += count;
  if (cursor_ < n) return false;
  cursor_ = 0;
  return true;
}

template <typename T>
void Trainer<T>::epoch(const Dataset<T>& train) {
  while (!next_batch(train)) {
  }
}

template <typename T>
std::vector<EpochReport> train(Network<T>& net, const Dataset<T>& train_set,
                               const typename NonDeduced<Dataset<T>>::type* test_set,
                               const SgdOptions& options,
                               const std::function<bool(const EpochReport&)>& on_epoch) {
  validate(options);
  check_fits(net, train_set, "training");
  if (test_set) check_fits(net, *test_set, "test");
  Trainer<T> trainer(net, options);
  std::vector<EpochReport> history;
  for (int e = 1; e <= options.epochs; ++e) {
    trainer.epoch(train_set);
    EpochReport r;
    r.epoch = e;
    r.train = evaluate(net, train_set);
    if (test_set && test_set->size() > 0) {
      r.has_test = true;
      r.test = evaluate(net, *test_set);
    }
    history.push_back(r);
    if (on_epoch && !on_epoch(r)) break;
  }
  return history;
}

#define GRADSCOPE_INSTANTIATE(T)                                                                \
  template void check_fits<T>(const Network<T>&, const Dataset<T>&, const char*);               \
  template class Trainer<T>;                                                                    \
  template std::vector<EpochReport> train<T>(Network<T>&, const Dataset<T>&, const Dataset<T>*, \
                                             const SgdOptions&,                                 \
                                             const std::function<bool(const EpochReport&)>&);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
