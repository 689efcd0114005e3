#include "forward.hpp"

#include <stdexcept>
#include <string>

#include "kernels/kernels.hpp"

namespace gradscope {

template <typename T>
void check_input(const Network<T>& net, const Matrix<T>& x) {
  if (x.rows() != net.input_size()) {
    throw std::invalid_argument("input width " + std::to_string(x.rows()) +
                                " does not match the input layer size " +
                                std::to_string(net.input_size()));
  }
}

template <typename T>
void forward(const Network<T>& net, const Matrix<T>& x, ForwardPass<T>& fp, bool derivatives) {
  check_input(net, x);
  const int L = net.num_layers();
  fp.z.resize(L + 1);
  fp.a.resize(L + 1);
  fp.d.resize(L + 1);
  fp.a[1] = x;  // a^1 = x
  for (int l = 2; l <= L; ++l) {
    // z^l = w^l a^(l-1) + b^l, a^l = σ(z^l) and (for backprop) σ'(z^l), in one pass.
    kernels::affine_activate(net.activation(l), net.w(l), fp.a[l - 1], net.b(l), fp.z[l], fp.a[l],
                             derivatives ? &fp.d[l] : nullptr);
  }
}

template <typename T>
Matrix<T> predict(const Network<T>& net, const Matrix<T>& x) {
  ForwardPass<T> fp;
  forward(net, x, fp, false);
  return std::move(fp.a.back());
}

template <typename T>
Matrix<T> activations(const Network<T>& net, const Matrix<T>& x, int l) {
  if (l < 1 || l > net.num_layers()) {
    throw std::invalid_argument("layer " + std::to_string(l) + " is not one of 1 … " +
                                std::to_string(net.num_layers()) + " (the network's layers)");
  }
  check_input(net, x);
  Matrix<T> a = x;  // a^1 = x
  Matrix<T> z, next;
  for (int k = 2; k <= l; ++k) {
    // a^k = σ(w^k a^(k-1) + b^k), the kernel forward() runs, so a^l is bit for bit its a[l].
    kernels::affine_activate<T>(net.activation(k), net.w(k), a, net.b(k), z, next, nullptr);
    a.swap(next);
  }
  return a;
}

template void check_input<float>(const Network<float>&, const Matrix<float>&);
template void check_input<double>(const Network<double>&, const Matrix<double>&);
template void forward<float>(const Network<float>&, const Matrix<float>&, ForwardPass<float>&,
                             bool);
template void forward<double>(const Network<double>&, const Matrix<double>&, ForwardPass<double>&,
                              bool);
template Matrix<float> predict<float>(const Network<float>&, const Matrix<float>&);
template Matrix<double> predict<double>(const Network<double>&, const Matrix<double>&);
template Matrix<float> activations<float>(const Network<float>&, const Matrix<float>&, int);
template Matrix<double> activations<double>(const Network<double>&, const Matrix<double>&, int);

}  // namespace gradscope
