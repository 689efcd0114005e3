// Pieces of one softmax column that the saturation-safe forms share (activation σ' diagonal,
// δ^L, costs): which output is largest, and sums over the others. With a_t the largest output,
// every other a_i ≤ 1/2, so only 1 − a_t can cancel; it is summed as Σ_(k≠t) a_k instead.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <vector>

namespace gradscope {

// Index of the largest of v[0 … n) (the first on ties; 0 when n ≥ 1 and every value is NaN).
template <typename T>
Eigen::Index largest_index(const T* v, Eigen::Index n) {
  Eigen::Index top = 0;
  for (Eigen::Index i = 1; i < n; ++i) top = v[i] > v[top] ? i : top;
  return top;
}

// Σ_(k≠skip) v[k], in index order.
template <typename T>
T sum_except(const T* v, Eigen::Index n, Eigen::Index skip) {
  T s = T(0);
  for (Eigen::Index k = 0; k < n; ++k) s += k == skip ? T(0) : v[k];
  return s;
}

// One column a = softmax(z), evaluated in double from z in the forms the saturation-safe δ^L and
// costs need (docs/numerics.md). t is the largest z; lse = ln Σ_k e^(z_k).
struct SoftmaxColumn {
  Eigen::Index top = 0;        // t
  std::vector<double> a;       // a_i = e^(z_i − lse)
  std::vector<double> ln_a;    // ln a_i = z_i − lse, finite however small a_i is
  double rest = 0.0;           // 1 − a_t = Σ_(k≠t) a_k, never formed as 1 − a_t
  double ln_rest = 0.0;        // ln(1 − a_t) = ln Σ_(k≠t) e^(z_k) − lse
  std::vector<double> others;  // a_j / (1 − a_t) for j ≠ t (softmax over the others), 0 at t

  // n ≥ 2 (a softmax layer has at least two units). NaN in z makes everything NaN.
  template <typename T>
  void evaluate(const T* z, Eigen::Index n);
};

template <typename T>
void SoftmaxColumn::evaluate(const T* z, Eigen::Index n) {
  a.resize(n);
  ln_a.resize(n);
  others.resize(n);
  top = largest_index(z, n);
  const double m = static_cast<double>(z[top]);
  // lse − m = ln(1 + Σ_(k≠t) e^(z_k − m)): log1p keeps ln a_t = −(lse − m) exact near 0.
  double tail = 0.0, m2 = -INFINITY;
  for (Eigen::Index k = 0; k < n; ++k) {
    if (k == top) continue;
    tail += std::exp(static_cast<double>(z[k]) - m);
    m2 = std::max(m2, static_cast<double>(z[k]));
  }
  const double lse_minus_m = std::log1p(tail);
  for (Eigen::Index i = 0; i < n; ++i) {
    ln_a[i] = (static_cast<double>(z[i]) - m) - lse_minus_m;
    a[i] = std::exp(ln_a[i]);
  }
  // The others shifted by their own largest logit m2, so their sum is ≥ 1 and cannot underflow
  // however far below z_t they lie.
  double others_sum = 0.0;
  for (Eigen::Index k = 0; k < n; ++k) {
    others[k] = k == top ? 0.0 : std::exp(static_cast<double>(z[k]) - m2);
    others_sum += others[k];
  }
  for (double& v : others) v /= others_sum;
  ln_rest = (m2 - m) + std::log(others_sum) - lse_minus_m;
  rest = std::exp(ln_rest);
}

}  // namespace gradscope
