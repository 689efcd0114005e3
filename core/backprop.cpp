#include "backprop.hpp"

#include <stdexcept>
#include <string>

#include "kernels/kernels.hpp"

namespace gradscope {

template <typename T>
void output_error(const Network<T>& net, const ForwardPass<T>& fp, const Matrix<T>& y,
                  OutputErrorForm form, Matrix<T>& delta_L) {
  const int L = net.num_layers();
  const Matrix<T>& a_L = fp.a[L];
  const Activation f = net.activation(L);
  const Cost c = net.cost();
  if (form == OutputErrorForm::kAuto && f == Activation::kSigmoid && c == Cost::kCrossEntropy) {
    delta_L = a_L - y;  // σ'(z^L) = a(1 − a) cancels the cost's 1/(a(1 − a)) exactly
    return;
  }
  if (form == OutputErrorForm::kAuto && f == Activation::kSoftmax && c == Cost::kLogLikelihood) {
    // Jᵀ(−y/a) = a Σ_j y_j − y per column: a − y for one-hot targets (Σ_j y_j = 1 exactly, so
    // bit for bit), and still exact for soft targets that do not sum to 1.
    delta_L = (a_L.array().rowwise() * y.colwise().sum().array()).matrix() - y;
    return;
  }
  if (c == Cost::kQuadratic && f != Activation::kSoftmax) {
    // BP1 with ∂C/∂a^L = a^L − y, in one pass: δ^L = (a^L − y) ⊙ σ'(z^L).
    kernels::difference_hadamard(a_L, y, fp.d[L], delta_L);
    return;
  }
  const Matrix<T> dC_da = cost_gradient(c, a_L, y);
  if (f == Activation::kSoftmax) {
    // δ^L = Jᵀ ∂C/∂a^L per sample, J = ∂a^L/∂z^L the softmax Jacobian (seed, section 1).
    delta_L.resize(a_L.rows(), a_L.cols());
    for (Eigen::Index col = 0; col < a_L.cols(); ++col) {
      const Vector<T> a_col = a_L.col(col);
      delta_L.col(col).noalias() = softmax_jacobian<T>(a_col).transpose() * dC_da.col(col);
    }
    return;
  }
  delta_L = dC_da;
  kernels::hadamard_in_place(delta_L, fp.d[L]);  // BP1: δ^L = ∂C/∂a^L ⊙ σ'(z^L)
}

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
  g.cost = cost_value(net.cost(), fp.a[L], y);

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

#define GRADSCOPE_INSTANTIATE(T)                                                            \
  template void output_error<T>(const Network<T>&, const ForwardPass<T>&, const Matrix<T>&, \
                                OutputErrorForm, Matrix<T>&);                               \
  template void backprop_errors<T>(const Network<T>&, const Matrix<T>&, const Matrix<T>&,   \
                                   ForwardPass<T>&, Gradients<T>&, OutputErrorForm);        \
  template void backprop<T>(const Network<T>&, const Matrix<T>&, const Matrix<T>&,          \
                            ForwardPass<T>&, Gradients<T>&, OutputErrorForm);               \
  template Gradients<T> backprop<T>(const Network<T>&, const Matrix<T>&, const Matrix<T>&,  \
                                    OutputErrorForm);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
