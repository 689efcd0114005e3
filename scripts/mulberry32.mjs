// mulberry32: a tiny seeded generator of uniform numbers in [0, 1), the same on every machine.
// The one such generator outside the core's Rng: scripts/convert-mnist.mjs's interleaving, the
// random chains of tests/js/chain.test.js and the lab's "Random N(0, 1)" chain preset
// (web/src/lab/seeded-normal.ts) all draw from it.
/**
 * @param {number} seed taken modulo 2³²
 * @returns {() => number} the next uniform number in [0, 1) at each call
 */
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
