#include "chain_adapter.hpp"

#include "backprop.hpp"
#include "chain.hpp"
#include "error_slot.hpp"
#include "js_arrays.hpp"

namespace gradscope::wasm {

using emscripten::val;

namespace {

const char* term_kind_name(ChainTermKind k) {
  switch (k) {
    case ChainTermKind::kSigmaPrime:
      return "sigma-prime";
    case ChainTermKind::kWeight:
      return "weight";
    case ChainTermKind::kCostGradient:
      return "cost-gradient";
  }
  return "";
}

double backprop_dC_db1(const Network<float>& net, double x, double y) {
  Matrix<float> xm(1, 1), ym(1, 1);
  xm(0, 0) = static_cast<float>(x);
  ym(0, 0) = static_cast<float>(y);
  return static_cast<double>(backprop(net, xm, ym).b[2](0));  // neuron 1 is layer 2
}

}  // namespace

val chain_product_js(const val& weights, const val& biases, const std::string& activation,
                     const std::string& cost, double x, double y) {
  return guarded([&] {
    const Network<float> net = make_chain<float>(doubles_from_js(weights), doubles_from_js(biases),
                                                 parse_activation(activation), parse_cost(cost));
    const ChainProduct p = chain_product(net, x, y);
    val neurons = val::array();
    for (const ChainNeuron& u : p.neurons) {
      val o = val::object();
      o.set("j", u.j);
      o.set("w", u.w);
      o.set("b", u.b);
      o.set("z", u.z);
      o.set("a", u.a);
      o.set("sigmaPrime", u.sigma_prime);
      neurons.call<void>("push", o);
    }
    val terms = val::array();
    for (const ChainTerm& t : p.terms) {
      val o = val::object();
      o.set("kind", std::string(term_kind_name(t.kind)));
      o.set("j", t.j);
      o.set("value", t.value);
      o.set("running", t.running);
      terms.call<void>("push", o);
    }
    val out = val::object();
    out.set("neurons", neurons);
    out.set("terms", terms);
    out.set("cost", p.cost);
    out.set("costGradient", p.cost_gradient);
    out.set("dCdb1", p.dC_db1);
    out.set("backpropDCdb1", backprop_dC_db1(net, x, y));
    return out;
  });
}

val chain_centered_biases_js(const val& weights, const std::string& activation, double x) {
  return guarded([&] {
    const std::vector<double> w = doubles_from_js(weights);
    // The cost does not enter z; quadratic accepts every activation.
    Network<float> net = make_chain<float>(w, std::vector<double>(w.size(), 0.0),
                                           parse_activation(activation), Cost::kQuadratic);
    center_chain_biases(net, x);
    std::vector<double> b;
    for (int l = 2; l <= net.num_layers(); ++l) b.push_back(static_cast<double>(net.b(l)(0)));
    return doubles_to_js(b);
  });
}

}  // namespace gradscope::wasm
