#include "network_adapter.hpp"

#include <cmath>
#include <stdexcept>

#include "backprop.hpp"
#include "dataset_adapter.hpp"
#include "diagnostics.hpp"
#include "error_slot.hpp"
#include "evaluation.hpp"
#include "forward.hpp"
#include "js_arrays.hpp"
#include "trace_adapter.hpp"

namespace gradscope::wasm {

using emscripten::val;

namespace {

void check_count(int m) {
  if (m < 1) throw std::invalid_argument("sample count " + std::to_string(m) + " < 1");
}

// predict has no targets to validate a Dataset with; the same message as the core's validate.
void check_finite(const Matrix<float>& x) {
  for (Eigen::Index k = 0; k < x.size(); ++k) {
    if (!std::isfinite(x.data()[k])) {
      throw std::invalid_argument("input value " + std::to_string(x.data()[k]) + " of sample " +
                                  std::to_string(k / x.rows()) + " is not finite");
    }
  }
}

// { loss, accuracy } for a classification, { loss, mse, r2 } for a regression (no accuracy key).
val evaluation_to_js(const Evaluation& e) {
  val out = val::object();
  out.set("loss", e.loss);
  switch (e.problem) {
    case ProblemKind::kClassification:
      out.set("accuracy", e.accuracy);
      break;
    case ProblemKind::kRegression:
      out.set("mse", e.mse);
      out.set("r2", e.r2);
      break;
  }
  return out;
}

val state_to_js(const TrainingSession& s) {
  val out = val::object();
  out.set("epochsDone", s.epochs_done());
  out.set("stepsDone", static_cast<double>(s.steps_done()));
  out.set("position", s.position());
  if (s.diverged()) out.set("diverged", true);
  return out;
}

}  // namespace

NetworkHandle* create_network(const val& layers, const std::string& hidden,
                              const std::string& output, const std::string& cost,
                              const std::string& init, double seed) {
  return guarded([&]() -> NetworkHandle* {
    NetworkConfig c;
    c.layers = ints_from_js(layers);
    c.hidden = parse_activation(hidden);
    c.output = parse_activation(output);
    c.cost = parse_cost(cost);
    c.init = parse_init(init);
    c.seed = seed_from_js(seed);
    return new NetworkHandle(c);
  });
}

val NetworkHandle::layers() const { return ints_to_js(net_.config().layers); }

val NetworkHandle::weights(int l) const {
  return guarded([&] { return row_major_to_js(net_.w(l)); });
}

val NetworkHandle::biases(int l) const {
  return guarded([&] { return vector_to_js(net_.b(l)); });
}

bool NetworkHandle::set_parameters(int l, const val& w, const val& b) {
  return guarded([&] {
    const int rows = net_.size(l), cols = net_.size(l - 1);
    net_.set_parameters(l, row_major_from_js(w, rows, cols, "weights"),
                        vector_from_js(b, rows, "biases"));
    return true;
  });
}

val NetworkHandle::predict(const val& x, int m) const {
  return guarded([&] {
    check_count(m);
    const Matrix<float> input = samples_from_js(x, net_.input_size(), m, "x");
    check_finite(input);
    return samples_to_js(gradscope::predict(net_, input));
  });
}

val NetworkHandle::activations(const val& x, int m, int l) const {
  return guarded([&] {
    check_count(m);
    const Matrix<float> input = samples_from_js(x, net_.input_size(), m, "x");
    check_finite(input);
    return samples_to_js(gradscope::activations(net_, input, l));
  });
}

val NetworkHandle::gradients(const val& x, const val& y, int m) const {
  return guarded([&] {
    check_count(m);
    const Dataset<float> d = dataset_from_js(x, y, m, net_.input_size(), net_.output_size());
    const Gradients<float> g = backprop(net_, d.x, d.y);
    val out = val::array();
    for (int l = 2; l <= net_.num_layers(); ++l) {
      val layer = val::object();
      layer.set("layer", l);
      layer.set("weights", row_major_to_js(g.w[l]));
      layer.set("biases", vector_to_js(g.b[l]));
      layer.set("rows", static_cast<int>(g.w[l].rows()));
      layer.set("cols", static_cast<int>(g.w[l].cols()));
      out.call<void>("push", layer);
    }
    return out;
  });
}

val NetworkHandle::diagnostics(const val& x, const val& y, int m) const {
  return guarded([&] {
    check_count(m);
    const Dataset<float> d = dataset_from_js(x, y, m, net_.input_size(), net_.output_size());
    val out = val::array();
    for (const LayerDiagnostics& ld : diagnose(net_, d.x, d.y)) {
      val hist = val::object();
      hist.set("edges", doubles_to_js(ld.hist_edges));
      hist.set("counts", ints_to_js(ld.hist_counts));
      val layer = val::object();
      layer.set("layer", ld.layer);
      layer.set("biasGradNorm", ld.bias_grad_norm);
      layer.set("weightGradNorm", ld.weight_grad_norm);
      layer.set("meanAbsActDeriv", ld.mean_abs_act_deriv);
      layer.set("derivHistogram", hist);
      layer.set("saturatedFraction", ld.saturated_fraction);
      out.call<void>("push", layer);
    }
    return out;
  });
}

val NetworkHandle::evaluate(const val& x, const val& y, int m, const std::string& problem) const {
  return guarded([&] {
    check_count(m);
    const Dataset<float> d =
        dataset_from_js(x, y, m, net_.input_size(), net_.output_size(), parse_problem(problem));
    return evaluation_to_js(gradscope::evaluate(net_, d));
  });
}

val NetworkHandle::confusion_matrix(const val& x, const val& y, int m) const {
  return guarded([&] {
    check_count(m);
    const Dataset<float> d = dataset_from_js(x, y, m, net_.input_size(), net_.output_size());
    const ConfusionMatrix c = gradscope::confusion_matrix(net_, d);
    val out = val::object();
    out.set("classes", c.classes);
    out.set("counts", ints_to_js(c.counts));
    return out;
  });
}

val NetworkHandle::trace(const val& x, const val& y, bool with_update, double learning_rate,
                         double l2, double l1, int n) const {
  return guarded([&] { return trace_to_js(net_, x, y, with_update, learning_rate, l2, l1, n); });
}

val NetworkHandle::gradient_check(const val& x, const val& y, int m, double h,
                                  int max_parameters) const {
  return guarded([&] {
    check_count(m);
    if (max_parameters < 1) {
      throw std::invalid_argument("maxParameters " + std::to_string(max_parameters) + " < 1");
    }
    const Dataset<float> d = dataset_from_js(x, y, m, net_.input_size(), net_.output_size());
    // Double precision, so that the difference quotient is not swamped by float rounding.
    const GradientCheckResult r =
        gradscope::gradient_check(net_.cast<double>(), Matrix<double>(d.x.cast<double>()),
                                  Matrix<double>(d.y.cast<double>()), h, 1e-8, max_parameters);
    val out = val::object();
    out.set("maxRelativeError", r.max_relative_error);
    out.set("worstLayer", r.worst_layer);
    out.set("worstIsBias", r.worst_is_bias);
    out.set("worstIndex", r.worst_index);
    out.set("parametersChecked", r.parameters_checked);
    return out;
  });
}

bool NetworkHandle::begin_training(const val& x, const val& y, int m, const val& test_x,
                                   const val& test_y, int test_m, int batch_size,
                                   double learning_rate, double l2, double l1, bool shuffle,
                                   double seed, const std::string& problem) {
  return guarded([&] {
    check_count(m);
    const ProblemKind p = parse_problem(problem);  // how the epoch reports evaluate
    Dataset<float> train = dataset_from_js(x, y, m, net_.input_size(), net_.output_size(), p);
    Dataset<float> test;
    test.problem = p;
    if (test_m > 0) {
      test = dataset_from_js(test_x, test_y, test_m, net_.input_size(), net_.output_size(), p);
    }
    SgdOptions o;
    o.batch_size = batch_size;
    o.learning_rate = learning_rate;
    o.l2 = l2;
    o.l1 = l1;
    o.shuffle = shuffle;
    o.seed = seed_from_js(seed);
    // Built before it replaces the running session, so a failed call leaves that one untouched.
    auto next = std::make_unique<TrainingSession>(net_, std::move(train), std::move(test), o);
    session_ = std::move(next);
    return true;
  });
}

TrainingSession& NetworkHandle::session() const {
  if (!session_) throw std::invalid_argument("no training session: call beginTraining first");
  return *session_;
}

val NetworkHandle::train_steps(int steps) {
  return guarded([&] {
    session().run_steps(steps);
    return state_to_js(session());
  });
}

val NetworkHandle::train_epoch() {
  return guarded([&] {
    const EpochReport r = session().run_epoch();
    val out = val::object();
    out.set("epoch", r.epoch);
    out.set("train", evaluation_to_js(r.train));
    if (r.has_test) out.set("test", evaluation_to_js(r.test));
    // The playground pauses here; train() stops after this epoch (network.ts).
    if (!std::isfinite(r.train.loss) || session().diverged()) out.set("diverged", true);
    return out;
  });
}

val NetworkHandle::training_state() const {
  return guarded([&] { return state_to_js(session()); });
}

}  // namespace gradscope::wasm
