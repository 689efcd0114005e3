// Synthetic sets: deterministic, balanced, inside the plane the playground draws; K-class spirals
// and blobs; the regression sets' targets against their formulas, point by point.
#include "dataset.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "rng.hpp"

namespace gradscope {
namespace {

constexpr double kPi = 3.14159265358979323846;

TEST(Dataset, SyntheticSetsAreDeterministicAndBalanced) {
  for (auto kind : {SyntheticKind::kCircle, SyntheticKind::kXor, SyntheticKind::kGaussians,
                    SyntheticKind::kSpiral}) {
    const Dataset<float> a = make_synthetic(kind, 200, 0.05, 9);
    const Dataset<float> b = make_synthetic(kind, 200, 0.05, 9);
    const Dataset<float> c = make_synthetic(kind, 200, 0.05, 10);
    EXPECT_EQ(a.x, b.x) << synthetic_name(kind);
    EXPECT_NE(a.x, c.x) << synthetic_name(kind);
    int ones = 0;
    for (int l : a.labels) ones += l;
    EXPECT_EQ(ones, 100);
    EXPECT_LT(a.x.cwiseAbs().maxCoeff(), 1.5f);
    EXPECT_EQ(parse_synthetic(synthetic_name(kind)), kind);
  }
}

TEST(Dataset, ClassesFollowTheirGeometry) {
  const Dataset<float> xr = make_synthetic(SyntheticKind::kXor, 400, 0.0, 1);
  const Dataset<float> circle = make_synthetic(SyntheticKind::kCircle, 400, 0.0, 1);
  for (int i = 0; i < 400; ++i) {
    EXPECT_EQ(xr.labels[i], xr.x(0, i) * xr.x(1, i) > 0 ? 1 : 0);
    EXPECT_EQ(circle.labels[i], circle.x.col(i).norm() < 0.6f ? 1 : 0);
  }
}

TEST(Dataset, OneHotTargetsAndSplit) {
  const Dataset<float> d = make_synthetic(SyntheticKind::kGaussians, 100, 0.1, 3, 2);
  ASSERT_EQ(d.y.rows(), 2);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(d.y(d.labels[i], i), 1.0f);
  Dataset<float> train, test;
  split(d, 0.25, 4, train, test);
  EXPECT_EQ(train.size(), 75);
  EXPECT_EQ(test.size(), 25);
}

// The two-class gaussians and spiral as they were generated before the `classes` option (the
// code of that version, kept here as the fixture): K = 2 must give these points bit for bit, so
// old links and seeded runs reproduce.
Dataset<float> two_class_points_before_classes(SyntheticKind kind, int n, double noise,
                                               std::uint64_t seed) {
  Rng rng(seed);
  Dataset<float> d;
  d.x.resize(2, n);
  d.labels.resize(n);
  const double pi = kPi;
  for (int i = 0; i < n; ++i) {
    double px = 0, py = 0;
    const int label = i % 2;
    if (kind == SyntheticKind::kGaussians) {
      const double c = label == 1 ? 0.4 : -0.4;
      px = c + 0.15 * rng.normal();
      py = c + 0.15 * rng.normal();
    } else {
      const double s = rng.uniform();
      const double r = 0.05 + 0.9 * s;
      const double t = 1.75 * 2.0 * pi * s + (label == 1 ? pi : 0.0);
      px = r * std::sin(t);
      py = r * std::cos(t);
    }
    px += noise * rng.normal();
    py += noise * rng.normal();
    d.x(0, i) = static_cast<float>(px);
    d.x(1, i) = static_cast<float>(py);
    d.labels[i] = label;
  }
  return d;
}

TEST(Dataset, TwoClassesKeepThePointsOfBefore) {
  for (auto kind : {SyntheticKind::kGaussians, SyntheticKind::kSpiral}) {
    for (double noise : {0.0, 0.05, 0.3}) {
      const Dataset<float> old = two_class_points_before_classes(kind, 301, noise, 9);
      for (const Dataset<float>& now :
           {make_synthetic(kind, 301, noise, 9), make_synthetic(kind, 301, noise, 9, 2, 2)}) {
        ASSERT_EQ(now.x.cols(), 301);
        // Bitwise: memcmp-equal floats (EXPECT_EQ on Eigen matrices compares values).
        EXPECT_EQ(std::memcmp(now.x.data(), old.x.data(), sizeof(float) * old.x.size()), 0)
            << synthetic_name(kind) << " noise " << noise;
        EXPECT_EQ(now.labels, old.labels);
        EXPECT_EQ(now.problem, ProblemKind::kClassification);
      }
    }
  }
}

// K classes: labels i mod K (every class n/K times, every prefix balanced), one-hot targets by
// default width K, and each class where its geometry puts it.
TEST(Dataset, KClassSpiralsAndBlobs) {
  for (auto kind : {SyntheticKind::kSpiral, SyntheticKind::kGaussians}) {
    for (int k = 2; k <= 6; ++k) {
      const int n = 60 * k;
      const Dataset<float> d = make_synthetic(kind, n, 0.0, 5, k, k);
      ASSERT_EQ(d.y.rows(), k);
      std::vector<int> count(k, 0);
      for (int i = 0; i < n; ++i) {
        ASSERT_EQ(d.labels[i], i % k);
        ++count[d.labels[i]];
        EXPECT_EQ(d.y(d.labels[i], i), 1.0f);
        EXPECT_EQ(d.y.col(i).sum(), 1.0f);
      }
      for (int c = 0; c < k; ++c) EXPECT_EQ(count[c], 60) << synthetic_name(kind) << " K " << k;
      if (kind == SyntheticKind::kSpiral) {
        // Without noise, arm c is the curve r = 0.05 + 0.9 s, θ = 3.5π s + 2πc/K (x = r sin θ,
        // y = r cos θ): recover s from r and check the angle.
        for (int i = 0; i < n; ++i) {
          const double x = d.x(0, i), y = d.x(1, i);
          const double s = (std::hypot(x, y) - 0.05) / 0.9;
          const double t = 3.5 * kPi * s + 2.0 * kPi * d.labels[i] / k;
          EXPECT_NEAR(x, (0.05 + 0.9 * s) * std::sin(t), 1e-5) << "K " << k << " i " << i;
          EXPECT_NEAR(y, (0.05 + 0.9 * s) * std::cos(t), 1e-5) << "K " << k << " i " << i;
        }
      } else {
        // Each blob's mean lies near its centre on the circle of radius 0.4√2 (class 0 at 225°),
        // and the centres are K equally spaced points of it.
        for (int c = 0; c < k; ++c) {
          double mx = 0, my = 0;
          for (int i = c; i < n; i += k) {
            mx += d.x(0, i) / 60.0;
            my += d.x(1, i) / 60.0;
          }
          const double t = 1.25 * kPi + 2.0 * kPi * c / k, r = 0.4 * std::sqrt(2.0);
          EXPECT_NEAR(mx, r * std::cos(t), 0.06) << "K " << k << " blob " << c;
          EXPECT_NEAR(my, r * std::sin(t), 0.06) << "K " << k << " blob " << c;
        }
      }
    }
  }
}

// The regression formulas, computed here independently of dataset.cpp.
double expected_value(SyntheticKind kind, double x1, double x2) {
  switch (kind) {
    case SyntheticKind::kPlane:
      return 0.5 * x1 + 0.5 * x2;
    case SyntheticKind::kBumps: {
      // Centres (±4, ±2.5), (0, ±2.5) of [−6, 6]² scaled by 1/6; sign + at (−4, 2.5), alternating.
      const double cx[3] = {-2.0 / 3.0, 0.0, 2.0 / 3.0};
      double y = 0;
      for (int row = 0; row < 2; ++row) {
        const double cy = row == 0 ? 2.5 / 6.0 : -2.5 / 6.0;
        for (int c = 0; c < 3; ++c) {
          const double sign = (row + c) % 2 == 0 ? 1.0 : -1.0;
          const double r2 = (x1 - cx[c]) * (x1 - cx[c]) + (x2 - cy) * (x2 - cy);
          y += sign * std::exp(-r2 / 0.08);  // 2σ² with σ = 0.2
        }
      }
      return y;
    }
    case SyntheticKind::kSine:
      return std::sin(kPi * x1);
    case SyntheticKind::kAbs:
      return x1 < 0 ? -x1 : x1;
    case SyntheticKind::kStep:
      return x1 < 0 ? -0.5 : 0.5;
    default:
      ADD_FAILURE() << "not a regression kind";
      return 0;
  }
}

TEST(Dataset, RegressionTargetsFollowTheirFormulas) {
  for (auto kind : {SyntheticKind::kPlane, SyntheticKind::kBumps, SyntheticKind::kSine,
                    SyntheticKind::kAbs, SyntheticKind::kStep}) {
    const SyntheticInfo& row = synthetic_info(kind);
    const Dataset<float> d = make_synthetic(kind, 500, 0.0, 7);
    EXPECT_EQ(d.problem, ProblemKind::kRegression) << row.name;
    EXPECT_TRUE(d.labels.empty()) << row.name;
    ASSERT_EQ(d.x.rows(), row.input_features) << row.name;
    ASSERT_EQ(d.y.rows(), 1) << row.name;
    EXPECT_NO_THROW(validate(d));
    double lo = 1, hi = -1;
    for (int i = 0; i < 500; ++i) {
      const double x1 = d.x(0, i), x2 = row.input_features == 2 ? d.x(1, i) : 0.0;
      EXPECT_GE(x1, -1.0);
      EXPECT_LT(x1, 1.0);
      // x is p rounded to float; f's slope is at most π, so the target agrees within ~1e-6.
      EXPECT_NEAR(d.y(0, i), expected_value(kind, x1, x2), 2e-6) << row.name << " i " << i;
      lo = std::min(lo, x1);
      hi = std::max(hi, x1);
    }
    EXPECT_LT(lo, -0.95) << row.name;  // the samples cover [−1, 1]
    EXPECT_GT(hi, 0.95) << row.name;
  }
}

TEST(Dataset, BumpsStayWithinPlusMinusOne) {
  double top = 0;
  for (int i = 0; i <= 400; ++i) {
    for (int j = 0; j <= 400; ++j) {
      const double y = expected_value(SyntheticKind::kBumps, -1 + i / 200.0, -1 + j / 200.0);
      top = std::max(top, std::abs(y));
    }
  }
  EXPECT_LE(top, 1.0);
  EXPECT_GT(top, 0.98);  // the bumps reach (almost) ±1
  const Dataset<float> d = make_synthetic(SyntheticKind::kBumps, 2000, 0.0, 3);
  EXPECT_LE(d.y.cwiseAbs().maxCoeff(), 1.0f);
}

// Noise σ moves the input and the target: for the plane, y − (x₁ + x₂)/2 = σ(ε_y − (ε₁ + ε₂)/2),
// of variance 1.5σ²; with noise only on the target it would be σ², only on the inputs 0.5σ².
TEST(Dataset, RegressionNoiseMovesInputsAndTarget) {
  const double sigma = 0.1;
  const int n = 20000;
  const Dataset<float> d = make_synthetic(SyntheticKind::kPlane, n, sigma, 11);
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    const double r = d.y(0, i) - 0.5 * (d.x(0, i) + d.x(1, i));
    sum += r;
    squares += r * r;
  }
  const double mean = sum / n, variance = squares / n - mean * mean;
  EXPECT_NEAR(mean, 0.0, 0.005);
  EXPECT_NEAR(variance / (sigma * sigma), 1.5, 0.06);
}

TEST(Dataset, RegressionSplitKeepsTheProblemWithoutLabels) {
  const Dataset<float> d = make_synthetic(SyntheticKind::kSine, 50, 0.1, 2);
  Dataset<float> train, test;
  split(d, 0.2, 3, train, test);
  EXPECT_EQ(train.size(), 40);
  EXPECT_EQ(test.size(), 10);
  EXPECT_EQ(train.problem, ProblemKind::kRegression);
  EXPECT_EQ(test.problem, ProblemKind::kRegression);
  EXPECT_TRUE(train.labels.empty() && test.labels.empty());
  // Every sample lands in exactly one part, its target with it.
  double all = 0, parts = 0;
  for (int i = 0; i < 50; ++i) all += d.x(0, i) * 3 + d.y(0, i);
  for (const Dataset<float>* p : {&train, &test}) {
    for (int i = 0; i < p->size(); ++i) parts += p->x(0, i) * 3 + p->y(0, i);
  }
  EXPECT_NEAR(all, parts, 1e-4);
}

void expect_invalid(const std::function<void()>& f, const std::string& fragment) {
  try {
    f();
    ADD_FAILURE() << "expected std::invalid_argument mentioning '" << fragment << "'";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message '" << e.what() << "' does not mention '" << fragment << "'";
  }
}

TEST(Dataset, BadClassesAndOutputWidthsAreRefused) {
  expect_invalid([] { make_synthetic(SyntheticKind::kSpiral, 10, 0, 1, 7, 7); },
                 "classes 7 for spiral must be in [2, 6]");
  expect_invalid([] { make_synthetic(SyntheticKind::kGaussians, 10, 0, 1, 1, 1); },
                 "classes 1 for gaussians must be in [2, 6]");
  expect_invalid([] { make_synthetic(SyntheticKind::kXor, 10, 0, 1, 3, 3); },
                 "classes 3 for xor must be in [2, 2]");
  expect_invalid([] { make_synthetic(SyntheticKind::kPlane, 10, 0, 1, 1, 2); },
                 "classes 2 for plane must be 0");
  expect_invalid([] { make_synthetic(SyntheticKind::kSine, 10, 0, 1, 2); },
                 "output width 2 for a regression set must be 1");
  expect_invalid([] { make_synthetic(SyntheticKind::kSpiral, 10, 0, 1, 1, 3); },
                 "output width 1 for a 3-class set must be 3");
  expect_invalid([] { make_synthetic(SyntheticKind::kSpiral, 10, 0, 1, 3, 2); },
                 "output width 3 for a two-class set must be 1 or 2");
  Dataset<float> d = make_synthetic(SyntheticKind::kAbs, 10, 0, 1);
  d.labels.assign(10, 0);
  expect_invalid([&] { validate(d); }, "a regression data set has no labels, got 10");
}

}  // namespace
}  // namespace gradscope
