// mulberry32: a tiny seeded generator of uniform numbers in [0, 1), the same on every machine.
// Used where a build script or a test needs reproducible randomness outside the core's Rng
// (scripts/convert-mnist.mjs's interleaving, the random chains of tests/js/chain.test.js).
export function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
