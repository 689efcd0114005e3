// The register-blocked product behind every float kernel:
//   acc(i, j) = Σ_p A(i, p) · B(p, j),   i < rows, j < cols, p < depth
// A column-major with leading dimension lda (each column's rows contiguous, so a block of rows
// is one or two vector loads); B addressed as b[p · b_step_p + j · b_step_j], so that both
// a^(l−1) (B = a^(l−1)) and its transpose (B = a^(l−1)ᵀ, for BP4) are read in place.
// The block of kRowVectors × kWidth rows and up to 4 columns lives in registers for the whole
// depth loop; the epilogue then stores it (with the bias, the ⊙ σ' factor or the SGD step).
//
// Row tails: the last row block is moved up to end at the last row, overlapping rows the
// previous block already finished. The epilogue gets `fresh`, the first row of the block it
// has not yet written, and must leave rows before it untouched (the accumulators there are the
// same sums again, but a read-modify-write epilogue would apply its update twice).
#pragma once

#include <algorithm>
#include <cstddef>

#include "lanes_scalar.hpp"

namespace gradscope::kernels {

using Index = std::ptrdiff_t;

struct GemmShape {
  Index rows, cols, depth;
  const float* a;
  Index lda;
  const float* b;
  Index b_step_p, b_step_j;
};

// Epilogue interface: `template <class P> void store(V acc, Index i, Index j, int skip)` writes
// rows i … i + kWidth − 1 of column j, leaving the first `skip` lanes as they are.
template <class P, int kRowVectors, int kCols, class Epilogue>
void gemm_block(const GemmShape& s, Index i, Index j, Index fresh, Epilogue& epilogue) {
  using V = typename P::V;
  constexpr int W = P::kWidth;
  V acc[kRowVectors][kCols];
  for (int r = 0; r < kRowVectors; ++r) {
    for (int c = 0; c < kCols; ++c) acc[r][c] = P::splat(0.0f);
  }
  const float* a = s.a + i;
  const float* b = s.b + j * s.b_step_j;
  for (Index p = 0; p < s.depth; ++p, a += s.lda, b += s.b_step_p) {
    V a_rows[kRowVectors];
    for (int r = 0; r < kRowVectors; ++r) a_rows[r] = P::load(a + r * W);
    for (int c = 0; c < kCols; ++c) {
      const V b_pj = P::broadcast(b + c * s.b_step_j);
      for (int r = 0; r < kRowVectors; ++r) acc[r][c] = P::add(acc[r][c], P::mul(a_rows[r], b_pj));
    }
  }
  for (int r = 0; r < kRowVectors; ++r) {
    const Index row = i + r * W;
    const Index skip = fresh - row;
    if (skip >= W) continue;
    for (int c = 0; c < kCols; ++c) {
      epilogue.template store<P>(acc[r][c], row, j + c, static_cast<int>(std::max<Index>(skip, 0)));
    }
  }
}

template <class P, int kRowVectors, class Epilogue>
void gemm_row_block(const GemmShape& s, Index i, Index fresh, Epilogue& epilogue) {
  Index j = 0;
  for (; j + 4 <= s.cols; j += 4) gemm_block<P, kRowVectors, 4>(s, i, j, fresh, epilogue);
  switch (s.cols - j) {
    case 3:
      gemm_block<P, kRowVectors, 3>(s, i, j, fresh, epilogue);
      break;
    case 2:
      gemm_block<P, kRowVectors, 2>(s, i, j, fresh, epilogue);
      break;
    case 1:
      gemm_block<P, kRowVectors, 1>(s, i, j, fresh, epilogue);
      break;
    default:
      break;
  }
}

template <class P, int kRowVectors, class Epilogue>
void gemm_rows(const GemmShape& s, Epilogue& epilogue) {
  constexpr Index block = kRowVectors * P::kWidth;
  for (Index i = 0; i < s.rows; i += block) {
    const Index start = std::min(i, s.rows - block);  // the overlapping last block
    gemm_row_block<P, kRowVectors>(s, start, i, epilogue);
  }
}

// Picks the widest row block that fits: kRowVectors vectors, one vector, or (fewer rows than
// one vector) the scalar lanes.
template <class P, class Epilogue>
void gemm(const GemmShape& s, Epilogue& epilogue) {
  if (s.rows <= 0 || s.cols <= 0) return;
  constexpr Index W = P::kWidth;
  if (s.rows >= P::kRowVectors * W) {
    gemm_rows<P, P::kRowVectors>(s, epilogue);
  } else if (s.rows >= W) {
    gemm_rows<P, 1>(s, epilogue);
  } else {
    gemm_rows<ScalarLanes, 1>(s, epilogue);
  }
}

}  // namespace gradscope::kernels
