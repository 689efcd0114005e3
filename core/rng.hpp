// A seeded random generator of our own (xoshiro256**, seeded by splitmix64) with a normal
// sampler that uses only IEEE-exact operations (+ − × ÷ √) and our own logarithm, so the same seed
// gives bit-identical weights natively (glibc) and in WebAssembly (musl).
#pragma once

#include <cstdint>
#include <vector>

namespace gradscope {

class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next_u64();
  // Uniform in [0, 1) with 53 random bits.
  double uniform();
  // Uniform integer in [0, n), without modulo bias. n = 0 throws std::invalid_argument.
  std::uint64_t below(std::uint64_t n);
  // Standard normal N(0, 1), Marsaglia's polar method.
  double normal();
  // Fisher–Yates shuffle.
  void shuffle(std::vector<int>& v);

 private:
  std::uint64_t s_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

// Natural logarithm from frexp and an atanh series: bit-identical on every IEEE-754 platform
// (libm's log is not guaranteed to be). Accurate to about 1 ulp for x > 0.
double portable_log(double x);

}  // namespace gradscope
