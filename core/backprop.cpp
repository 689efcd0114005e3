#include "backprop.hpp"

#include <stdexcept>
#include <string>

#include "kernels/kernels.hpp"

namespace gradscope {

template <typename T>
void backprop_errors(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y,
                     ForwardPass<T>& fp, Gradients<T>& g, OutputErrorForm form) {
  if (y.rows() != net.output_size() || y.cols() != x.cols()) {
    throw std::invalid_argument("targets are " + std::to_string(y.rows()) + "x" +
                                std::to_string(y.cols()) + ", expected " +
                                std::to_string(net.output_size()) + "x" + std::to_string(x.cols()) +
                                " (output size x batch)");
  }
  if (x.cols() == 0) throw std::invalid_argument("batch size 0: a batch needs at least 1 sample");
  const int L = net.num_layers();
  forward(net, x, fp, true);
  g.delta.resize(L + 1);

  output_error(net, fp, y, form, g.delta[L]);  // BP1
  for (int l = L - 1; l >= 2; --l) {
    // BP2: δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l)
    kernels::transpose_times_hadamard(net.w(l + 1), g.delta[l + 1], fp.d[l], g.delta[l]);
  }
}

template <typename T>
void backprop(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y, ForwardPass<T>& fp,
              Gradients<T>& g, OutputErrorForm form) {
  backprop_errors(net, x, y, fp, g, form);
  const int L = net.num_layers();
  g.cost = cost_value(net.cost(), net.activation(L), fp.z[L], y);  // from z^L: exact in saturation
  g.w.resize(L + 1);
  g.b.resize(L + 1);
  const T inv_m = T(1) / static_cast<T>(x.cols());
  for (int l = 2; l <= L; ++l) {
    // BP3 ∂C/∂b^l = δ^l and BP4 ∂C/∂w^l = δ^l (a^(l-1))ᵀ, averaged over the batch.
    kernels::outer_sum(g.delta[l], fp.a[l - 1], inv_m, g.w[l], g.b[l]);
  }
}

template <typename T>
Gradients<T> backprop(const Network<T>& net, const Matrix<T>& x, const Matrix<T>& y,
                      OutputErrorForm form) {
  ForwardPass<T> fp;
  Gradients<T> g;
  backprop(net, x, y, fp, g, form);
  return g;
}

#define GRADSCOPE_INSTANTIATE(T)                                                           \
  template void backprop_errors<T>(const Network<T>&, const Matrix<T>&, const Matrix<T>&,  \
                                   ForwardPass<T>&, Gradients<T>&, OutputErrorForm);       \
  template void backprop<T>(const Network<T>&, const Matrix<T>&, const Matrix<T>&,         \
                            ForwardPass<T>&, Gradients<T>&, OutputErrorForm);              \
  template Gradients<T> backprop<T>(const Network<T>&, const Matrix<T>&, const Matrix<T>&, \
                                    OutputErrorForm);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
