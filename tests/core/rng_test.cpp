// The seeded generator: portable logarithm, normal samples, and the same weights in every build.
#include "rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "network.hpp"

namespace gradscope {
namespace {

TEST(Rng, PortableLogIsWithinAnUlpOfLibm) {
  Rng rng(1);
  EXPECT_EQ(portable_log(2.0), std::log(2.0));
  for (int i = 0; i < 100000; ++i) {
    const double x = std::ldexp(rng.uniform() + 0.5, static_cast<int>(rng.below(80)) - 40);
    const double ours = portable_log(x), libm = std::log(x);
    EXPECT_LE(std::abs(ours - libm), std::abs(std::nextafter(libm, 0.0) - libm)) << x;
  }
  EXPECT_EQ(portable_log(1.0), 0.0);
}

TEST(Rng, NormalHasUnitMoments) {
  Rng rng(42);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double v = rng.normal();
    sum += v;
    sum2 += v * v;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum2 / n, 1.0, 0.01);
}

TEST(Rng, BelowIsUniform) {
  Rng rng(5);
  int counts[7] = {};
  for (int i = 0; i < 70000; ++i) ++counts[rng.below(7)];
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);
}

// FNV-1a over the bit patterns of every weight and bias.
std::uint64_t checksum(const Network<float>& net) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](const float* p, long n) {
    for (long i = 0; i < n; ++i) {
      std::uint32_t bits;
      std::memcpy(&bits, p + i, 4);
      for (int k = 0; k < 4; ++k) {
        h ^= (bits >> (8 * k)) & 0xff;
        h *= 1099511628211ull;
      }
    }
  };
  for (int l = 2; l <= net.num_layers(); ++l) {
    mix(net.w(l).data(), net.w(l).size());
    mix(net.b(l).data(), net.b(l).size());
  }
  return h;
}

TEST(Rng, SameSeedGivesTheSameWeightsInEveryBuild) {
  // Golden checksum shared by the native and both WebAssembly builds: each build prints its own
  // and must match this value, so all three initialise bit-identically.
  NetworkConfig c;
  c.layers = {784, 30, 10};
  c.init = Init::kScaled;
  c.seed = 42;
  const Network<float> net(c);
  const std::uint64_t h = checksum(net);
  std::printf("[ checksum ] %s: weights of [784,30,10] scaled seed 42 = %016llx\n",
              GRADSCOPE_TEST_FLAVOUR, static_cast<unsigned long long>(h));
  EXPECT_EQ(h, 0xc3d560f65c83f725ull) << std::hex << h;
  NetworkConfig other = c;
  other.seed = 43;
  EXPECT_NE(checksum(Network<float>(other)), h);
}

}  // namespace
}  // namespace gradscope
