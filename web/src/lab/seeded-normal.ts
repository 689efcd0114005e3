// The chain's "Random N(0, 1)" preset draws from this generator; the view owns one and passes it
// in (house rule: randomness from an explicit seeded generator). Uniforms come from the project's
// one mulberry32 (scripts/mulberry32.mjs), so a draw is the same in every browser.
import { mulberry32 } from "../../../scripts/mulberry32.mjs";

/** A small seeded generator (mulberry32) with a normal sampler, owned by whoever draws. */
export class SeededNormal {
  readonly uniform: () => number;
  constructor(seed: number) {
    this.uniform = mulberry32(seed);
  }
  /** N(0, 1) by Box–Muller. */
  normal(): number {
    const u = 1 - this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }
}
