// Feature transforms (features.hpp): the catalogue rows, each formula against its definition,
// the deterministic sin against the platform's libm and against correctly rounded values, and the
// refusals. The exact-bits test runs natively and as wasm (both flavours): the same bits
// everywhere is what keeps a run with sin features bit-reproducible across browsers.
#include "features.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include "catalogue.hpp"
#include "rng.hpp"

namespace gradscope {
namespace {

std::uint32_t bits(float v) {
  std::uint32_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}
std::uint64_t bits(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

// Units in the last place between two doubles of the same sign.
std::int64_t ulps_apart(double a, double b) {
  const auto ia = static_cast<std::int64_t>(bits(a)), ib = static_cast<std::int64_t>(bits(b));
  return ia > ib ? ia - ib : ib - ia;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no exception)";
}

TEST(Features, RowsAreInEnumOrderAndParseBack) {
  const char* names[] = {"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};  // catalogue.ts
  ASSERT_EQ(std::size(kFeatures), std::size(names));
  for (std::size_t i = 0; i < std::size(kFeatures); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(kFeatures[i].id), i);
    EXPECT_STREQ(kFeatures[i].name, names[i]);
    EXPECT_EQ(parse_feature(names[i]), kFeatures[i].id);
    EXPECT_STREQ(feature_name(kFeatures[i].id), names[i]);
  }
}

TEST(Features, EachRowComputesItsFormula) {
  Rng rng(3);
  Matrix<double> x(2, 40);
  for (int k = 0; k < x.size(); ++k) x.data()[k] = 2.5 * rng.normal();
  std::vector<Feature> all;
  for (const FeatureInfo& f : kFeatures) all.push_back(f.id);
  const Matrix<double> out = apply_features(x, all);
  ASSERT_EQ(out.rows(), 7);
  ASSERT_EQ(out.cols(), 40);
  for (int j = 0; j < x.cols(); ++j) {
    const double x1 = x(0, j), x2 = x(1, j);
    EXPECT_EQ(out(0, j), x1);
    EXPECT_EQ(out(1, j), x2);
    EXPECT_EQ(out(2, j), x1 * x1);
    EXPECT_EQ(out(3, j), x2 * x2);
    EXPECT_EQ(out(4, j), x1 * x2);
    EXPECT_LE(ulps_apart(out(5, j), std::sin(x1)), 1) << x1;  // the platform's libm
    EXPECT_LE(ulps_apart(out(6, j), std::sin(x2)), 1) << x2;
  }
  // Order and subset follow the list given.
  const Matrix<double> two = apply_features(x, {Feature::kSinX2, Feature::kX1});
  EXPECT_EQ(two.row(0), out.row(6));
  EXPECT_EQ(two.row(1), out.row(0));
}

TEST(Features, FloatFeaturesRoundOnceFromDouble) {
  Rng rng(4);
  Matrix<float> x(2, 200);
  for (int k = 0; k < x.size(); ++k) x.data()[k] = static_cast<float>(3.0 * rng.normal());
  const Matrix<float> out =
      apply_features(x, {Feature::kX1Squared, Feature::kX1X2, Feature::kSinX1, Feature::kSinX2});
  for (int j = 0; j < x.cols(); ++j) {
    const double x1 = x(0, j), x2 = x(1, j);
    // A product of two floats is exact in double: rounding it to float is the float product.
    EXPECT_EQ(out(0, j), static_cast<float>(x1 * x1));
    EXPECT_EQ(out(1, j), static_cast<float>(x1 * x2));
    EXPECT_EQ(out(2, j), static_cast<float>(deterministic_sin(x1)));
    EXPECT_EQ(out(3, j), static_cast<float>(deterministic_sin(x2)));
  }
}

// sin of float inputs, correctly rounded to float and to double (mpmath at 300 bits); the
// deterministic sin gives exactly these bits on every platform and flavour.
TEST(Features, SinGivesTheSameBitsEverywhere) {
  struct Case {
    float x;
    std::uint32_t sin_float;
    std::uint64_t sin_double;
  };
  const Case cases[] = {
      {0.5f, 0x3ef57744u, 0x3fdeaee8744b05f0ull},
      {-0.75f, 0xbf2e7fe1u, 0xbfe5cffc16bf8f0dull},
      {1.0f, 0x3f576aa4u, 0x3feaed548f090ceeull},
      {1.25f, 0x3f72f0a8u, 0x3fee5e14fe11418cull},
      {2.0f, 0x3f68c7b7u, 0x3fed18f6ead1b446ull},
      {3.0f, 0x3e1081c3u, 0x3fc210386db6d55bull},
      {-3.140625f, 0xba7daa1fu, 0xbf4fb543efcc9d39ull},
      {100.0f, 0xbf01a12eu, 0xbfe03425b78c4db8ull},
      {12345.5f, 0xbf5195c4u, 0xbfea32b882671514ull},
      {0.0078125f, 0x3bffff55u, 0x3f7fffeaaaaeeeefull},
  };
  Matrix<float> x(2, static_cast<Eigen::Index>(std::size(cases)));
  for (std::size_t j = 0; j < std::size(cases); ++j) {
    x(0, static_cast<Eigen::Index>(j)) = cases[j].x;
    x(1, static_cast<Eigen::Index>(j)) = -cases[j].x;
  }
  const Matrix<float> out = apply_features(x, {Feature::kSinX1, Feature::kSinX2});
  for (std::size_t j = 0; j < std::size(cases); ++j) {
    const auto c = static_cast<Eigen::Index>(j);
    EXPECT_EQ(bits(deterministic_sin(cases[j].x)), cases[j].sin_double) << cases[j].x;
    EXPECT_EQ(bits(out(0, c)), cases[j].sin_float) << cases[j].x;
    EXPECT_EQ(bits(out(1, c)), cases[j].sin_float ^ 0x80000000u) << cases[j].x;  // sin is odd
  }
}

TEST(Features, SinStaysWithinOneUlpOfLibmOverItsRange) {
  Rng rng(5);
  int checked = 0;
  for (double scale : {1e-9, 0.5, 1.0, 3.0, 10.0, 1e3, 1e5, kMaxSinArgument}) {
    for (int i = 0; i < 2000; ++i) {
      const double x = scale * (2.0 * rng.uniform() - 1.0);
      const double ours = deterministic_sin(x), libm = std::sin(x);
      if (ours == libm) {
        ++checked;
        continue;
      }
      ASSERT_EQ(std::signbit(ours), std::signbit(libm)) << x;
      ASSERT_LE(ulps_apart(ours, libm), 1) << x;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 16000);
  // Near multiples of π/2, where the reduction cancels: still one ulp.
  for (int k = -40; k <= 40; ++k) {
    const double x = k * 1.5707963267948966;
    if (std::fabs(x) < 1e-300) continue;
    EXPECT_LE(ulps_apart(deterministic_sin(x), std::sin(x)), 1) << k;
  }
  EXPECT_EQ(deterministic_sin(0.0), 0.0);
  EXPECT_TRUE(std::signbit(deterministic_sin(-0.0)));
}

TEST(Features, BadInputIsRefusedByName) {
  EXPECT_EQ(message_of([] { parse_feature("x3"); }),
            "unknown feature 'x3' (valid: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)");
  EXPECT_EQ(message_of([] {
              parse_features({"x1", "sinx2", "x1"});
            }),
            "feature 'x1' is named twice");
  EXPECT_EQ(message_of([] { parse_features({}); }), "the feature list is empty; name at least one");
  EXPECT_EQ(parse_features({"x2", "x1sq"}),
            (std::vector<Feature>{Feature::kX2, Feature::kX1Squared}));
  const Matrix<float> three = Matrix<float>::Zero(3, 2);
  EXPECT_EQ(message_of([&] { apply_features(three, {Feature::kX1}); }),
            "features are computed from 2 inputs (x1, x2); the samples have 3");
  Matrix<float> x = Matrix<float>::Zero(2, 3);
  EXPECT_EQ(message_of([&] { apply_features(x, {}); }),
            "the feature list is empty; name at least one");
  x(1, 2) = std::nanf("");
  EXPECT_EQ(message_of([&] { apply_features(x, {Feature::kX1}); }),
            "sample 2 is not finite (x1 = 0, x2 = nan)");
  x(1, 2) = 0.0f;
  x(0, 1) = 2e19f;  // (2e19)² overflows float
  EXPECT_EQ(message_of([&] {
              apply_features(x, {Feature::kX2, Feature::kX1Squared});
            }),
            "feature x1sq of sample 1 overflows (x1 = 2e+19, x2 = 0)");
  EXPECT_EQ(message_of([&] { apply_features(x, {Feature::kSinX1}); }),
            "feature sinx1 needs |x1| <= 2^20; sample 1 has x1 = 2e+19");
  EXPECT_NO_THROW(apply_features(x, {Feature::kSinX2, Feature::kX2Squared}));
  EXPECT_THROW(deterministic_sin(kMaxSinArgument * 2), std::invalid_argument);
  EXPECT_THROW(deterministic_sin(INFINITY), std::invalid_argument);
}

}  // namespace
}  // namespace gradscope
