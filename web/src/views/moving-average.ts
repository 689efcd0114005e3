// Optional smoothing of the time charts: the mean of each point and the window − 1 before it
// (a trailing moving average, so the newest point still ends where training is).

/** The smoothing windows offered, in plotted points; 0 is off. */
export const SMOOTHING_WINDOWS = [0, 5, 20, 50] as const;

/**
 * Trailing moving average of `values` over `window` points. Missing values (null: not finite)
 * are left out of each mean; a point whose whole window is missing stays null. A window of 0 or
 * 1 returns the values unchanged.
 */
export function movingAverage(
  values: readonly (number | null)[],
  window: number,
): (number | null)[] {
  if (!Number.isInteger(window) || window < 0)
    throw new RangeError(`smoothing window ${window} is not a whole number ≥ 0`);
  if (window <= 1) return [...values];
  // Each window summed afresh: a running sum would leave rounding dust of the large early norms
  // in the tiny later ones (norms span many decades).
  return values.map((_, end) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, end - window + 1); j <= end; j++) {
      const v = values[j];
      if (v == null) continue;
      sum += v;
      count++;
    }
    return count === 0 ? null : sum / count;
  });
}
