#include "dataset.hpp"

#include <cmath>
#include <stdexcept>

#include "rng.hpp"
#include "sgd.hpp"

namespace gradscope {

template <typename T>
void validate(const Dataset<T>& d) {
  if (d.x.cols() != d.y.cols()) {
    throw std::invalid_argument("data set has " + std::to_string(d.x.cols()) + " inputs but " +
                                std::to_string(d.y.cols()) + " targets");
  }
  if (static_cast<Eigen::Index>(d.labels.size()) != d.x.cols()) {
    throw std::invalid_argument("data set has " + std::to_string(d.x.cols()) + " samples but " +
                                std::to_string(d.labels.size()) + " labels");
  }
  for (const Matrix<T>* m : {&d.x, &d.y}) {
    for (Eigen::Index k = 0; k < m->size(); ++k) {
      if (!std::isfinite(m->data()[k])) {
        throw std::invalid_argument(std::string(m == &d.x ? "input" : "target") + " value " +
                                    std::to_string(m->data()[k]) + " of sample " +
                                    std::to_string(k / m->rows()) + " is not finite");
      }
    }
  }
}

template <typename T>
Matrix<T> targets_from_labels(const std::vector<int>& labels, int width) {
  if (width < 1) throw std::invalid_argument("target width " + std::to_string(width) + " < 1");
  Matrix<T> y = Matrix<T>::Zero(width, static_cast<Eigen::Index>(labels.size()));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const int c = labels[i];
    if (width == 1) {
      if (c != 0 && c != 1) {
        throw std::invalid_argument("label " + std::to_string(c) + " of sample " +
                                    std::to_string(i) + " is not 0 or 1 (one output unit)");
      }
      y(0, i) = static_cast<T>(c);
    } else {
      if (c < 0 || c >= width) {
        throw std::invalid_argument("label " + std::to_string(c) + " of sample " +
                                    std::to_string(i) + " is outside 0.." +
                                    std::to_string(width - 1));
      }
      y(c, i) = T(1);
    }
  }
  return y;
}

Dataset<float> make_synthetic(SyntheticKind kind, int n, double noise, std::uint64_t seed,
                              int output_width) {
  if (n < 2) throw std::invalid_argument("sample count " + std::to_string(n) + " < 2");
  if (!(noise >= 0.0 && noise <= 1.0)) {
    throw std::invalid_argument("noise " + std::to_string(noise) + " is outside [0, 1]");
  }
  if (output_width != 1 && output_width != 2) {
    throw std::invalid_argument("output width " + std::to_string(output_width) +
                                " for a two-class set must be 1 or 2");
  }
  Rng rng(seed);
  Dataset<float> d;
  d.x.resize(2, n);
  d.labels.resize(n);
  const double pi = 3.14159265358979323846;
  for (int i = 0; i < n; ++i) {
    double px = 0, py = 0;
    int label = i % 2;  // classes alternate so any prefix is balanced
    switch (kind) {
      case SyntheticKind::kCircle: {
        // Class 1 inside radius 0.5, class 0 in the ring 0.7 … 1 (TensorFlow Playground's layout).
        const double r = label == 1 ? 0.5 * rng.uniform() : 0.7 + 0.3 * rng.uniform();
        const double t = 2.0 * pi * rng.uniform();
        px = r * std::cos(t);
        py = r * std::sin(t);
        break;
      }
      case SyntheticKind::kXor: {
        // Quadrants, kept 0.05 away from the axes; class 1 where x·y > 0.
        const double ax = 0.05 + 0.95 * rng.uniform(), ay = 0.05 + 0.95 * rng.uniform();
        const double sx = rng.uniform() < 0.5 ? -1.0 : 1.0;
        const double sy = label == 1 ? sx : -sx;
        px = sx * ax;
        py = sy * ay;
        break;
      }
      case SyntheticKind::kGaussians: {
        const double c = label == 1 ? 0.4 : -0.4;
        px = c + 0.15 * rng.normal();
        py = c + 0.15 * rng.normal();
        break;
      }
      case SyntheticKind::kSpiral: {
        // Two interleaved arms, one rotated by π.
        const double s = rng.uniform();
        const double r = 0.05 + 0.9 * s;
        const double t = 1.75 * 2.0 * pi * s + (label == 1 ? pi : 0.0);
        px = r * std::sin(t);
        py = r * std::cos(t);
        break;
      }
    }
    px += noise * rng.normal();
    py += noise * rng.normal();
    d.x(0, i) = static_cast<float>(px);
    d.x(1, i) = static_cast<float>(py);
    d.labels[i] = label;
  }
  d.y = targets_from_labels<float>(d.labels, output_width);
  return d;
}

template <typename T>
Dataset<T> select(const Dataset<T>& d, const std::vector<int>& indices) {
  Dataset<T> out;
  out.x.resize(d.x.rows(), static_cast<Eigen::Index>(indices.size()));
  out.y.resize(d.y.rows(), static_cast<Eigen::Index>(indices.size()));
  out.labels.resize(indices.size());
  for (std::size_t i = 0; i < indices.size(); ++i) {
    out.x.col(i) = d.x.col(indices[i]);
    out.y.col(i) = d.y.col(indices[i]);
    out.labels[i] = d.labels[indices[i]];
  }
  return out;
}

template <typename T>
void split(const Dataset<T>& all, double test_fraction, std::uint64_t seed, Dataset<T>& train,
           Dataset<T>& test) {
  if (!(test_fraction >= 0.0 && test_fraction < 1.0)) {
    throw std::invalid_argument("test fraction " + std::to_string(test_fraction) +
                                " is outside [0, 1)");
  }
  std::vector<int> order(all.size());
  for (int i = 0; i < all.size(); ++i) order[i] = i;
  Rng rng(seed);
  rng.shuffle(order);
  validate(all);
  // A label that disagrees with its target would make accuracy measure something else.
  const std::vector<int> from_y = predicted_labels(all.y);
  for (int i = 0; i < all.size(); ++i) {
    if (all.labels[i] != from_y[i]) {
      throw std::invalid_argument("label " + std::to_string(all.labels[i]) + " of sample " +
                                  std::to_string(i) + " contradicts its target (class " +
                                  std::to_string(from_y[i]) + ")");
    }
  }
  const int n_test = static_cast<int>(std::lround(test_fraction * all.size()));
  if (n_test >= all.size()) {
    throw std::invalid_argument("test fraction " + std::to_string(test_fraction) + " of " +
                                std::to_string(all.size()) + " samples leaves no training samples");
  }
  train = select(all, std::vector<int>(order.begin(), order.end() - n_test));
  test = select(all, std::vector<int>(order.end() - n_test, order.end()));
}

#define GRADSCOPE_INSTANTIATE(T)                                                              \
  template void validate<T>(const Dataset<T>&);                                               \
  template Matrix<T> targets_from_labels<T>(const std::vector<int>&, int);                    \
  template void split<T>(const Dataset<T>&, double, std::uint64_t, Dataset<T>&, Dataset<T>&); \
  template Dataset<T> select<T>(const Dataset<T>&, const std::vector<int>&);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
