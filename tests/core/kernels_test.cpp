// The float kernels (the wasm_simd128.h lanes where this build has them, and their scalar twin
// in every build) against the Eigen reference evaluated in double, on odd shapes, unaligned
// starts and tails; the vectorised exp, σ and tanh against std::exp-based double versions; and
// whole-network gradients of this build's dispatch against a double-precision reference.
#include "kernels/kernels.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "backprop.hpp"
#include "kernels/eigen_kernels.hpp"
#include "kernels/float_kernels.hpp"
#include "kernels/lanes_scalar.hpp"
#include "sgd.hpp"
#include "test_support.hpp"
#if defined(__wasm_simd128__)
#include "kernels/lanes_simd128.hpp"
#endif

namespace gradscope {
namespace {

using kernels::Index;
using testing::random_matrix;
using MatrixF = Matrix<float>;
using MatrixD = Matrix<double>;
using VectorF = Vector<float>;
using VectorD = Vector<double>;

template <typename P>
class FloatKernels : public ::testing::Test {};
#if defined(__wasm_simd128__)
using LaneTypes = ::testing::Types<kernels::ScalarLanes, kernels::Simd128Lanes>;
#else
using LaneTypes = ::testing::Types<kernels::ScalarLanes>;
#endif
struct LaneNames {
  template <typename P>
  static std::string GetName(int) {
    return P::kWidth == 1 ? "scalar" : "simd128";
  }
};
TYPED_TEST_SUITE(FloatKernels, LaneTypes, LaneNames);

MatrixD to_double(const MatrixF& m) { return m.cast<double>(); }
VectorD to_double(const VectorF& v) { return v.cast<double>(); }

// Float summation of `depth` products deviates from the exact sum by at most about
// depth · ε · Σ|terms|; `magnitude` is that Σ|terms| per entry.
void expect_close(const MatrixF& got, const MatrixD& want, const MatrixD& magnitude, double depth,
                  const std::string& what) {
  ASSERT_EQ(got.rows(), want.rows()) << what;
  ASSERT_EQ(got.cols(), want.cols()) << what;
  const double eps = std::numeric_limits<float>::epsilon();
  for (Index j = 0; j < got.cols(); ++j) {
    for (Index i = 0; i < got.rows(); ++i) {
      const double bound = (depth + 2) * eps * magnitude(i, j) + 1e-30;
      ASSERT_LE(std::abs(got(i, j) - want(i, j)), bound)
          << what << " at (" << i << ", " << j << ") of " << got.rows() << "x" << got.cols();
    }
  }
}

// Shapes (rows, cols, depth): every combination of 1, 3, 5, 7, 31 (none or few multiples of
// the 4 lanes or 8-row blocks), and 784 in each position.
std::vector<std::array<int, 3>> shapes() {
  const int small[] = {1, 3, 5, 7, 31};
  std::vector<std::array<int, 3>> s;
  for (int r : small) {
    for (int c : small) {
      for (int d : small) s.push_back({r, c, d});
    }
  }
  s.push_back({784, 5, 3});
  s.push_back({7, 784, 3});
  s.push_back({30, 10, 784});
  s.push_back({31, 7, 784});
  s.push_back({100, 32, 100});
  s.push_back({9, 13, 17});
  s.push_back({12, 8, 4});
  return s;
}

TYPED_TEST(FloatKernels, AffineMatchesEigen) {
  Rng rng(1);
  for (const auto& [rows, cols, depth] : shapes()) {
    const MatrixF w = random_matrix<float>(rows, depth, rng);
    const MatrixF a = random_matrix<float>(depth, cols, rng);
    const VectorF b = random_matrix<float>(rows, 1, rng);
    MatrixF z;
    kernels::lanes::affine<TypeParam>(w, a, b, z);
    MatrixD want;
    kernels::eigen::affine<double>(to_double(w), to_double(a), to_double(b), want);
    const MatrixD magnitude = to_double(w).cwiseAbs() * to_double(a).cwiseAbs() +
                              to_double(b).cwiseAbs().replicate(1, cols);
    expect_close(z, want, magnitude, depth, "affine");
  }
}

TYPED_TEST(FloatKernels, TransposeTimesHadamardMatchesEigen) {
  Rng rng(2);
  for (const auto& [n, cols, n_next] : shapes()) {
    const MatrixF w = random_matrix<float>(n_next, n, rng);
    const MatrixF delta_next = random_matrix<float>(n_next, cols, rng);
    const MatrixF d = random_matrix<float>(n, cols, rng);
    MatrixF delta;
    kernels::lanes::transpose_times_hadamard<TypeParam>(w, delta_next, d, delta);
    MatrixD want;
    kernels::eigen::transpose_times_hadamard<double>(to_double(w), to_double(delta_next),
                                                     to_double(d), want);
    const MatrixD magnitude =
        ((to_double(w).cwiseAbs().transpose() * to_double(delta_next).cwiseAbs()).array() *
         to_double(d).cwiseAbs().array())
            .matrix();
    expect_close(delta, want, magnitude, n_next, "transpose_times_hadamard");
  }
}

TYPED_TEST(FloatKernels, OuterSumMatchesEigen) {
  Rng rng(3);
  for (const auto& [rows, prev, batch] : shapes()) {
    const MatrixF delta = random_matrix<float>(rows, batch, rng);
    const MatrixF a_prev = random_matrix<float>(prev, batch, rng);
    MatrixF dw;
    VectorF db;
    const float scale = 1.0f / static_cast<float>(batch);
    kernels::lanes::outer_sum<TypeParam>(delta, a_prev, scale, dw, db);
    MatrixD want_w;
    VectorD want_b;
    kernels::eigen::outer_sum<double>(to_double(delta), to_double(a_prev), scale, want_w, want_b);
    expect_close(dw, want_w,
                 scale * to_double(delta).cwiseAbs() * to_double(a_prev).cwiseAbs().transpose(),
                 batch, "outer_sum dw");
    expect_close(db, want_b, scale * to_double(delta).cwiseAbs().rowwise().sum(), batch,
                 "outer_sum db");
  }
}

TYPED_TEST(FloatKernels, SgdStepMatchesEigen) {
  // keep ≠ 1 (L2) so a row updated twice by overlapping row blocks would show.
  Rng rng(4);
  for (const auto& [rows, prev, batch] : shapes()) {
    const MatrixF w0 = random_matrix<float>(rows, prev, rng);
    const VectorF b0 = random_matrix<float>(rows, 1, rng);
    const MatrixF delta = random_matrix<float>(rows, batch, rng);
    const MatrixF a_prev = random_matrix<float>(prev, batch, rng);
    const float step = 0.3f, keep = 0.99f;
    MatrixF w = w0;
    VectorF b = b0;
    kernels::lanes::sgd_step<TypeParam>(w, b, delta, a_prev, step, keep);
    MatrixD want_w = to_double(w0);
    VectorD want_b = to_double(b0);
    kernels::eigen::sgd_step<double>(want_w, want_b, to_double(delta), to_double(a_prev), step,
                                     keep);
    expect_close(w, want_w,
                 keep * to_double(w0).cwiseAbs() +
                     step * to_double(delta).cwiseAbs() * to_double(a_prev).cwiseAbs().transpose(),
                 batch, "sgd_step w");
    expect_close(b, want_b,
                 to_double(b0).cwiseAbs() + step * to_double(delta).cwiseAbs().rowwise().sum(),
                 batch, "sgd_step b");
  }
}

TYPED_TEST(FloatKernels, ElementwiseProductsMatchEigen) {
  Rng rng(5);
  for (int rows : {1, 3, 5, 7, 10, 31}) {
    for (int cols : {1, 3, 7, 10}) {
      const MatrixF a = random_matrix<float>(rows, cols, rng);
      const MatrixF y = random_matrix<float>(rows, cols, rng);
      const MatrixF d = random_matrix<float>(rows, cols, rng);
      MatrixF delta;
      kernels::lanes::difference_hadamard<TypeParam>(a, y, d, delta);
      MatrixF want;
      kernels::eigen::difference_hadamard<float>(a, y, d, want);
      EXPECT_EQ(delta, want) << rows << "x" << cols;  // one rounding each: exactly equal
      MatrixF product = a;
      kernels::lanes::hadamard_in_place<TypeParam>(product, d);
      MatrixF want_product = a;
      kernels::eigen::hadamard_in_place<float>(want_product, d);
      EXPECT_EQ(product, want_product) << rows << "x" << cols;
    }
  }
}

// A product written through raw pointers that start 1–3 floats past an aligned address, with
// leading dimensions larger than the block and not multiples of 4.
template <typename P>
struct PlainStore {
  float* c;
  Index ldc;
  template <class L>
  void store(typename L::V acc, Index i, Index j, int skip) {
    kernels::lanes::store_fresh<L>(c + j * ldc + i, acc, skip);
  }
};

TYPED_TEST(FloatKernels, GemmHandlesUnalignedStartsAndStrides) {
  Rng rng(6);
  for (int offset = 0; offset < 4; ++offset) {
    for (const auto& [rows, cols, depth] :
         {std::array<int, 3>{5, 3, 7}, {31, 7, 5}, {9, 10, 33}, {3, 1, 31}, {13, 6, 1}}) {
      const Index lda = rows + 3, ldb = depth + 1, ldc = rows + 2;
      std::vector<float> a(offset + lda * depth), b(offset + ldb * cols);
      std::vector<float> c(offset + ldc * cols, -7.0f);  // sentinel outside the result
      for (float& v : a) v = static_cast<float>(rng.normal());
      for (float& v : b) v = static_cast<float>(rng.normal());
      const kernels::GemmShape s{rows, cols, depth, a.data() + offset, lda, b.data() + offset,
                                 1,    ldb};
      PlainStore<TypeParam> e{c.data() + offset, ldc};
      kernels::gemm<TypeParam>(s, e);
      for (Index j = 0; j < cols; ++j) {
        for (Index i = 0; i < ldc; ++i) {
          const float got = c[offset + j * ldc + i];
          if (i >= rows) {
            EXPECT_EQ(got, -7.0f) << "wrote outside the result at row " << i;
            continue;
          }
          double want = 0.0, magnitude = 0.0;
          for (Index p = 0; p < depth; ++p) {
            const double term =
                static_cast<double>(a[offset + p * lda + i]) * b[offset + j * ldb + p];
            want += term;
            magnitude += std::abs(term);
          }
          EXPECT_LE(std::abs(got - want), (depth + 2) * FLT_EPSILON * magnitude)
              << rows << "x" << cols << "x" << depth << " offset " << offset;
        }
      }
      for (int k = 0; k < offset; ++k) EXPECT_EQ(c[k], -7.0f) << "wrote before the result";
    }
  }
}

// |got − want| ≤ tol · max(|want|, FLT_MIN): relative error for normal results, and an absolute
// floor of tol·FLT_MIN (a few subnormal steps) where the result is subnormal.
double scaled_error(double got, double want) {
  return std::abs(got - want) / std::max(std::abs(want), static_cast<double>(FLT_MIN));
}

// The grid [−100, 100] in steps of 1/128 plus odd points between them, written starting one
// float past an aligned address so the vector body and the scalar tail both see it.
std::vector<float> exp_grid() {
  std::vector<float> x{0.0f};  // the leading pad
  for (int k = -12800; k <= 12800; ++k) {
    x.push_back(k / 128.0f);
    x.push_back(k / 128.0f + 0.00390625f * 0.3f);
  }
  for (float v : {1e-30f, -1e-30f, 1e-7f, -1e-7f, 88.7f, 88.8f, -87.4f, -103.9f, -104.1f}) {
    x.push_back(v);
  }
  return x;
}

template <typename P, typename F>
std::vector<float> map_lanes(const std::vector<float>& x, F f) {
  std::vector<float> out(x.size());
  kernels::lanes::elementwise<P>(static_cast<Index>(x.size()) - 1, [&](auto lanes, Index i) {
    using L = decltype(lanes);
    L::store(out.data() + 1 + i, f(lanes, L::load(x.data() + 1 + i)));
  });
  return out;
}

TYPED_TEST(FloatKernels, ExpHasBoundedRelativeError) {
  const std::vector<float> x = exp_grid();
  const std::vector<float> e =
      map_lanes<TypeParam>(x, [](auto lanes, auto v) { return kernels::exp<decltype(lanes)>(v); });
  double worst = 0.0;
  for (std::size_t k = 1; k < x.size(); ++k) {
    const double want = std::exp(static_cast<double>(x[k]));
    if (want > FLT_MAX) {
      EXPECT_EQ(e[k], INFINITY) << "e^" << x[k];
      continue;
    }
    worst = std::max(worst, scaled_error(e[k], want));
  }
  EXPECT_LT(worst, 3 * FLT_EPSILON) << "worst relative error of exp over [-100, 100]";
}

TYPED_TEST(FloatKernels, ActivationsMatchStdExpReference) {
  const std::vector<float> x = exp_grid();
  for (Activation f : testing::elementwise_activations()) {
    // Through the matrix interface too: one column of odd length (not a multiple of 4).
    MatrixF z = Eigen::Map<const MatrixF>(x.data() + 1, static_cast<Index>(x.size() - 1), 1);
    MatrixF a, d;
    kernels::lanes::activate<TypeParam>(f, z, a, &d);
    double worst_value = 0.0, worst_derivative = 0.0;
    for (Index k = 0; k < z.size(); ++k) {
      const double zk = z(k);
      worst_value = std::max(worst_value, scaled_error(a(k), activation_value(f, zk)));
      worst_derivative =
          std::max(worst_derivative, scaled_error(d(k), activation_derivative(f, zk)));
    }
    EXPECT_LT(worst_value, 4 * FLT_EPSILON) << activation_name(f);
    // σ' is formed from z (t/(1 + t)², 4t/(1 + t)²), not from the float a, so it keeps its
    // relative accuracy deep into saturation (σ'(100) ≈ 3.7e−44), not only within a few float
    // steps of 1 in absolute terms as a(1 − a) would.
    EXPECT_LT(worst_derivative, 8 * FLT_EPSILON) << activation_name(f);
  }
}

TYPED_TEST(FloatKernels, ActivationsStayFiniteAtHugeInputs) {
  MatrixF z(9, 1);
  z << -1e4f, 1e4f, -3e38f, 3e38f, -88.8f, 88.8f, -104.5f, 0.0f, -0.0f;
  for (Activation f : {Activation::kSigmoid, Activation::kTanh, Activation::kSoftmax}) {
    MatrixF a, d;
    kernels::lanes::activate<TypeParam>(f, z, a, &d);
    EXPECT_TRUE(a.allFinite()) << activation_name(f) << ": " << a.transpose();
    EXPECT_TRUE(d.allFinite()) << activation_name(f) << ": " << d.transpose();
  }
  MatrixF a;
  kernels::lanes::activate<TypeParam>(Activation::kSigmoid, z, a, nullptr);
  EXPECT_EQ(a(0), 0.0f);
  EXPECT_EQ(a(1), 1.0f);
  kernels::lanes::activate<TypeParam>(Activation::kTanh, z, a, nullptr);
  EXPECT_EQ(a(0), -1.0f);
  EXPECT_EQ(a(1), 1.0f);
}

TYPED_TEST(FloatKernels, SoftmaxMatchesEigenPerColumn) {
  Rng rng(7);
  for (int rows : {1, 3, 5, 7, 10, 31}) {
    for (double spread : {1.0, 30.0, 1e4}) {
      const MatrixF z = random_matrix<float>(rows, 5, rng, spread);
      MatrixF a, d;
      kernels::lanes::activate<TypeParam>(Activation::kSoftmax, z, a, &d);
      MatrixD want;
      activate<double>(Activation::kSoftmax, to_double(z), want);
      for (Index k = 0; k < a.size(); ++k) {
        EXPECT_LT(scaled_error(a(k), want(k)), 8 * FLT_EPSILON * rows)
            << rows << " rows, spread " << spread;
        EXPECT_NEAR(d(k), want(k) * (1 - want(k)), 4 * FLT_EPSILON);
      }
    }
  }
}

TYPED_TEST(FloatKernels, NonFiniteInputsPropagateWithoutTrapping) {
  // A diverged network feeds NaN and ±inf to the activations: NaN stays NaN (in the vector body
  // and in the tail), ±inf saturates, nothing traps.
  const std::vector<float> x{0.0f, NAN, 1.0f, -INFINITY, INFINITY, -2.0f, NAN, 0.5f};
  const std::vector<float> e =
      map_lanes<TypeParam>(x, [](auto lanes, auto v) { return kernels::exp<decltype(lanes)>(v); });
  EXPECT_TRUE(std::isnan(e[1]) && std::isnan(e[6]));
  EXPECT_EQ(e[3], 0.0f);
  EXPECT_EQ(e[4], INFINITY);
  MatrixF z = Eigen::Map<const MatrixF>(x.data() + 1, 7, 1);
  MatrixF a, d;
  kernels::lanes::activate<TypeParam>(Activation::kSigmoid, z, a, &d);
  EXPECT_TRUE(std::isnan(a(0)) && std::isnan(a(5)) && std::isnan(d(0)));
  EXPECT_EQ(a(2), 0.0f);
  EXPECT_EQ(a(3), 1.0f);
  EXPECT_FLOAT_EQ(a(1), 1.0f / (1.0f + std::exp(-1.0f)));
  kernels::lanes::activate<TypeParam>(Activation::kTanh, z, a, &d);
  EXPECT_TRUE(std::isnan(a(0)) && std::isnan(a(5)));
  EXPECT_EQ(a(2), -1.0f);
  EXPECT_EQ(a(3), 1.0f);
  // Softmax: a NaN anywhere in a column makes the column NaN; other columns are unaffected.
  MatrixF zs(5, 2);
  zs << 1.0f, 1.0f, NAN, 2.0f, 3.0f, 3.0f, -1.0f, -1.0f, 0.0f, 0.0f;
  kernels::lanes::activate<TypeParam>(Activation::kSoftmax, zs, a, &d);
  EXPECT_TRUE(a.col(0).array().isNaN().all()) << a.col(0).transpose();
  EXPECT_TRUE(a.col(1).allFinite());
  EXPECT_NEAR(a.col(1).sum(), 1.0f, 4 * FLT_EPSILON);
}

TYPED_TEST(FloatKernels, EmptyShapesGiveEmptyResults) {
  // A batch of 0 columns, and (for softmax) a layer of 0 rows: nothing is read or written.
  Rng rng(11);
  const MatrixF w = random_matrix<float>(5, 3, rng);
  const VectorF b = random_matrix<float>(5, 1, rng);
  MatrixF z, a, d;
  kernels::lanes::affine_activate<TypeParam>(Activation::kSigmoid, w, MatrixF(3, 0), b, z, a, &d);
  EXPECT_EQ(z.rows(), 5);
  EXPECT_EQ(z.cols(), 0);
  EXPECT_EQ(a.cols(), 0);
  EXPECT_EQ(d.cols(), 0);
  for (int rows : {0, 3}) {
    kernels::lanes::activate<TypeParam>(Activation::kSoftmax, MatrixF::Zero(rows, 4 - rows), a, &d);
    EXPECT_EQ(a.rows(), rows);
    EXPECT_EQ(a.cols(), 4 - rows);
  }
  MatrixF dw;
  VectorF db;
  kernels::lanes::outer_sum<TypeParam>(MatrixF(5, 0), MatrixF(3, 0), 1.0f, dw, db);
  EXPECT_EQ(dw, MatrixF::Zero(5, 3));
  EXPECT_EQ(db, VectorF::Zero(5));
  MatrixF w2 = w;
  VectorF b2 = b;
  kernels::lanes::sgd_step<TypeParam>(w2, b2, MatrixF(5, 0), MatrixF(3, 0), 0.5f, 0.5f);
  EXPECT_EQ(w2, MatrixF(0.5f * w));  // only the L2 decay: Σ over no samples is 0
  EXPECT_EQ(b2, b);
  MatrixF delta;
  kernels::lanes::transpose_times_hadamard<TypeParam>(w, MatrixF(5, 0), MatrixF(3, 0), delta);
  EXPECT_EQ(delta.rows(), 3);
  EXPECT_EQ(delta.cols(), 0);
}

#if defined(__wasm_simd128__)
// The twin property: each lane of the SIMD kernels performs the scalar twin's operations in the
// same order, so the two agree bit for bit on every shape, tail and activation.
TEST(SimdTwin, AgreesWithScalarLanesExactly) {
  using S = kernels::ScalarLanes;
  using V = kernels::Simd128Lanes;
  Rng rng(10);
  for (const auto& [rows, cols, depth] : shapes()) {
    const MatrixF w = random_matrix<float>(rows, depth, rng);
    const MatrixF a = random_matrix<float>(depth, cols, rng);
    const VectorF b = random_matrix<float>(rows, 1, rng);
    MatrixF z_s, z_v, a_s, a_v, d_s, d_v;
    kernels::lanes::affine_activate<S>(Activation::kSigmoid, w, a, b, z_s, a_s, &d_s);
    kernels::lanes::affine_activate<V>(Activation::kSigmoid, w, a, b, z_v, a_v, &d_v);
    EXPECT_EQ(z_s, z_v) << "affine " << rows << "x" << cols << "x" << depth;
    EXPECT_EQ(a_s, a_v) << "affine + sigmoid " << rows << "x" << cols << "x" << depth;
    EXPECT_EQ(d_s, d_v) << "affine + sigmoid' " << rows << "x" << cols << "x" << depth;

    const MatrixF delta = random_matrix<float>(rows, cols, rng);
    const MatrixF a_prev = random_matrix<float>(depth, cols, rng);
    MatrixF w_s = random_matrix<float>(rows, depth, rng), w_v = w_s;
    VectorF b_s = b, b_v = b;
    kernels::lanes::sgd_step<S>(w_s, b_s, delta, a_prev, 0.3f, 0.99f);
    kernels::lanes::sgd_step<V>(w_v, b_v, delta, a_prev, 0.3f, 0.99f);
    EXPECT_EQ(w_s, w_v) << "sgd_step " << rows << "x" << cols << "x" << depth;
    EXPECT_EQ(b_s, b_v) << "sgd_step " << rows << "x" << cols << "x" << depth;

    const MatrixF d = random_matrix<float>(depth, cols, rng);
    MatrixF back_s, back_v;
    kernels::lanes::transpose_times_hadamard<S>(w, delta, d, back_s);
    kernels::lanes::transpose_times_hadamard<V>(w, delta, d, back_v);
    EXPECT_EQ(back_s, back_v) << "transpose_times_hadamard " << rows << "x" << cols;
  }
  const std::vector<float> x = exp_grid();
  const MatrixF z = Eigen::Map<const MatrixF>(x.data() + 1, static_cast<Index>(x.size() - 1), 1);
  for (Activation f : testing::all_activations()) {
    const MatrixF zf = f == Activation::kSoftmax ? MatrixF(z.topRows(31 * 7).reshaped(31, 7)) : z;
    MatrixF a_s, d_s, a_v, d_v;
    kernels::lanes::activate<S>(f, zf, a_s, &d_s);
    kernels::lanes::activate<V>(f, zf, a_v, &d_v);
    EXPECT_EQ(a_s, a_v) << activation_name(f);
    EXPECT_EQ(d_s, d_v) << activation_name(f);
  }
}
#endif

// --- This build's dispatch, end to end ---

TEST(KernelDispatch, RunsTheKernelSetOfThisFlavour) {
  const std::string flavour = GRADSCOPE_TEST_FLAVOUR;
  const std::string expected = flavour == "native"      ? "eigen"
                               : flavour == "wasm_simd" ? "wasm-simd128"
                                                        : "scalar";
  EXPECT_EQ(kernels::backend_name(), expected) << "test flavour " << flavour;
}

// Max over layers of |g_float − g_double| / max|g_double|: one tolerance for every flavour.
double gradient_gap(const Gradients<float>& f, const Gradients<double>& d, int L) {
  double gap = 0.0;
  for (int l = 2; l <= L; ++l) {
    const double scale = std::max(d.w[l].cwiseAbs().maxCoeff(), 1e-12);
    gap = std::max(gap, (f.w[l].cast<double>() - d.w[l]).cwiseAbs().maxCoeff() / scale);
    gap = std::max(gap, (f.b[l].cast<double>() - d.b[l]).cwiseAbs().maxCoeff() / scale);
  }
  return gap;
}

TEST(KernelDispatch, NetworkGradientsAgreeWithDoubleReference) {
  struct Case {
    std::vector<int> layers;
    Activation hidden, output;
    Cost cost;
    int batch;
  };
  const Case cases[] = {
      {{784, 30, 10}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic, 10},
      {{784, 100, 100, 10}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic, 32},
      {{31, 7, 5, 3}, Activation::kTanh, Activation::kSoftmax, Cost::kLogLikelihood, 7},
      {{5, 9, 1}, Activation::kRelu, Activation::kSigmoid, Cost::kCrossEntropy, 3},
      {{3, 13, 6, 4}, Activation::kLeakyRelu, Activation::kTanh, Cost::kQuadratic, 1},
  };
  for (const Case& c : cases) {
    const NetworkConfig config =
        testing::config(c.layers, c.hidden, c.output, c.cost, Init::kScaled, 5);
    Rng rng(8);
    const Network<float> net(config);
    MatrixF x = random_matrix<float>(c.layers.front(), c.batch, rng);
    x = x.cwiseAbs().cwiseMin(1.0f);  // pixel-like inputs in [0, 1]
    const MatrixF y = testing::random_targets<float>(config, c.batch, rng);
    const Gradients<float> gf = backprop(net, x, y);
    const Gradients<double> gd = backprop(net.cast<double>(), to_double(x), to_double(y));
    EXPECT_LT(gradient_gap(gf, gd, net.num_layers()), 1e-4)
        << c.layers.front() << "-input " << activation_name(c.hidden) << "/"
        << activation_name(c.output) << " batch " << c.batch;
  }
}

TEST(KernelDispatch, SgdStepsAgreeWithDoubleReference) {
  // Ten fused update steps (BP3/BP4 inside sgd_step) against the same steps in double.
  const NetworkConfig config = testing::config(
      {784, 30, 10}, Activation::kSigmoid, Activation::kSigmoid, Cost::kQuadratic, Init::kLarge, 3);
  Network<float> nf(config);
  const Network<float> initial = nf;
  Network<double> nd = nf.cast<double>();
  SgdOptions o;
  o.learning_rate = 3.0;
  o.l2 = 0.5;
  Trainer<float> tf(nf, o);
  Trainer<double> td(nd, o);
  Rng rng(9);
  for (int step = 0; step < 10; ++step) {
    MatrixF x = random_matrix<float>(784, 10, rng).cwiseAbs().cwiseMin(1.0f);
    const MatrixF y = testing::random_targets<float>(config, 10, rng);
    tf.step(x, y, 1000);
    td.step(to_double(x), to_double(y), 1000);
  }
  // Float round-off, amplified by η = 3 through ten steps of saturating sigmoids, stays below
  // 2e-3 (measured ≤ 8e-4 in every flavour); the steps themselves move weights 20× further.
  const double tolerance = 2e-3;
  for (int l = 2; l <= 3; ++l) {
    EXPECT_LT((nf.w(l).cast<double>() - nd.w(l)).cwiseAbs().maxCoeff(), tolerance) << l;
    EXPECT_LT((nf.b(l).cast<double>() - nd.b(l)).cwiseAbs().maxCoeff(), tolerance) << l;
    EXPECT_GT((nf.w(l) - initial.w(l)).cwiseAbs().maxCoeff(), 20 * tolerance) << l;
  }
}

}  // namespace
}  // namespace gradscope
