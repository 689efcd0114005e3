#include "dataset.hpp"

#include <cmath>
#include <stdexcept>

#include "catalogue.hpp"
#include "evaluation.hpp"
#include "rng.hpp"

namespace gradscope {

template <typename T>
void validate(const Dataset<T>& d) {
  if (d.x.cols() != d.y.cols()) {
    throw std::invalid_argument("data set has " + std::to_string(d.x.cols()) + " inputs but " +
                                std::to_string(d.y.cols()) + " targets");
  }
  if (d.problem == ProblemKind::kRegression) {
    if (!d.labels.empty()) {
      throw std::invalid_argument("a regression data set has no labels, got " +
                                  std::to_string(d.labels.size()));
    }
  } else if (static_cast<Eigen::Index>(d.labels.size()) != d.x.cols()) {
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

namespace {

constexpr double kPi = 3.14159265358979323846;

// The class count asked for, checked against the row's range.
int checked_classes(const SyntheticInfo& row, std::optional<int> classes) {
  const int k = classes.value_or(row.classes);
  if (k < row.min_classes || k > row.max_classes) {
    if (row.problem == ProblemKind::kRegression) {
      throw std::invalid_argument("classes " + std::to_string(k) + " for " + row.name +
                                  " must be 0 (a regression set)");
    }
    throw std::invalid_argument("classes " + std::to_string(k) + " for " + row.name +
                                " must be in [" + std::to_string(row.min_classes) + ", " +
                                std::to_string(row.max_classes) + "]");
  }
  return k;
}

void check_output_width(const SyntheticInfo& row, int classes, int output_width) {
  if (row.problem == ProblemKind::kRegression) {
    if (output_width != 1) {
      throw std::invalid_argument("output width " + std::to_string(output_width) +
                                  " for a regression set must be 1");
    }
  } else if (classes == 2) {
    if (output_width != 1 && output_width != 2) {
      throw std::invalid_argument("output width " + std::to_string(output_width) +
                                  " for a two-class set must be 1 or 2");
    }
  } else if (output_width != classes) {
    throw std::invalid_argument("output width " + std::to_string(output_width) + " for a " +
                                std::to_string(classes) + "-class set must be " +
                                std::to_string(classes));
  }
}

// Blob k of K: K = 2 is the original pair on the diagonal, (−0.4, −0.4) and (0.4, 0.4), written
// exactly; more blobs sit on the same circle (radius 0.4√2), class 0 still at 225°.
void blob_centre(int k, int classes, double& cx, double& cy) {
  if (classes == 2) {
    cx = cy = k == 1 ? 0.4 : -0.4;
    return;
  }
  const double r = 0.4 * std::sqrt(2.0), t = 1.25 * kPi + 2.0 * kPi * k / classes;
  cx = r * std::cos(t);
  cy = r * std::sin(t);
}

// TensorFlow Playground's "multi gaussian" bumps (centres (±4, ±2.5), (0, ±2.5) of its [−6, 6]²
// scaled by 1/6 into [−1, 1]², signs alternating), here a signed sum of Gaussians of width
// σ = 0.2: y = Σ_k s_k exp(−|p − c_k|² / (2σ²)). The bumps are ≥ 2/3 apart, so |y| < 1.
double bumps(double x1, double x2) {
  constexpr double kBumps[6][3] = {{-4.0 / 6, 2.5 / 6, 1}, {0, 2.5 / 6, -1},
                                   {4.0 / 6, 2.5 / 6, 1},  {-4.0 / 6, -2.5 / 6, -1},
                                   {0, -2.5 / 6, 1},       {4.0 / 6, -2.5 / 6, -1}};
  constexpr double kTwoSigmaSquared = 2 * 0.2 * 0.2;
  double y = 0;
  for (const auto& b : kBumps) {
    const double dx = x1 - b[0], dy = x2 - b[1];
    y += b[2] * std::exp(-(dx * dx + dy * dy) / kTwoSigmaSquared);
  }
  return y;
}

// The regression sets' targets f(p) of a clean point p (x2 unused by the 1-D sets).
double regression_value(SyntheticKind kind, double x1, double x2) {
  switch (kind) {
    case SyntheticKind::kPlane:  // TensorFlow Playground's plane
      return (x1 + x2) / 2.0;
    case SyntheticKind::kBumps:
      return bumps(x1, x2);
    case SyntheticKind::kSine:
      return std::sin(kPi * x1);
    case SyntheticKind::kAbs:
      return std::abs(x1);
    case SyntheticKind::kStep:  // Nielsen's chapter-4 step: hard for smooth units
      return x1 < 0.0 ? -0.5 : 0.5;
    case SyntheticKind::kCircle:
    case SyntheticKind::kXor:
    case SyntheticKind::kGaussians:
    case SyntheticKind::kSpiral:
      break;
  }
  throw std::invalid_argument(std::string(synthetic_name(kind)) + " is not a regression set");
}

// A clean point p uniform in [−1, 1]^d (d = row.input_features), the input p + noise·N(0, 1) per
// coordinate, the target f(p) + noise·N(0, 1).
Dataset<float> make_regression(const SyntheticInfo& row, int n, double noise, Rng& rng) {
  const int d = row.input_features;
  Dataset<float> out;
  out.problem = ProblemKind::kRegression;
  out.x.resize(d, n);
  out.y.resize(1, n);
  for (int i = 0; i < n; ++i) {
    double p[2] = {0.0, 0.0};
    for (int j = 0; j < d; ++j) p[j] = 2.0 * rng.uniform() - 1.0;
    const double value = regression_value(row.id, p[0], p[1]);
    for (int j = 0; j < d; ++j) out.x(j, i) = static_cast<float>(p[j] + noise * rng.normal());
    out.y(0, i) = static_cast<float>(value + noise * rng.normal());
  }
  return out;
}

}  // namespace

Dataset<float> make_synthetic(SyntheticKind kind, int n, double noise, std::uint64_t seed,
                              int output_width, std::optional<int> classes_asked) {
  const SyntheticInfo& row = synthetic_info(kind);
  if (n < 2) throw std::invalid_argument("sample count " + std::to_string(n) + " < 2");
  if (!(noise >= 0.0 && noise <= 1.0)) {
    throw std::invalid_argument("noise " + std::to_string(noise) + " is outside [0, 1]");
  }
  const int classes = checked_classes(row, classes_asked);
  check_output_width(row, classes, output_width);
  Rng rng(seed);
  if (row.problem == ProblemKind::kRegression) return make_regression(row, n, noise, rng);
  Dataset<float> d;
  d.x.resize(2, n);
  d.labels.resize(n);
  const double pi = kPi;
  for (int i = 0; i < n; ++i) {
    double px = 0, py = 0;
    int label = i % classes;  // classes take turns so any prefix is balanced
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
        // Blob `label`: its centre plus N(0, 0.15²) per coordinate.
        double cx = 0, cy = 0;
        blob_centre(label, classes, cx, cy);
        px = cx + 0.15 * rng.normal();
        py = cy + 0.15 * rng.normal();
        break;
      }
      case SyntheticKind::kSpiral: {
        // K interleaved arms, arm k rotated by 2πk/K (K = 2: by 0 and π). The radius grows from
        // 0.05 to 0.95 over 1.75 turns.
        const double s = rng.uniform();
        const double r = 0.05 + 0.9 * s;
        const double t = 1.75 * 2.0 * pi * s + (label == 0 ? 0.0 : 2.0 * pi * label / classes);
        px = r * std::sin(t);
        py = r * std::cos(t);
        break;
      }
      case SyntheticKind::kPlane:
      case SyntheticKind::kBumps:
      case SyntheticKind::kSine:
      case SyntheticKind::kAbs:
      case SyntheticKind::kStep:
        throw std::invalid_argument(std::string(row.name) + " is a regression set");
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
  out.problem = d.problem;
  const bool labelled = d.problem == ProblemKind::kClassification;  // regression: no labels
  if (labelled) out.labels.resize(indices.size());
  for (std::size_t i = 0; i < indices.size(); ++i) {
    out.x.col(i) = d.x.col(indices[i]);
    out.y.col(i) = d.y.col(indices[i]);
    if (labelled) out.labels[i] = d.labels[indices[i]];
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
  for (int i = 0; i < static_cast<int>(all.labels.size()); ++i) {  // none for regression
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
