// One float per "vector": the portable twin of the wasm_simd128.h lanes. The float kernels are
// written once over a lanes type, so the scalar build runs the very same blocking, exp
// polynomial and tail handling, one lane wide.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace gradscope::kernels {

struct ScalarLanes {
  using V = float;
  using Mask = bool;
  static constexpr int kWidth = 1;
  // Rows per register block: 4 rows × 4 columns = 16 float accumulators.
  static constexpr int kRowVectors = 4;

  static V load(const float* p) { return *p; }
  static void store(float* p, V v) { *p = v; }
  static V splat(float x) { return x; }
  static V broadcast(const float* p) { return *p; }
  static V add(V a, V b) { return a + b; }
  static V sub(V a, V b) { return a - b; }
  static V mul(V a, V b) { return a * b; }
  static V div(V a, V b) { return a / b; }
  static V min(V a, V b) { return b < a ? b : a; }
  static V max(V a, V b) { return a < b ? b : a; }
  static V neg(V a) { return -a; }
  static V abs(V a) { return std::fabs(a); }
  static Mask greater_equal(V a, V b) { return a >= b; }
  static Mask less(V a, V b) { return a < b; }
  static V select(Mask m, V if_true, V if_false) { return m ? if_true : if_false; }
  // Lanes at index >= skip; one lane wide, so all or nothing.
  static Mask lanes_from(int skip) { return skip <= 0; }
  // Round half to even, as wasm's f32x4.nearest.
  static V nearest(V a) { return std::nearbyint(a); }
  static float sum(V a) { return a; }

  // p · 2^n for integer-valued n in [−150, 129], as two power-of-two factors so that every result
  // from the smallest subnormal to overflow is formed by exactly rounded multiplications.
  static V times_pow2(V p, V n) {
    // k = n read from the low mantissa bits of n + 1.5·2^23 (exact for integer-valued n), not by
    // a float → int cast, which is undefined for the NaN that a NaN input brings (p is NaN then).
    const float shifted = n + 12582912.0f;
    std::int32_t k;
    std::memcpy(&k, &shifted, sizeof k);
    k -= 0x4B400000;                 // the bits of 1.5·2^23
    const std::int32_t k1 = k >> 1;  // floor(k / 2), like i32x4.shr
    return p * pow2(k1) * pow2(k - k1);
  }

 private:
  static float pow2(std::int32_t k) {  // 2^k for k in [−126, 127]: the exponent field alone
    const std::uint32_t bits = static_cast<std::uint32_t>(k + 127) << 23;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
};

}  // namespace gradscope::kernels
