#include "dataset_adapter.hpp"

#include <stdexcept>

#include "error_slot.hpp"
#include "evaluation.hpp"
#include "idx.hpp"
#include "js_arrays.hpp"

namespace gradscope::wasm {

using emscripten::val;

namespace {

void check_count(int m, const char* what) {
  if (m < 0) throw std::invalid_argument(std::string(what) + " " + std::to_string(m) + " < 0");
}

IdxArray idx_from_js(const val& parsed) {
  IdxArray a;
  a.dims = ints_from_js(parsed["dims"]);
  a.data = bytes_from_js(parsed["data"]);
  return a;  // idx_dataset checks that the dims describe the data (check_idx_shape)
}

}  // namespace

Dataset<float> dataset_from_js(const val& x, const val& y, int m, int input_width, int output_width,
                               ProblemKind problem) {
  check_count(m, "sample count");
  Dataset<float> d;
  d.x = samples_from_js(x, input_width, m, "x");
  d.y = samples_from_js(y, output_width, m, "y");
  d.problem = problem;
  if (problem == ProblemKind::kClassification) d.labels = predicted_labels(d.y);
  validate(d);
  return d;
}

Dataset<float> dataset_from_js_object(const val& data) {
  const int n = data["n"].as<int>();
  check_count(n, "data set size n");
  Dataset<float> d;
  d.x = samples_from_js(data["x"], data["inputWidth"].as<int>(), n, "data set x");
  d.y = samples_from_js(data["y"], data["outputWidth"].as<int>(), n, "data set y");
  d.labels = ints_from_js(data["labels"]);
  // Absent: a data set built before regression existed, a classification (types.ts).
  const val problem = data["problem"];
  if (!problem.isUndefined()) d.problem = parse_problem(problem.as<std::string>());
  validate(d);
  return d;
}

val dataset_to_js(const Dataset<float>& d) {
  val out = val::object();
  out.set("x", samples_to_js(d.x));
  out.set("y", samples_to_js(d.y));
  out.set("labels", ints_to_js(d.labels));
  out.set("n", d.size());
  out.set("inputWidth", static_cast<int>(d.x.rows()));
  out.set("outputWidth", static_cast<int>(d.y.rows()));
  out.set("problem", std::string(problem_name(d.problem)));
  return out;
}

val make_synthetic_js(const std::string& kind, int n, double noise, double seed, int output_width,
                      int classes) {
  return guarded([&] {
    return dataset_to_js(
        make_synthetic(parse_synthetic(kind), n, noise, seed_from_js(seed), output_width, classes));
  });
}

val split_js(const val& data, double test_fraction, double seed) {
  return guarded([&] {
    Dataset<float> train, test;
    split(dataset_from_js_object(data), test_fraction, seed_from_js(seed), train, test);
    val out = val::object();
    out.set("train", dataset_to_js(train));
    out.set("test", dataset_to_js(test));
    return out;
  });
}

val parse_idx_js(const val& bytes) {
  return guarded([&] {
    const std::vector<std::uint8_t> raw = bytes_from_js(bytes);
    const IdxArray a = parse_idx(raw.data(), raw.size());
    val out = val::object();
    out.set("dims", ints_to_js(a.dims));
    out.set("data", bytes_to_js(a.data));
    return out;
  });
}

val idx_dataset_js(const val& images, const val& labels, int num_classes, int limit) {
  return guarded([&] {
    return dataset_to_js(idx_dataset(idx_from_js(images), idx_from_js(labels), num_classes, limit));
  });
}

}  // namespace gradscope::wasm
