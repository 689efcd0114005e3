// The `points` URL key: the learner's own points (own-points.ts) in a compact exact text, so a
// link reproduces a set of up to LINK_POINTS_MAX points.
//   ""            no points
//   "c" + 5 chars per point: x₁, x₂ (two characters each), the class (one character)
//   "v" + 6 chars per point: x₁, x₂, the value (two characters each)
//   "n" + a count  a larger set, which the link does not carry (reading it says so)
// Characters are base64url digits (A–Z a–z 0–9 - _, 0 … 63); a coordinate or value h hundredths
// (−150 … 150) is the two digits of h + 150 (0 … 300), high digit first.

import {
  HUNDREDTHS_MAX,
  LINK_POINTS_MAX,
  NO_POINTS,
  pointCount,
  POINTS_MAX_CLASSES,
  samePoints,
  type OwnPoints,
  type PointsKind,
} from "./own-points.js";
import type { PropertyKind } from "./url-table.js";

const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PREFIX: Record<PointsKind, string> = { classes: "c", values: "v" };
const WIDTH: Record<PointsKind, number> = { classes: 5, values: 6 };

/** The longest text the key holds: a value set of LINK_POINTS_MAX points. */
export const POINTS_TEXT_MAX = 1 + WIDTH.values * LINK_POINTS_MAX;

function pair(h: number): string {
  const u = h + HUNDREDTHS_MAX;
  return (DIGITS[u >> 6] ?? "") + (DIGITS[u & 63] ?? "");
}

/** The key's text for `p` ("n" and the count when the set is too large for a link). */
export function encodePoints(p: OwnPoints): string {
  const n = pointCount(p);
  if (n === 0) return "";
  if (n > LINK_POINTS_MAX) return `n${n}`;
  let text = PREFIX[p.kind];
  for (let i = 0; i < p.data.length; i += 3) {
    const t = p.data[i + 2] ?? 0;
    text += pair(p.data[i] ?? 0) + pair(p.data[i + 1] ?? 0);
    text += p.kind === "classes" ? (DIGITS[t] ?? "") : pair(t);
  }
  return text;
}

function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** The points `text` describes, or an Error naming the bad text. */
export function decodePoints(text: string): OwnPoints | Error {
  if (text === "") return NO_POINTS;
  const head = text[0];
  if (head === "n") {
    const count = /^n\d{1,9}$/.test(text) ? Number(text.slice(1)) : NaN;
    if (!(count > LINK_POINTS_MAX)) return new Error(`${show(text)} is not a points count`);
    return new Error(
      `this link was made from ${count} points, more than a link carries (${LINK_POINTS_MAX}); ` +
        "load them again from their CSV",
    );
  }
  const kind: PointsKind | null = head === "c" ? "classes" : head === "v" ? "values" : null;
  if (kind === null) {
    return new Error(`${show(text)} does not start with c (classes), v (values) or n (a count)`);
  }
  const body = text.slice(1);
  const bad = [...body].findIndex((ch) => !DIGITS.includes(ch));
  if (bad >= 0) {
    return new Error(
      `character ${bad + 2} ${JSON.stringify(body[bad])} of ${show(text)} is not one of A–Z a–z 0–9 - _`,
    );
  }
  const width = WIDTH[kind];
  if (body.length % width !== 0) {
    return new Error(
      `${show(text)} has ${body.length} characters after "${head}", not a whole number of ` +
        `points (${width} each)`,
    );
  }
  const n = body.length / width;
  if (n > LINK_POINTS_MAX) {
    return new Error(`${show(text)} holds ${n} points; a link carries at most ${LINK_POINTS_MAX}`);
  }
  const digit = (i: number) => DIGITS.indexOf(body[i] ?? "");
  const data: number[] = [];
  for (let p = 0; p < n; ++p) {
    const at = p * width;
    const fields = kind === "classes" ? 2 : 3;
    for (let f = 0; f < fields; ++f) {
      const u = digit(at + 2 * f) * 64 + digit(at + 2 * f + 1);
      if (u > 2 * HUNDREDTHS_MAX) {
        const code = body.slice(at + 2 * f, at + 2 * f + 2);
        const what = f === 2 ? "value" : `x${f + 1}`;
        return new Error(`point ${p + 1}: ${what} "${code}" is beyond ±1.5 (in ${show(text)})`);
      }
      data.push(u - HUNDREDTHS_MAX);
    }
    if (kind === "classes") {
      const c = digit(at + 4);
      if (c >= POINTS_MAX_CLASSES) {
        return new Error(
          `point ${p + 1}: class "${body[at + 4]}" (${c}) is beyond ${POINTS_MAX_CLASSES - 1} ` +
            `(in ${show(text)})`,
        );
      }
      data.push(c);
    }
  }
  return Object.freeze({ kind, data: Object.freeze(data) });
}

/** The URL table's kind for the `points` key (exempt from the 200-character limit up to its cap). */
export const pointsKind: PropertyKind<OwnPoints> = {
  parse: decodePoints,
  format: encodePoints,
  equals: samePoints,
  maxText: POINTS_TEXT_MAX,
};

/**
 * The Share dialog's warning for a hash whose own points are too many for a link ("n" and the
 * count in `points=`), or null when the link carries them.
 */
export function pointsShareWarning(params: URLSearchParams): string | null {
  const text = params.get("points") ?? "";
  const count = /^n\d{1,9}$/.test(text) ? Number(text.slice(1)) : 0;
  if (count <= LINK_POINTS_MAX) return null;
  return (
    `This run trains on ${count.toLocaleString("en")} points of your own, more than a link ` +
    `carries (${LINK_POINTS_MAX}): the link, iframe and element below will not bring them. ` +
    "Share the CSV as well (Download CSV on the decision-boundary card)."
  );
}
