// The Jacobian heatmap's diverging colour scale: white at 0, Okabe–Ito blue for positive and
// vermillion for negative entries (the page's sign colours), full strength at ±1/4 — the largest
// size any softmax Jacobian entry reaches (a_i(1 − a_i) ≤ 1/4, a_i a_j ≤ 1/4) — so colours mean
// the same for every z.

import { SIGN_COLOURS } from "../views/palette.js";
import { numberText } from "./number-cell.js";

/** |∂a_i/∂z_j| ≤ 1/4 for every softmax: the ends of the scale. */
export const JACOBIAN_SCALE = 0.25;

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

const POSITIVE = rgb(SIGN_COLOURS.positive);
const NEGATIVE = rgb(SIGN_COLOURS.negative);

export interface CellColour {
  /** CSS rgb() background. */
  background: string;
  /** Text colour readable on it: dark on the pale middle, white on the strong ends. */
  text: string;
}

/** The colour of value v, clamped to ±JACOBIAN_SCALE; NaN (never expected) is grey. */
export function jacobianColour(v: number): CellColour {
  if (Number.isNaN(v)) return { background: SIGN_COLOURS.notANumber, text: "#000" };
  const t = Math.min(1, Math.abs(v) / JACOBIAN_SCALE);
  const end = v >= 0 ? POSITIVE : NEGATIVE;
  const mix = end.map((c) => Math.round(255 + (c - 255) * t));
  // Relative luminance (sRGB, WCAG) decides the text colour.
  const lin = mix.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
  return {
    background: `rgb(${mix.join(", ")})`,
    text: luminance > 0.18 ? "#000" : "#fff",
  };
}

/** The legend's CSS gradient, from −JACOBIAN_SCALE (left) to +JACOBIAN_SCALE (right). */
export function legendGradient(): string {
  const stops = [-1, -0.5, 0, 0.5, 1].map(
    (f) => `${jacobianColour(f * JACOBIAN_SCALE).background} ${((f + 1) / 2) * 100}%`,
  );
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/** The text inside a cell: the page's one number format, as in the sentences and tables. */
export function cellText(v: number): string {
  return Number.isNaN(v) ? "?" : numberText(v);
}
