#include "catalogue_adapter.hpp"

#include "catalogue.hpp"

namespace gradscope::wasm {

using emscripten::val;

namespace {

val range(double lo, double hi) {
  val r = val::array();
  r.call<void>("push", lo);
  r.call<void>("push", hi);
  return r;
}

// A JavaScript array of convert(row) for each row of a table.
template <typename Row, std::size_t N, typename Convert>
val rows(const Row (&table)[N], Convert convert) {
  val out = val::array();
  for (const Row& row : table) out.call<void>("push", convert(row));
  return out;
}

}  // namespace

val core_catalogue() {
  val c = val::object();
  c.set("activations", rows(kActivations, [](const ActivationInfo& a) {
          val o = val::object();
          o.set("name", std::string(a.name));
          o.set("maxDerivative", a.max_derivative);
          o.set("derivativeRange", range(a.derivative_min, a.derivative_max));
          o.set("zeroDerivative", std::string(zero_derivative_name(a.zero_derivative)));
          o.set("hidden", a.hidden);
          o.set("output", a.output);
          o.set("outputRange", range(a.output_min, a.output_max));
          o.set("minOutputUnits", a.min_output_units);
          return o;
        }));
  c.set("costs", rows(kCosts, [](const CostInfo& k) {
          val o = val::object();
          o.set("name", std::string(k.name));
          return o;
        }));
  c.set("initialisers", rows(kInits, [](const InitInfo& i) {
          val o = val::object();
          o.set("name", std::string(i.name));
          return o;
        }));
  c.set("problems", rows(kProblems, [](const ProblemInfo& p) {
          val o = val::object();
          o.set("name", std::string(p.name));
          o.set("measure", std::string(p.measure));
          return o;
        }));
  c.set("datasets", rows(kSynthetics, [](const SyntheticInfo& s) {
          val o = val::object();
          o.set("name", std::string(s.name));
          o.set("kind", std::string(data_kind_name(s.kind)));
          o.set("problem", std::string(problem_name(s.problem)));
          o.set("inputFeatures", s.input_features);
          o.set("classes", s.classes);
          o.set("classRange", range(s.min_classes, s.max_classes));
          return o;
        }));
  c.set("features", rows(kFeatures, [](const FeatureInfo& f) {
          val o = val::object();
          o.set("name", std::string(f.name));
          return o;
        }));
  c.set("pairs", rows(kOutputCostPairs, [](const OutputCostPair& p) {
          val o = val::object();
          o.set("output", std::string(activation_name(p.output)));
          o.set("cost", std::string(cost_name(p.cost)));
          o.set("bp1", std::string(bp1_form_name(p.bp1)));
          return o;
        }));
  return c;
}

}  // namespace gradscope::wasm
