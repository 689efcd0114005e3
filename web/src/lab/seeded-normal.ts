// The chain's "Random N(0, 1)" preset draws from this generator; the view owns one and passes it
// in (house rule: randomness from an explicit seeded generator). mulberry32, as
// scripts/mulberry32.mjs, so a draw is the same in every browser.

/** A small seeded generator (mulberry32) with a normal sampler, owned by whoever draws. */
export class SeededNormal {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  uniform(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** N(0, 1) by Box–Muller. */
  normal(): number {
    const u = 1 - this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }
}
