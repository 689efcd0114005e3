// Every sentence the softmax panel states about the current numbers, computed from them (the
// probabilities a and the Jacobian J from the package, the nudge and the cost worked from those).
// Classes are numbered 1 … n in the text; the functions take 0-based indices.

import type { LogLikelihoodWorked } from "./log-likelihood.js";
import { complementOfLargest, largestIndex, type NudgeComparison } from "./linear-nudge.js";
import { numberText } from "./number-cell.js";

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

/** 12 → "₁₂". */
export function subscript(k: number): string {
  return [...String(k)].map((d) => SUBSCRIPTS[Number(d)] ?? d).join("");
}

/** "a₃" for 0-based i = 2. */
const a = (i: number) => `a${subscript(i + 1)}`;
const z = (j: number) => `z${subscript(j + 1)}`;
const partial = (i: number, j: number) => `∂${a(i)}/∂${z(j)}`;
/** Numbers in sentences as in the tables: four significant digits, U+2212 minus, e−n. */
const fmt = numberText;

/**
 * A probability in words: four significant digits, except just below 1, where they would round
 * to "1" and hide the saturation: "1 − 1.229e−5". `complement` is 1 − p, best taken from the
 * other classes (complementOfLargest): 1 − p from a float32 p near 1 keeps only its rounding.
 */
export function probabilityText(p: number, complement = 1 - p): string {
  return p >= 0.9995 && p < 1 ? `1 − ${fmt(complement)}` : fmt(p);
}

/** Each probability's text, the largest with its complement summed from the other classes. */
export function probabilityTexts(p: ArrayLike<number>): string[] {
  const t = largestIndex(p);
  const complement = complementOfLargest(p);
  return Array.from(p, (v, i) => (i === t ? probabilityText(v, complement) : probabilityText(v)));
}

/** "1", "1 and 2", "1, 2 and 3". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * |J| below this everywhere counts as saturated: 4% of the 1/4 that a_i(1 − a_i) reaches at
 * a_i = 1/2, so every gradient through the softmax is cut at least 25-fold.
 */
export const SATURATED_JACOBIAN = 0.01;
/** Differences below this are float32 rounding of values of size ≤ 1, not mathematics. */
export const FLOAT32_NOISE = 1e-6;

/** Which class is the most likely (and by how much), or which tie. */
export function probabilityCaption(p: ArrayLike<number>): string {
  const values = Array.from(p);
  const n = values.length;
  const top = Math.max(...values);
  const best = values.flatMap((v, i) => (v === top ? [i] : []));
  if (best.length === n) {
    return `All ${n} classes are equally likely: every aᵢ = ${probabilityText(top)} (1/${n}).`;
  }
  if (best.length > 1) {
    return (
      `Classes ${listOf(best.map((i) => String(i + 1)))} tie as the most likely, ` +
      `with a = ${probabilityText(top)} each.`
    );
  }
  const first = best[0] as number;
  const topText = probabilityTexts(values)[first] as string;
  const rest = values.filter((_, i) => i !== first);
  const second = Math.max(...rest);
  const runnerUp = values.findIndex((v, i) => i !== first && v === second);
  if (second === 0) {
    return (
      `Class ${first + 1} is the most likely: ${a(first)} = ${topText}, and every ` +
      "other class has probability 0 in float32."
    );
  }
  return (
    `Class ${first + 1} is the most likely: ${a(first)} = ${topText}, ` +
    `${fmt(top / second)} times the next, class ${runnerUp + 1} (${a(runnerUp)} = ${fmt(second)}).`
  );
}

/** The largest and most negative entries, or that every entry is nearly zero (saturation). */
export function jacobianCaption(p: ArrayLike<number>, jacobian: ArrayLike<number>): string {
  const n = p.length;
  let maxAbs = 0;
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < n * n; k++) {
    const v = jacobian[k] as number;
    maxAbs = Math.max(maxAbs, Math.abs(v));
    if (v > (jacobian[hi] as number)) hi = k;
    if (v < (jacobian[lo] as number)) lo = k;
  }
  if (maxAbs < SATURATED_JACOBIAN) {
    const top = largestIndex(p);
    return (
      `Every entry is below ${SATURATED_JACOBIAN} in size (the largest ${fmt(maxAbs)}): ` +
      `the softmax is saturated (${a(top)} = ${probabilityTexts(p)[top] as string}), so ` +
      "moving any weighted input barely moves a. That does not stop learning: with the " +
      "log-likelihood cost, δᴸ = a − y skips these tiny ∂aᵢ/∂zⱼ and does not vanish while a is " +
      "far from the target (Nielsen, chapter 3) — see the cost section below."
    );
  }
  const hiI = Math.floor(hi / n);
  const loI = Math.floor(lo / n);
  const loJ = lo % n;
  return (
    `The largest entry is ${partial(hiI, hi % n)} = ${a(hiI)}(1 − ${a(hiI)}) = ` +
    `${fmt(jacobian[hi] as number)} (a diagonal entry is at most 1/4, at ${a(hiI)} = 1/2); ` +
    `the most negative is ${partial(loI, loJ)} = −${a(loI)}${a(loJ)} = ` +
    `${fmt(jacobian[lo] as number)}.`
  );
}

/** Each column of J sums to 0, since Σᵢ aᵢ = 1 whatever z is; how close the float32 J comes. */
export function columnSumCaption(n: number, jacobian: ArrayLike<number>): string {
  let worst = 0;
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += jacobian[i * n + j] as number;
    worst = Math.max(worst, Math.abs(sum));
  }
  const here =
    worst === 0
      ? "here every column sums to exactly 0"
      : `here the largest |column sum| is ${fmt(worst)}, float32 rounding`;
  return (
    "Each column sums to 0: Σᵢ aᵢ = 1 whatever z is, so raising one logit takes from the other " +
    `classes exactly what it gives its own (${here}).`
  );
}

/**
 * A nudge's miss counts only when it is well above what float32 rounding of the package's
 * outputs alone can produce (4 × the bound in NudgeComparison.resolution).
 */
export const NUDGE_RESOLUTION_FACTOR = 4;

/** What the nudge shows: Δa against h × column j of J, and how the miss shrinks from h to h/2. */
export function nudgeCaption(
  j: number,
  h: number,
  full: NudgeComparison,
  half: NudgeComparison,
): string {
  if (h === 0) return `h = 0 moves nothing: Δa = 0 and 0 × column ${j + 1} of J = 0.`;
  const own = full.actual[j] as number;
  const verb = h > 0 ? "Raising" : "Lowering";
  const still = (v: number) => v === 0;
  if (full.actual.every(still) && full.linear.every(still)) {
    return (
      `${verb} ${z(j)} by ${fmt(Math.abs(h))} moves nothing in float32: a is saturated, so both ` +
      `the change and h × column ${j + 1} of J are 0.`
    );
  }
  const first =
    `${verb} ${z(j)} by ${fmt(Math.abs(h))} changes ${a(j)} by ${own > 0 ? "+" : ""}${fmt(own)}; ` +
    `the linear prediction h × column ${j + 1} of J is off by at most ${fmt(full.maxError)}.`;
  const blurred = (c: NudgeComparison) => c.maxError < NUDGE_RESOLUTION_FACTOR * c.resolution;
  if (blurred(full) || blurred(half)) {
    const c = blurred(full) ? full : half;
    return (
      `${first} At ${c === full ? "h" : "h/2"} the miss is within float32 resolution ` +
      `(rounding alone can move it by ${fmt(c.resolution)}), so it says nothing about the ` +
      "second-order term: try a larger h."
    );
  }
  const ratio = half.maxError > 0 ? full.maxError / half.maxError : Infinity;
  const halfText = `With h/2 = ${fmt(h / 2)} the error is ${fmt(half.maxError)}`;
  if (ratio >= 3.5 && ratio <= 4.5) {
    return (
      `${first} ${halfText}, ${fmt(ratio)} times smaller: close to 4 = 2², ` +
      "the error shrinks like h²."
    );
  }
  return (
    `${first} ${halfText}, ${fmt(ratio)} times smaller, not yet the 4 = 2² of an error ` +
    "like h²: at this h the higher-order terms still count. Try a smaller h."
  );
}

/** The cost, and whether the shortcut a − y and the product Jᵀ∂C/∂a agree. */
export function costCaption(p: ArrayLike<number>, t: number, worked: LogLikelihoodWorked): string {
  const at = p[t] as number;
  const values = Array.from(p);
  const top = Math.max(...values);
  const rank =
    at === top
      ? `class ${t + 1} is ${values.filter((v) => v === top).length > 1 ? "among " : ""}the most likely`
      : `class ${t + 1} is not the most likely`;
  const costText = Number.isFinite(worked.cost)
    ? `C = −ln ${a(t)} = ${fmt(worked.cost)} (${rank}; the cost falls to 0 as ${a(t)} → 1)`
    : `${a(t)} is 0 in float32 (${rank}), so C = −ln 0 = ∞`;
  const others = Math.max(...values.filter((_, i) => i !== t));
  const push =
    at < 1
      ? ` δ${subscript(t + 1)} = ${a(t)} − 1 is the only negative entry: gradient descent ` +
        `raises ${z(t)} and lowers the others in proportion to their aⱼ.`
      : ` ${a(t)} = 1 in float32, so δ${subscript(t + 1)} = 0 and every other δⱼ = aⱼ is at ` +
        `most ${fmt(others)}: almost nothing left to learn from this sample.`;
  if (worked.product === null || worked.maxDifference === null) {
    return (
      `${costText}. ∂C/∂${a(t)} = −1/${a(t)} is infinite, so the general product Jᵀ∂C/∂a cannot ` +
      "be formed; the shortcut δ = a − y needs no division and stays finite." +
      push
    );
  }
  const agree =
    worked.maxDifference <= FLOAT32_NOISE
      ? ` Both forms give the same δᴸ, to within ${fmt(worked.maxDifference)} ` +
        "(float32 rounding): Jᵀ∂C/∂a = a − y."
      : ` The two forms differ by up to ${fmt(worked.maxDifference)}: with ${a(t)} = ` +
        `${fmt(at)}, J's row ${t + 1} (−${a(t)}aⱼ) has lost its precision in float32, while ` +
        "a − y needs no division — why the package uses the shortcut.";
  return `${costText}.${agree}${push}`;
}
