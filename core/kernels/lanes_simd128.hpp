// Four floats per v128 through wasm_simd128.h. Only compiled with -msimd128 (the SIMD flavour of
// the WebAssembly build); ScalarLanes is the portable twin with the same interface.
#pragma once

#include <wasm_simd128.h>

namespace gradscope::kernels {

struct Simd128Lanes {
  using V = v128_t;
  using Mask = v128_t;
  static constexpr int kWidth = 4;
  // Rows per register block: 2 vectors (8 rows) × 4 columns = 8 accumulators, which with the
  // operands stays inside x86's 16 vector registers once V8 compiles the module.
  static constexpr int kRowVectors = 2;

  static V load(const float* p) { return wasm_v128_load(p); }
  static void store(float* p, V v) { wasm_v128_store(p, v); }
  static V splat(float x) { return wasm_f32x4_splat(x); }
  static V broadcast(const float* p) { return wasm_v128_load32_splat(p); }
  static V add(V a, V b) { return wasm_f32x4_add(a, b); }
  static V sub(V a, V b) { return wasm_f32x4_sub(a, b); }
  static V mul(V a, V b) { return wasm_f32x4_mul(a, b); }
  static V div(V a, V b) { return wasm_f32x4_div(a, b); }
  static V min(V a, V b) { return wasm_f32x4_pmin(a, b); }  // b < a ? b : a, as ScalarLanes
  static V max(V a, V b) { return wasm_f32x4_pmax(a, b); }  // a < b ? b : a
  static V neg(V a) { return wasm_f32x4_neg(a); }
  static V abs(V a) { return wasm_f32x4_abs(a); }
  static Mask greater_equal(V a, V b) { return wasm_f32x4_ge(a, b); }
  static Mask less(V a, V b) { return wasm_f32x4_lt(a, b); }
  static V select(Mask m, V if_true, V if_false) {
    return wasm_v128_bitselect(if_true, if_false, m);
  }
  static Mask lanes_from(int skip) {
    const v128_t index = wasm_i32x4_make(0, 1, 2, 3);
    return wasm_i32x4_ge(index, wasm_i32x4_splat(skip));
  }
  static V nearest(V a) { return wasm_f32x4_nearest(a); }
  static float sum(V a) {
    return (wasm_f32x4_extract_lane(a, 0) + wasm_f32x4_extract_lane(a, 1)) +
           (wasm_f32x4_extract_lane(a, 2) + wasm_f32x4_extract_lane(a, 3));
  }

  // p · 2^n for integer-valued n in [−150, 129] (see ScalarLanes::times_pow2).
  static V times_pow2(V p, V n) {
    const v128_t k = wasm_i32x4_trunc_sat_f32x4(n);
    const v128_t k1 = wasm_i32x4_shr(k, 1);
    const v128_t k2 = wasm_i32x4_sub(k, k1);
    return wasm_f32x4_mul(wasm_f32x4_mul(p, pow2(k1)), pow2(k2));
  }

 private:
  static v128_t pow2(v128_t k) {
    return wasm_i32x4_shl(wasm_i32x4_add(k, wasm_i32x4_splat(127)), 23);
  }
};

}  // namespace gradscope::kernels
