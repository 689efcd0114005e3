// The network as JavaScript sees it: one handle owning a Network<float> and, while training step
// by step, its TrainingSession. Every method catches C++ exceptions (guarded()) and returns
// undefined / false / null after recording the message; arrays returned are fresh copies.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "network.hpp"
#include "training_session.hpp"

namespace gradscope::wasm {

class NetworkHandle {
 public:
  explicit NetworkHandle(const NetworkConfig& config) : net_(config) {}

  int num_layers() const { return net_.num_layers(); }
  emscripten::val layers() const;  // Int32Array [n_1 … n_L]
  std::string hidden() const { return activation_name(net_.config().hidden); }
  std::string output() const { return activation_name(net_.config().output); }
  std::string cost() const { return cost_name(net_.config().cost); }
  std::string init() const { return init_name(net_.config().init); }
  double seed() const { return static_cast<double>(net_.config().seed); }

  // w^l as a row-major Float32Array (n_l × n_(l-1)), b^l as a Float32Array.
  emscripten::val weights(int l) const;
  emscripten::val biases(int l) const;
  bool set_parameters(int l, const emscripten::val& w, const emscripten::val& b);

  // x, y: m samples one after another.
  emscripten::val predict(const emscripten::val& x, int m) const;
  // a^l of each of the m samples (core activations(): the forward pass stopped at layer l).
  emscripten::val activations(const emscripten::val& x, int m, int l) const;
  // [{ layer, weights, biases, rows, cols }] for l = 2 … L: ∂C/∂w^l, ∂C/∂b^l averaged over the
  // batch, weights row-major.
  emscripten::val gradients(const emscripten::val& x, const emscripten::val& y, int m) const;
  emscripten::val diagnostics(const emscripten::val& x, const emscripten::val& y, int m) const;
  // { loss, accuracy } or, for problem "regression", { loss, mse, r2 } (evaluation.hpp).
  emscripten::val evaluate(const emscripten::val& x, const emscripten::val& y, int m,
                           const std::string& problem) const;
  // { classes: K, counts: Int32Array K × K row-major }: row the class y encodes, column the
  // class predicted (core confusion_matrix).
  emscripten::val confusion_matrix(const emscripten::val& x, const emscripten::val& y, int m) const;
  // Central differences in double precision against backprop (core gradient_check).
  // One sample traced through the four equations (trace_adapter.hpp); with_update adds the
  // single-sample SGD update with η, λ₂, λ₁, n and the cost after it. The network is not changed.
  emscripten::val trace(const emscripten::val& x, const emscripten::val& y, bool with_update,
                        double learning_rate, double l2, double l1, int n) const;
  emscripten::val gradient_check(const emscripten::val& x, const emscripten::val& y, int m,
                                 double h, int max_parameters) const;

  // Starts a step-wise session, replacing the previous one only once the new one is built (a
  // failed call leaves it running); test_m = 0 for no test set. `problem` says how the epoch
  // reports evaluate.
  bool begin_training(const emscripten::val& x, const emscripten::val& y, int m,
                      const emscripten::val& test_x, const emscripten::val& test_y, int test_m,
                      int batch_size, double learning_rate, double l2, double l1, bool shuffle,
                      double seed, const std::string& problem);
  // { epochsDone, stepsDone, position, diverged? } after running `steps` mini-batches.
  emscripten::val train_steps(int steps);
  // { epoch, train: evaluation, test?: evaluation, diverged? } after a pass (as evaluate()).
  emscripten::val train_epoch();
  emscripten::val training_state() const;
  void end_training() { session_.reset(); }

 private:
  TrainingSession& session() const;

  Network<float> net_;
  std::unique_ptr<TrainingSession> session_;
};

// The handle for a new network, or null (error recorded) for a bad configuration.
NetworkHandle* create_network(const emscripten::val& layers, const std::string& hidden,
                              const std::string& output, const std::string& cost,
                              const std::string& init, double seed);

}  // namespace gradscope::wasm
