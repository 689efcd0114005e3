#include "regularisation.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "cost.hpp"
#include "forward.hpp"
#include "kernels/kernels.hpp"

namespace gradscope {

double weight_decay_factor(double learning_rate, double l2, int n) {
  return l2 > 0.0 ? 1.0 - learning_rate * l2 / n : 1.0;
}

double l1_shrink(double learning_rate, double l1, int n) {
  return l1 > 0.0 ? learning_rate * l1 / n : 0.0;
}

template <typename T>
void apply_weight_penalties(Matrix<T>& w, T keep, T shrink) {
  T* p = w.data();
  for (Eigen::Index k = 0; k < w.size(); ++k) {
    const T sgn = p[k] > T(0) ? T(1) : (p[k] < T(0) ? T(-1) : T(0));
    p[k] = keep * p[k] - shrink * sgn;
  }
}

template <typename T>
void regularised_sgd_step(Matrix<T>& w, Vector<T>& b, const Matrix<T>& delta,
                          const Matrix<T>& a_prev, T step, T keep, T shrink) {
  if (shrink == T(0)) {
    kernels::sgd_step(w, b, delta, a_prev, step, keep);
    return;
  }
  apply_weight_penalties(w, keep, shrink);
  kernels::sgd_step(w, b, delta, a_prev, step, T(1));
}

template <typename T>
double regularised_cost(const Network<T>& net, const Dataset<T>& data, double l1, double l2,
                        int n) {
  if (!std::isfinite(l1) || l1 < 0.0 || !std::isfinite(l2) || l2 < 0.0) {
    throw std::invalid_argument("regularisation strengths must be finite and >= 0 (l1 " +
                                std::to_string(l1) + ", l2 " + std::to_string(l2) + ")");
  }
  if (n < 1) throw std::invalid_argument("training-set size n " + std::to_string(n) + " < 1");
  check_input(net, data.x);
  if (data.y.rows() != net.output_size() || data.y.cols() != data.x.cols()) {
    throw std::invalid_argument("targets do not fit the network's output layer");
  }
  const Matrix<T> z_L = [&] {
    ForwardPass<T> fp;
    forward(net, data.x, fp, false);
    return fp.z.back();
  }();
  const int L = net.num_layers();
  double sum_abs = 0.0, sum_sq = 0.0;
  for (int l = 2; l <= L; ++l) {
    const Matrix<double> w = net.w(l).template cast<double>();
    sum_abs += w.cwiseAbs().sum();
    sum_sq += w.squaredNorm();
  }
  return cost_value(net.cost(), net.activation(L), z_L, data.y) + l1 / n * sum_abs +
         l2 / (2.0 * n) * sum_sq;
}

template void apply_weight_penalties<float>(Matrix<float>&, float, float);
template void apply_weight_penalties<double>(Matrix<double>&, double, double);
template void regularised_sgd_step<float>(Matrix<float>&, Vector<float>&, const Matrix<float>&,
                                          const Matrix<float>&, float, float, float);
template void regularised_sgd_step<double>(Matrix<double>&, Vector<double>&, const Matrix<double>&,
                                           const Matrix<double>&, double, double, double);
template double regularised_cost<float>(const Network<float>&, const Dataset<float>&, double,
                                        double, int);
template double regularised_cost<double>(const Network<double>&, const Dataset<double>&, double,
                                         double, int);

}  // namespace gradscope
