// Synthetic 2-D sets: deterministic, balanced, inside the plane the playground draws.
#include "dataset.hpp"

#include <gtest/gtest.h>

namespace gradscope {
namespace {

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

}  // namespace
}  // namespace gradscope
