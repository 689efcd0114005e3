// How the page writes numbers: four significant digits, exponent notation for the very small and
// very large values a vanishing or exploding gradient reaches. Values that are not finite (a
// diverged run, 0 × ∞ in a saturated chain) are written as words a learner can read, never
// as a bare "NaN" or "undefined".

/** What the page writes for NaN. */
export const NOT_A_NUMBER = "not a number";

export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return NOT_A_NUMBER;
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return Number(v.toPrecision(4)).toString();
  return v.toExponential(2).replace("e+", "e");
}

/** 0.123 → "12.3%"; a share that is not finite (a diverged run) → "not a number". */
export function formatPercent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : NOT_A_NUMBER;
}

/** Relative difference |a − b| / max(|a|, |b|) (0 when both are 0). */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/**
 * Tick labels for a uPlot log axis: uPlot places the ticks; this labels the exact decades
 * (0.01 … 100 as decimals, others as 1e−5) and leaves the 2×, 5× ticks in between blank.
 */
export function logTickLabels(_u: unknown, splits: (number | null)[]): string[] {
  return splits.map((v) => {
    if (v == null || !(v > 0)) return "";
    const e = Math.round(Math.log10(v));
    if (Math.abs(v / 10 ** e - 1) > 1e-6) return "";
    return e >= -2 && e <= 2 ? String(10 ** e) : `1e${e}`;
  });
}
