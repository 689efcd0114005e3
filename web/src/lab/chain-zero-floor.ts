// Where the chain's log chart draws exact zeros (an inactive ReLU makes ∂C/∂b_j exactly 0, which a
// log axis cannot show): one decade below the smallest positive value, labelled "0" on the axis.
// Pure.

/** The floor for `values` (10^k, a decade below the smallest positive finite one; 0.1 if none). */
export function zeroFloor(values: readonly number[]): number {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return 0.1;
  const e = Math.floor(Math.log10(Math.min(...positive))) - 1;
  return Number(`1e${Math.max(-300, e)}`);
}

/** The plotted series: positive values as they are, zeros apart at the floor. */
export function splitZeros(
  values: readonly number[],
  floor: number,
): { positive: (number | null)[]; zeros: (number | null)[] } {
  return {
    positive: values.map((v) => (v > 0 && Number.isFinite(v) ? v : null)),
    zeros: values.map((v) => (v === 0 ? floor : null)),
  };
}
