// How the lab writes numbers: four significant digits, exponent notation for the very small and
// very large values a vanishing or exploding product reaches.

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return Number(v.toPrecision(4)).toString();
  return v.toExponential(2);
}

export function formatPercent(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}

/** Relative difference |a − b| / max(|a|, |b|) (0 when both are 0). */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Tick labels for a uPlot log axis: label the powers of ten only (the minor ticks stay blank). */
export function logTickLabels(_u: unknown, splits: (number | null)[]): string[] {
  return splits.map((v) => {
    if (v == null || !(v > 0)) return "";
    const e = Math.log10(v);
    return Math.abs(e - Math.round(e)) < 1e-9 ? formatNumber(v) : "";
  });
}
