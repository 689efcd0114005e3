// The softmax panel's state — the logits z, the target class of the one-hot y and the nudge
// (logit j, step h) — and its URL table (logits=2,1,0.1&target=1&nudge=1:0.5). Classes are
// numbered 1 … n on the page and in the URL, as the seed numbers y_i. Nothing here touches the DOM.

import { roundForUrl } from "../lab/chain-state.js";
import { listKind, numberKind, type PropertyKind, type PropertyTable } from "../state/url-table.js";

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
/**
 * The largest |z_j| a field or link accepts. Softmax itself takes any finite z (the core subtracts
 * the largest logit first), but beyond a gap of about 104 every e^(z_k − z_max) is 0 in float32,
 * so larger values would show nothing new; 100 keeps every gap the page can make at most 200.
 */
export const LOGIT_LIMIT = 100;
/** The sliders' half-range; a value typed beyond it (up to LOGIT_LIMIT) widens its slider. */
export const LOGIT_SLIDER = 10;
/** The largest |h| of the nudge (the slider covers ±NUDGE_SLIDER). */
export const NUDGE_LIMIT = 10;
export const NUDGE_SLIDER = 2;

export interface Nudge {
  /** The logit nudged, 1 … n. */
  j: number;
  /** The step added to z_j. */
  h: number;
}

export interface SoftmaxState {
  /** z_1 … z_n, n = MIN_CLASSES … MAX_CLASSES, each in [−LOGIT_LIMIT, LOGIT_LIMIT]. */
  logits: number[];
  /** The class y (1 … n) whose one-hot vector is the target. */
  target: number;
  nudge: Nudge;
}

export const DEFAULT_SOFTMAX: Readonly<SoftmaxState> = Object.freeze({
  logits: [2, 1, 0.1],
  target: 1,
  nudge: { j: 1, h: 0.5 },
});

const logitKind: PropertyKind<number> = {
  ...numberKind(-LOGIT_LIMIT, LOGIT_LIMIT),
  format: (v) => String(roundForUrl(v)),
};

const classKind = numberKind(1, MAX_CLASSES, true);
const stepKind = numberKind(-NUDGE_LIMIT, NUDGE_LIMIT);

/** "j:h", e.g. "2:0.5": logit j (1 … MAX_CLASSES) moved by h (|h| ≤ NUDGE_LIMIT). */
export const nudgeKind: PropertyKind<Nudge> = {
  parse(text) {
    const parts = text.split(":");
    if (parts.length !== 2) {
      return new Error(`${JSON.stringify(text)} is not j:h (a class and a step, e.g. 2:0.5)`);
    }
    const j = classKind.parse(parts[0] ?? "");
    if (j instanceof Error) return new Error(`class ${j.message}`);
    const h = stepKind.parse(parts[1] ?? "");
    if (h instanceof Error) return new Error(`step ${h.message}`);
    return { j, h };
  },
  format: (v) => `${v.j}:${roundForUrl(v.h)}`,
  equals: (a, b) => a.j === b.j && a.h === b.h,
};

export const SOFTMAX_TABLE: PropertyTable<SoftmaxState> = [
  { key: "logits", kind: listKind(logitKind, MIN_CLASSES, MAX_CLASSES) },
  { key: "target", kind: classKind },
  { key: "nudge", kind: nudgeKind },
];

/**
 * Makes a parsed state consistent: the target class and the nudged logit must be among the n
 * classes the logits give. Returns the fixed state and one line per fix.
 */
export function reconcileSoftmax(s: SoftmaxState): { state: SoftmaxState; problems: string[] } {
  const n = s.logits.length;
  const problems: string[] = [];
  let { target, nudge } = s;
  if (target > n) {
    problems.push(`target: class ${target} but only ${n} logits; class 1 used`);
    target = 1;
  }
  if (nudge.j > n) {
    problems.push(`nudge: logit ${nudge.j} but only ${n} logits; logit 1 used`);
    nudge = { ...nudge, j: 1 };
  }
  return { state: { logits: [...s.logits], target, nudge }, problems };
}

/** One more class, with z = 0 (the state is returned unchanged at MAX_CLASSES). */
export function addClass(s: SoftmaxState): SoftmaxState {
  if (s.logits.length >= MAX_CLASSES) return s;
  return { ...s, logits: [...s.logits, 0] };
}

/** The last class removed; a target or nudge on it moves to the new last class. */
export function removeClass(s: SoftmaxState): SoftmaxState {
  const n = s.logits.length - 1;
  if (n < MIN_CLASSES) return s;
  return {
    logits: s.logits.slice(0, n),
    target: Math.min(s.target, n),
    nudge: { ...s.nudge, j: Math.min(s.nudge.j, n) },
  };
}

/** z with logit j (1-based) set to v. */
export function withLogit(s: SoftmaxState, j: number, v: number): SoftmaxState {
  const logits = [...s.logits];
  logits[j - 1] = v;
  return { ...s, logits };
}

export interface SoftmaxPreset {
  id: string;
  label: string;
  /** What the preset shows, for the button's title. */
  hint: string;
  /** The logits for n classes. */
  logits(n: number): number[];
}

export const SOFTMAX_PRESETS: readonly SoftmaxPreset[] = [
  {
    id: "uniform",
    label: "Uniform: every z = 0",
    hint: "Equal logits give equal probabilities 1/n, where the Jacobian is largest",
    logits: (n) => Array.from({ length: n }, () => 0),
  },
  {
    id: "confident",
    label: "One confident: z₁ = 3",
    hint: "One logit 3 above the others",
    logits: (n) => Array.from({ length: n }, (_, i) => (i === 0 ? 3 : 0)),
  },
  {
    id: "saturated",
    label: "Saturated: z₁ = 12",
    hint: "One logit 12 above the others: a₁ ≈ 1 and the Jacobian ≈ 0",
    logits: (n) => Array.from({ length: n }, (_, i) => (i === 0 ? 12 : 0)),
  },
];

/** The state with a preset's logits for the current number of classes. */
export function applyPreset(s: SoftmaxState, preset: SoftmaxPreset): SoftmaxState {
  return { ...s, logits: preset.logits(s.logits.length) };
}

/**
 * What a logit field's text means: the number, or a short message naming the bad text (shown
 * beside the field; the logits keep their last good value, so no NaN reaches the package).
 */
export function readLogitText(text: string): number | Error {
  return readBoundedNumber(text, LOGIT_LIMIT);
}

/** A typed nudge step h: the number, or a message naming the bad text. */
export function readStepText(text: string): number | Error {
  return readBoundedNumber(text, NUDGE_LIMIT);
}

/** Decimal notation only (no hex, no "Infinity"), as the URL tables read numbers. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A typed number in [−limit, limit] (a typographic minus reads as "-"), or a message. */
export function readBoundedNumber(text: string, limit: number): number | Error {
  const t = text.trim().replace("−", "-");
  if (t === "") return new Error("type a number");
  if (!DECIMAL.test(t)) return new Error(`${JSON.stringify(text.trim())} is not a number`);
  const v = Number(t);
  if (!(Math.abs(v) <= limit)) return new Error(`${t} is outside −${limit} … ${limit}`);
  return v;
}
