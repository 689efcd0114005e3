// Ticks for chart axes over any finite range, each a short bounded loop. uPlot's own ticks fail on
// the huge but finite values a run with a large learning rate reaches: a log axis whose range
// rounds up to ∞ doubles its ticks forever (the page froze, then threw "Invalid array length"),
// and a linear axis past 17 integer digits finds no step and shows no ticks at all.

/** The most ticks `linearTicks` returns, whatever it is asked for. */
export const MAX_TICKS = 20;

/**
 * About `count` evenly spaced ticks in [min, max] at a step of 1, 2 or 5 × 10^k (ascending); none
 * when the range is not finite or empty, the one value when min = max.
 */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return [];
  if (min === max) return [min];
  const wanted = Math.min(Math.max(1, Math.floor(count)), MAX_TICKS);
  // Halved first so that max − min cannot overflow to ∞ near the largest doubles.
  const rough = (max / 2 - min / 2) / (wanted / 2);
  const decade = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * decade).find((s) => s >= rough) ?? 10 * decade;
  // Decimals of the step, so that 3 × 0.2 reads 0.6 and not 0.6000000000000001.
  const decimals = Math.min(100, Math.max(0, -Math.floor(Math.log10(step))));
  const first = Math.ceil(min / step);
  const last = Math.floor(max / step);
  const ticks: number[] = [];
  for (let i = first; i <= last && ticks.length < MAX_TICKS; i++) {
    const v = Number((i * step).toFixed(decimals));
    if (Number.isFinite(v)) ticks.push(Object.is(v, -0) ? 0 : v);
  }
  return ticks;
}

/** The largest and smallest decades a log axis shows (10^±300 stay finite and non-zero). */
const LOG_EXP_LIMIT = 300;

/**
 * A log axis's range: from the decade at or below `min` to the decade at or above `max`, both
 * within 10^±300; [1, 10] when there is no positive finite data.
 */
export function logRange(min: number | null, max: number | null): [number, number] {
  const lo = min !== null && min > 0 && Number.isFinite(min) ? min : null;
  const hi = max !== null && max > 0 && Number.isFinite(max) ? max : null;
  if (lo === null || hi === null) return [1, 10];
  const clamp = (e: number) => Math.min(LOG_EXP_LIMIT, Math.max(-LOG_EXP_LIMIT, e));
  const low = clamp(Math.floor(Math.log10(lo)));
  const high = Math.max(low + 1, clamp(Math.ceil(Math.log10(hi))));
  return [Number(`1e${low}`), Number(`1e${high}`)];
}

/** Decades 10^k in [min, max] for a log axis, every n-th when there are more than MAX_TICKS. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !Number.isFinite(max) || min > max) return [];
  const low = Math.ceil(Math.log10(min) - 1e-9);
  const high = Math.floor(Math.log10(max) + 1e-9);
  const stride = Math.max(1, Math.ceil((high - low + 1) / MAX_TICKS));
  const ticks: number[] = [];
  for (let e = low; e <= high && ticks.length < MAX_TICKS; e += stride)
    ticks.push(Number(`1e${e}`));
  return ticks;
}

/**
 * The y scale and tick placement every log chart uses: uPlot's own log range and ticks never
 * end once a huge but finite value rounds the axis up to ∞, so each log chart takes these.
 */
export const boundedLogScale = {
  distr: 3 as const,
  range: (_u: unknown, min: number | null, max: number | null) => logRange(min, max),
};
export const boundedLogSplits = (_u: unknown, _axis: number, min: number, max: number) =>
  logTicks(min, max);
