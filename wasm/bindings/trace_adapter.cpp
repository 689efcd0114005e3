#include "trace_adapter.hpp"

#include "js_arrays.hpp"
#include "trace.hpp"

namespace gradscope::wasm {

using emscripten::val;

val trace_to_js(const Network<float>& net, const val& x, const val& y, bool with_update,
                double learning_rate, double l2, double l1, int n) {
  std::optional<TraceUpdateOptions> update;
  if (with_update) {
    TraceUpdateOptions o;
    o.learning_rate = learning_rate;
    o.l2 = l2;
    o.l1 = l1;
    o.n = n;
    update = o;
  }
  const Trace<float> t = trace(net, vector_from_js(x, net.input_size(), "x"),
                               vector_from_js(y, net.output_size(), "y"), update);
  val layers = val::array();
  for (const TraceLayer<float>& l : t.layers) {
    val o = val::object();
    o.set("layer", l.layer);
    o.set("weights", row_major_to_js(l.w));
    o.set("biases", vector_to_js(l.b));
    o.set("z", vector_to_js(l.z));
    o.set("a", vector_to_js(l.a));
    o.set("activationDerivative", vector_to_js(l.sigma_prime));
    if (l.output_jacobian.size() > 0) o.set("outputJacobian", row_major_to_js(l.output_jacobian));
    if (l.cost_gradient.size() > 0) o.set("costGradient", vector_to_js(l.cost_gradient));
    if (l.weighted_error.size() > 0) o.set("weightedError", vector_to_js(l.weighted_error));
    o.set("delta", vector_to_js(l.delta));
    o.set("biasGradient", vector_to_js(l.dC_db));
    o.set("weightGradient", row_major_to_js(l.dC_dw));
    layers.call<void>("push", o);
  }
  val out = val::object();
  out.set("input", vector_to_js(t.x));
  out.set("target", vector_to_js(t.y));
  out.set("cost", t.cost);
  out.set("bp1Form", std::string(bp1_form_name(t.bp1_form)));
  out.set("layers", layers);
  if (t.has_update) {
    val updated = val::array();
    for (const TraceUpdate<float>& u : t.updated) {
      val o = val::object();
      o.set("layer", u.layer);
      o.set("weights", row_major_to_js(u.w));
      o.set("biases", vector_to_js(u.b));
      updated.call<void>("push", o);
    }
    out.set("updated", updated);
    out.set("costAfter", t.cost_after);
  }
  return out;
}

}  // namespace gradscope::wasm
