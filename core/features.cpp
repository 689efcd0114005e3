#include "features.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace gradscope {
namespace {

std::string show(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// The high 32 bits of x's IEEE 754 pattern (sign, exponent, top of the mantissa), as fdlibm reads
// them.
std::uint32_t high_word(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return static_cast<std::uint32_t>(bits >> 32);
}

// fdlibm's __kernel_sin (musl's __sin.c): sin(x + y) for |x| ≤ π/4, y the tail of the reduced
// argument (used when has_tail), by a degree-13 minimax polynomial.
double kernel_sin(double x, double y, bool has_tail) {
  constexpr double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03,
                   S3 = -1.98412698298579493134e-04, S4 = 2.75573137070700676789e-06,
                   S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
  const double z = x * x;
  const double w = z * z;
  const double r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const double v = z * x;
  if (!has_tail) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

// fdlibm's __kernel_cos (musl's __cos.c): cos(x + y) for |x| ≤ π/4.
double kernel_cos(double x, double y) {
  constexpr double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03,
                   C3 = 2.48015872894767294178e-05, C4 = -2.75573143513906633035e-07,
                   C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
  const double z = x * x;
  double w = z * z;
  const double r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const double hz = 0.5 * z;
  w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * y));
}

// x = n π/2 + (y0 + y1), |y0 + y1| ≤ π/4: fdlibm's __rem_pio2 "medium" path, π/2 split into
// 33-bit pieces so that fn · piece is exact for |n| < 2^20 (|x| ≤ kMaxSinArgument).
int reduce_pio2(double x, double& y0, double& y1) {
  constexpr double pio4 = 7.85398163397448278999e-01, invpio2 = 6.36619772367581382433e-01,
                   pio2_1 = 1.57079632673412561417e+00, pio2_1t = 6.07710050650619224932e-11,
                   pio2_2 = 6.07710050630396597660e-11, pio2_2t = 2.02226624879595063154e-21,
                   pio2_3 = 2.02226624871116645580e-21, pio2_3t = 8.47842766036889956997e-32;
  double fn = std::nearbyint(x * invpio2);  // round half to even, as fdlibm's toint trick
  double r = x - fn * pio2_1;
  double w = fn * pio2_1t;  // first round, good to 85 bits
  if (r - w < -pio4) {
    fn -= 1.0;
    r = x - fn * pio2_1;
    w = fn * pio2_1t;
  } else if (r - w > pio4) {
    fn += 1.0;
    r = x - fn * pio2_1;
    w = fn * pio2_1t;
  }
  y0 = r - w;
  const int ex = static_cast<int>((high_word(x) >> 20) & 0x7ff);
  if (ex - static_cast<int>((high_word(y0) >> 20) & 0x7ff) > 16) {  // second round, 118 bits
    double t = r;
    w = fn * pio2_2;
    r = t - w;
    w = fn * pio2_2t - ((t - r) - w);
    y0 = r - w;
    if (ex - static_cast<int>((high_word(y0) >> 20) & 0x7ff) > 49) {  // third round, 151 bits
      t = r;
      w = fn * pio2_3;
      r = t - w;
      w = fn * pio2_3t - ((t - r) - w);
      y0 = r - w;
    }
  }
  y1 = (r - y0) - w;
  return static_cast<int>(fn);
}

template <typename T>
T feature_value(Feature f, T x1, T x2, Eigen::Index sample) {
  T v{};
  switch (f) {
    case Feature::kX1:
      return x1;
    case Feature::kX2:
      return x2;
    case Feature::kX1Squared:
      v = x1 * x1;
      break;
    case Feature::kX2Squared:
      v = x2 * x2;
      break;
    case Feature::kX1X2:
      v = x1 * x2;
      break;
    case Feature::kSinX1:
    case Feature::kSinX2: {
      const bool first = f == Feature::kSinX1;
      const double x = static_cast<double>(first ? x1 : x2);
      if (std::fabs(x) > kMaxSinArgument) {
        const std::string in = first ? "x1" : "x2";
        throw std::invalid_argument("feature " + std::string(feature_name(f)) + " needs |" + in +
                                    "| <= 2^20; sample " + std::to_string(sample) + " has " + in +
                                    " = " + show(x));
      }
      return static_cast<T>(deterministic_sin(x));  // one rounding to T
    }
  }
  if (!std::isfinite(v)) {
    throw std::invalid_argument("feature " + std::string(feature_name(f)) + " of sample " +
                                std::to_string(sample) +
                                " overflows (x1 = " + show(static_cast<double>(x1)) +
                                ", x2 = " + show(static_cast<double>(x2)) + ")");
  }
  return v;
}

}  // namespace

double deterministic_sin(double x) {
  if (!std::isfinite(x) || std::fabs(x) > kMaxSinArgument) {
    throw std::invalid_argument("sin argument " + show(x) + " must be finite with |x| <= 2^20");
  }
  const std::uint32_t ix = high_word(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {           // |x| ≲ π/4: no reduction
    if (ix < 0x3e500000) return x;  // |x| < 2^-26: sin x rounds to x
    return kernel_sin(x, 0.0, false);
  }
  double y0 = 0.0, y1 = 0.0;
  const int n = reduce_pio2(x, y0, y1);
  switch (n & 3) {
    case 0:
      return kernel_sin(y0, y1, true);
    case 1:
      return kernel_cos(y0, y1);
    case 2:
      return -kernel_sin(y0, y1, true);
    default:
      return -kernel_cos(y0, y1);
  }
}

std::vector<Feature> parse_features(const std::vector<std::string>& names) {
  if (names.empty()) throw std::invalid_argument("the feature list is empty; name at least one");
  std::vector<Feature> out;
  for (const std::string& name : names) {
    const Feature f = parse_feature(name);
    for (Feature seen : out) {
      if (seen == f) throw std::invalid_argument("feature '" + name + "' is named twice");
    }
    out.push_back(f);
  }
  return out;
}

template <typename T>
Matrix<T> apply_features(const Matrix<T>& x, const std::vector<Feature>& features) {
  if (x.rows() != 2) {
    throw std::invalid_argument("features are computed from 2 inputs (x1, x2); the samples have " +
                                std::to_string(x.rows()));
  }
  if (features.empty()) throw std::invalid_argument("the feature list is empty; name at least one");
  Matrix<T> out(static_cast<Eigen::Index>(features.size()), x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const T x1 = x(0, j), x2 = x(1, j);
    if (!std::isfinite(x1) || !std::isfinite(x2)) {
      throw std::invalid_argument("sample " + std::to_string(j) +
                                  " is not finite (x1 = " + show(static_cast<double>(x1)) +
                                  ", x2 = " + show(static_cast<double>(x2)) + ")");
    }
    for (std::size_t i = 0; i < features.size(); ++i) {
      out(static_cast<Eigen::Index>(i), j) = feature_value(features[i], x1, x2, j);
    }
  }
  return out;
}

template Matrix<float> apply_features<float>(const Matrix<float>&, const std::vector<Feature>&);
template Matrix<double> apply_features<double>(const Matrix<double>&, const std::vector<Feature>&);

}  // namespace gradscope
