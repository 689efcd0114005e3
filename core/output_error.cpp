#include "output_error.hpp"

#include <algorithm>
#include <vector>

#include "cost.hpp"
#include "kernels/kernels.hpp"
#include "softmax_parts.hpp"

namespace gradscope {

namespace {

// a − y for one element-wise output in T, from a = σ(z) and d = σ'(z) formed from z (so d keeps
// its digits in saturation): where |a| ≥ ½ the tail 1 − |a| is read off d instead of subtracting,
//   sigmoid  1 − a = σ(−z) = σ'(z)/a          (σ' = a(1 − a))
//   tanh     1 − a = tanh'(z)/(1 + a), 1 + a = tanh'(z)/(1 − a)   (tanh' = (1 − a)(1 + a)).
template <typename T>
T residual(Activation f, T a, T d, T y) {
  switch (f) {
    case Activation::kSigmoid:
      return a >= T(0.5) ? (T(1) - y) - d / a : a - y;
    case Activation::kTanh:
      if (a >= T(0.5)) return (T(1) - y) - d / (T(1) + a);
      if (a <= T(-0.5)) return d / (T(1) - a) - (T(1) + y);
      return a - y;
    default:
      return a - y;
  }
}

// Softmax + log-likelihood: δ = a Σ_j y_j − y per column (Jᵀ(−y/a) with Σ_i a_i = 1). For the
// largest output t, a_t Σy − y_t = Σ_(k≠t) y_k − (1 − a_t) Σy with 1 − a_t summed from the other
// outputs; the others are ≤ ½ and need nothing special.
template <typename T>
void softmax_log_likelihood(const Matrix<T>& a, const Matrix<T>& y, Matrix<T>& delta) {
  delta.resize(a.rows(), a.cols());
  const Eigen::Index n = a.rows();
  for (Eigen::Index col = 0; n > 0 && col < a.cols(); ++col) {
    const T* ac = a.data() + col * n;
    const T* yc = y.data() + col * n;
    T* dc = delta.data() + col * n;
    const T y_sum = y.col(col).sum();
    for (Eigen::Index i = 0; i < n; ++i) dc[i] = ac[i] * y_sum - yc[i];
    const Eigen::Index t = largest_index(ac, n);
    dc[t] = sum_except(yc, n, t) - sum_except(ac, n, t) * y_sum;
  }
}

// The row of the 1 when the column y[0 … n) is one-hot (one 1, the rest 0), else −1.
template <typename T>
Eigen::Index one_hot_index(const T* y, Eigen::Index n) {
  Eigen::Index hot = -1;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (y[i] == T(1) && hot < 0) {
      hot = i;
    } else if (y[i] != T(0)) {
      return -1;
    }
  }
  return hot;
}

// Softmax with quadratic or cross-entropy cost, per column in double from z (SoftmaxColumn), the
// Jacobian product written so that no 1 − a_j is formed:
//   quadratic      δ_j = a_j Σ_(i≠j) a_i (g_j − g_i), g = a − y; for one-hot y (the 1 at s)
//                  expanded further (below) so that ties between outputs do not cancel
//   cross-entropy  δ_j = (a_j − y_j) − a_j Σ_(i≠j) r_i, r_i = (a_i − y_i)/(1 − a_i), with
//                  a_j r_t = (a_j/(1 − a_t)) (a_t − y_t) from the softmax over the others.
template <typename T>
void softmax_from_z(Cost c, const Matrix<T>& z, const Matrix<T>& y, Matrix<T>& delta) {
  delta.resize(z.rows(), z.cols());
  const Eigen::Index n = z.rows();
  SoftmaxColumn s;
  std::vector<double> g(n), r(n);
  for (Eigen::Index col = 0; n > 0 && col < z.cols(); ++col) {
    s.evaluate(z.data() + col * n, n);
    const T* yc = y.data() + col * n;
    T* dc = delta.data() + col * n;
    const Eigen::Index t = s.top;
    for (Eigen::Index i = 0; i < n; ++i) g[i] = s.a[i] - static_cast<double>(yc[i]);  // a − y
    g[t] = (1.0 - static_cast<double>(yc[t])) - s.rest;
    if (c == Cost::kQuadratic) {
      const Eigen::Index hot = one_hot_index(yc, n);
      for (Eigen::Index j = 0; j < n; ++j) {
        // δ_j = a_j (g_j − Σ_i a_i g_i), with the bracket as a sum that does not cancel. O(n²)
        // per column: the O(n) form a_j (g_j − Σ_i a_i g_i) cancels where outputs tie.
        double sum = 0.0;
        if (hot < 0) {  // Σ_(i≠j) a_i (g_j − g_i)
          for (Eigen::Index i = 0; i < n; ++i) sum += i == j ? 0.0 : s.a[i] * (g[j] - g[i]);
        } else if (j == hot) {  // −Σ_(i≠s) a_i ((1 − a_s) + a_i)
          const double rest = -g[hot];
          for (Eigen::Index i = 0; i < n; ++i) sum -= i == hot ? 0.0 : s.a[i] * (rest + s.a[i]);
        } else {  // 2 a_s a_j + Σ_(i≠j,s) a_i (a_s + a_j − a_i)
          // a_s + a_j − a_i as (max − a_i) + min: the subtraction is exact where it cancels
          // (Sterbenz), so a tie a_i = a_s leaves exactly a_j.
          const double big = std::max(s.a[hot], s.a[j]), small = std::min(s.a[hot], s.a[j]);
          sum = 2.0 * s.a[hot] * s.a[j];
          for (Eigen::Index i = 0; i < n; ++i) {
            sum += i == j || i == hot ? 0.0 : s.a[i] * ((big - s.a[i]) + small);
          }
        }
        dc[j] = static_cast<T>(s.a[j] * sum);
      }
    } else {               // cross-entropy
      double r_sum = 0.0;  // Σ_(i≠t) r_i; each 1 − a_i ≥ ½ there
      for (Eigen::Index i = 0; i < n; ++i) {
        r[i] = i == t ? 0.0 : g[i] / (1.0 - s.a[i]);
        r_sum += r[i];
      }
      for (Eigen::Index j = 0; j < n; ++j) {
        dc[j] = static_cast<T>(j == t ? g[t] - s.a[t] * r_sum
                                      : g[j] - s.a[j] * (r_sum - r[j]) - s.others[j] * g[t]);
      }
    }
  }
}

}  // namespace

template <typename T>
void output_error(const Network<T>& net, const ForwardPass<T>& fp, const Matrix<T>& y,
                  OutputErrorForm form, Matrix<T>& delta_L) {
  const int L = net.num_layers();
  const Matrix<T>& z_L = fp.z[L];
  const Matrix<T>& a_L = fp.a[L];
  const Matrix<T>& d_L = fp.d[L];
  const Activation f = net.activation(L);
  const Cost c = net.cost();
  if (form == OutputErrorForm::kGeneral) {
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
    kernels::hadamard_in_place(delta_L, d_L);  // BP1: δ^L = ∂C/∂a^L ⊙ σ'(z^L)
    return;
  }
  if (f == Activation::kSoftmax) {
    if (c == Cost::kLogLikelihood) {
      softmax_log_likelihood(a_L, y, delta_L);
    } else {
      softmax_from_z(c, z_L, y, delta_L);
    }
    return;
  }
  delta_L.resize(a_L.rows(), a_L.cols());
  const T* ap = a_L.data();
  const T* dp = d_L.data();
  const T* yp = y.data();
  T* out = delta_L.data();
  if (c == Cost::kCrossEntropy) {
    // Sigmoid (validate): σ'(z^L) = a(1 − a) cancels the cost's 1/(a(1 − a)), so δ^L = a − y.
    for (Eigen::Index k = 0; k < a_L.size(); ++k) out[k] = residual(f, ap[k], dp[k], yp[k]);
    return;
  }
  // Quadratic: δ^L = (a^L − y) ⊙ σ'(z^L).
  for (Eigen::Index k = 0; k < a_L.size(); ++k) out[k] = residual(f, ap[k], dp[k], yp[k]) * dp[k];
}

template void output_error<float>(const Network<float>&, const ForwardPass<float>&,
                                  const Matrix<float>&, OutputErrorForm, Matrix<float>&);
template void output_error<double>(const Network<double>&, const ForwardPass<double>&,
                                   const Matrix<double>&, OutputErrorForm, Matrix<double>&);

}  // namespace gradscope
