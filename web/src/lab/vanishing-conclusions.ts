// What a finished (or stopped) run of the deep-network experiment showed, in words, computed from
// its measurements: nothing is said before a run. Pure.

import type { VanishingPoint } from "gradscope";
import { formatNumber, formatPercent } from "../views/number-format.js";
import { diverged, type VanishingResults } from "./vanishing-results.js";
import { variantLabel } from "./vanishing-variants.js";

/** "98× slower than", "1.5× faster than", or "as fast as" (first over last hidden layer). */
export function slowerText(first: number, last: number): string | null {
  if (!(first > 0) || !(last > 0) || !Number.isFinite(first) || !Number.isFinite(last)) return null;
  const r = last / first;
  if (Math.abs(r - 1) < 0.05) return "about as fast as";
  return r > 1 ? `${formatNumber(r)}× slower than` : `${formatNumber(1 / r)}× faster than`;
}

function comparison(p: VanishingPoint, hidden: number): string {
  if (hidden < 2) return "";
  const s = slowerText(p.speeds[0] ?? NaN, p.speeds[hidden - 1] ?? NaN);
  return s === null
    ? `hidden layer 1 had no measurable speed against hidden layer ${hidden}`
    : `hidden layer 1 learned ${s} hidden layer ${hidden}`;
}

/** The epoch (≥ 1) at which the first hidden layer's speed first came within 10× of the last's. */
export function catchUpEpoch(points: readonly VanishingPoint[], hidden: number): number | null {
  for (const p of points) {
    if (p.epoch === 0 || diverged(p)) continue;
    const first = p.speeds[0] ?? 0;
    const last = p.speeds[hidden - 1] ?? 0;
    if (first > 0 && last > 0 && last / first <= 10) return p.epoch;
  }
  return null;
}

/** One sentence per network of the run, from its first and latest measurements. */
export function runConclusions(r: VanishingResults, hidden: number): string[] {
  const out: string[] = [];
  for (const v of r.variants) {
    const points = r.of(v);
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) continue;
    const bits = [`at initialisation ${comparison(first, hidden)}`];
    if (last.epoch > 0) {
      if (diverged(last)) {
        bits.push(`training diverged by epoch ${last.epoch} (a non-finite gradient)`);
      } else {
        bits.push(`after epoch ${last.epoch} ${comparison(last, hidden)}`);
        const caught = hidden >= 2 ? catchUpEpoch(points, hidden) : null;
        const ratio0 = (first.speeds[hidden - 1] ?? 0) / (first.speeds[0] ?? 0);
        if (hidden >= 2 && ratio0 > 10)
          bits.push(
            caught === null
              ? "the first layer never came within 10× of the last"
              : `the first layer came within 10× of the last at epoch ${caught}`,
          );
      }
      bits.push(
        `held-out accuracy went from ${formatPercent(first.test.accuracy)} to ${formatPercent(last.test.accuracy)}`,
      );
    } else {
      bits.push(`held-out accuracy ${formatPercent(first.test.accuracy)} (no training)`);
    }
    out.push(`${variantLabel(v)}: in this run ${bits.join("; ")}.`);
  }
  return out;
}
