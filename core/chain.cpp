#include "chain.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "activation.hpp"
#include "cost.hpp"
#include "forward.hpp"

namespace gradscope {

void check_chain(const NetworkConfig& config) {
  for (std::size_t i = 0; i < config.layers.size(); ++i) {
    if (config.layers[i] != 1) {
      throw std::invalid_argument("a chain has one neuron per layer, but layer " +
                                  std::to_string(i + 1) + " has width " +
                                  std::to_string(config.layers[i]));
    }
  }
}

template <typename T>
Network<T> make_chain(const std::vector<double>& w, const std::vector<double>& b, Activation f,
                      Cost cost) {
  if (w.empty()) throw std::invalid_argument("a chain needs at least 1 neuron, got 0 weights");
  if (w.size() != b.size()) {
    throw std::invalid_argument("a chain needs one bias per weight: got " +
                                std::to_string(w.size()) + " weights and " +
                                std::to_string(b.size()) + " biases");
  }
  NetworkConfig config;
  config.layers.assign(w.size() + 1, 1);
  config.hidden = f;
  config.output = f;
  config.cost = cost;
  Network<T> net(config);
  for (std::size_t j = 1; j <= w.size(); ++j) {
    Matrix<T> wj(1, 1);
    Vector<T> bj(1);
    wj(0, 0) = static_cast<T>(w[j - 1]);
    bj(0) = static_cast<T>(b[j - 1]);
    net.set_parameters(static_cast<int>(j) + 1, wj, bj);  // neuron j is layer l = j + 1
  }
  return net;
}

namespace {

void check_finite(const char* what, double v) {
  if (!std::isfinite(v)) {
    throw std::invalid_argument(std::string(what) + " " + std::to_string(v) + " is not finite");
  }
}

}  // namespace

template <typename T>
ChainProduct chain_product(const Network<T>& net, double x, double y) {
  check_chain(net.config());
  check_finite("input x", x);
  check_finite("target y", y);
  // The same forward pass backprop makes, so every factor is the one backprop multiplies.
  Matrix<T> xm(1, 1), ym(1, 1);
  xm(0, 0) = static_cast<T>(x);
  ym(0, 0) = static_cast<T>(y);
  ForwardPass<T> fp;
  forward(net, xm, fp, true);
  const int n = net.num_layers() - 1;
  ChainProduct p;
  for (int j = 1; j <= n; ++j) {
    const int l = j + 1;  // neuron j is layer l
    ChainNeuron u;
    u.j = j;
    u.w = static_cast<double>(net.w(l)(0, 0));
    u.b = static_cast<double>(net.b(l)(0));
    u.z = static_cast<double>(fp.z[l](0, 0));  // z_j = w_j a_(j−1) + b_j
    u.a = static_cast<double>(fp.a[l](0, 0));
    u.sigma_prime = static_cast<double>(fp.d[l](0, 0));
    p.neurons.push_back(u);
  }
  // C and ∂C/∂a_n from z_n, exact where a_n rounds to 0 or 1 (σ'(z_n) above is formed from z_n
  // too, so σ'(z_n) × ∂C/∂a_n stays a − y for cross-entropy however saturated the neuron).
  const int L = net.num_layers();
  p.cost = cost_value(net.cost(), net.activation(L), fp.z[L], ym);
  p.cost_gradient = cost_gradient(net.cost(), net.activation(L), p.neurons.back().z,
                                  static_cast<double>(ym(0, 0)));

  // σ'(z_1) × w_2 × σ'(z_2) × … × w_n × σ'(z_n) × ∂C/∂a_n, read left to right.
  double running = 1.0;
  auto push = [&](ChainTermKind kind, int j, double value) {
    running *= value;
    p.terms.push_back({kind, j, value, running});
  };
  for (int j = 1; j <= n; ++j) {
    if (j > 1) push(ChainTermKind::kWeight, j, p.neurons[j - 1].w);
    push(ChainTermKind::kSigmaPrime, j, p.neurons[j - 1].sigma_prime);
  }
  push(ChainTermKind::kCostGradient, n, p.cost_gradient);
  p.dC_db1 = running;
  return p;
}

template <typename T>
void center_chain_biases(Network<T>& net, double x) {
  check_chain(net.config());
  check_finite("input x", x);
  double a_prev = x;
  for (int l = 2; l <= net.num_layers(); ++l) {
    const double w = static_cast<double>(net.w(l)(0, 0));
    Vector<T> b(1);
    b(0) = static_cast<T>(-w * a_prev);
    net.set_parameters(l, net.w(l), b);
    a_prev = activation_value(net.activation(l), w * a_prev + static_cast<double>(b(0)));
  }
}

#define GRADSCOPE_INSTANTIATE(T)                                                            \
  template Network<T> make_chain<T>(const std::vector<double>&, const std::vector<double>&, \
                                    Activation, Cost);                                      \
  template ChainProduct chain_product<T>(const Network<T>&, double, double);                \
  template void center_chain_biases<T>(Network<T>&, double);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
