// The measurements of one experiment run, per variant, in arrival order. Pure data.

import type { VanishingPoint } from "gradscope";

export class VanishingResults {
  private readonly points = new Map<string, VanishingPoint[]>();

  constructor(readonly variants: readonly string[]) {
    for (const v of variants) this.points.set(v, []);
  }

  add(variant: string, p: VanishingPoint): void {
    this.points.get(variant)?.push(p);
  }

  of(variant: string): readonly VanishingPoint[] {
    return this.points.get(variant) ?? [];
  }

  initial(variant: string): VanishingPoint | undefined {
    return this.of(variant)[0];
  }

  latest(variant: string): VanishingPoint | undefined {
    const list = this.of(variant);
    return list[list.length - 1];
  }

  /** Epochs measured so far by the slowest variant (0 = only the initialisation). */
  epochsDone(): number {
    return Math.min(...this.variants.map((v) => Math.max(0, this.of(v).length - 1)));
  }
}

/** Whether a measurement holds a non-finite speed: the run diverged (e.g. too large η for ReLU). */
export function diverged(p: VanishingPoint): boolean {
  return p.speeds.some((s) => !Number.isFinite(s)) || !Number.isFinite(p.train.loss);
}
