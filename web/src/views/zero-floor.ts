// Exact zeros on a log chart: log 0 = −∞, so uPlot silently drops them and a layer whose
// gradient is exactly 0 (every ReLU dead) vanishes. They are drawn instead at a floor one decade
// below the lowest decade any positive value reaches, marked "0: no gradient".

/** The label of the floor line and of its tick. */
export const ZERO_FLOOR_LABEL = "0: no gradient";

/**
 * The floor for `columns`: one decade below the decade at or below their smallest positive
 * finite value (10^−300 at the lowest); 0.1 when no value is positive (then the axis shows
 * only the floor's decade).
 */
export function zeroFloor(columns: readonly (readonly (number | null | undefined)[])[]): number {
  let min = Infinity;
  for (const column of columns)
    for (const v of column) if (v != null && v > 0 && Number.isFinite(v) && v < min) min = v;
  if (min === Infinity) return 0.1;
  const decade = Math.max(-299, Math.floor(Math.log10(min)));
  return Number(`1e${decade - 1}`);
}

/** `column` with exact zeros moved to `floor`; values that are not finite or negative → null. */
export function mapZerosToFloor(
  column: readonly (number | null | undefined)[],
  floor: number,
): (number | null)[] {
  return column.map((v) => {
    if (v == null || !Number.isFinite(v) || v < 0) return null;
    return v === 0 ? floor : v;
  });
}

/** True when `v` is a zero drawn at `floor` (every positive value lies above the floor). */
export function isFloorValue(v: number | null | undefined, floor: number): boolean {
  return v != null && v <= floor;
}
