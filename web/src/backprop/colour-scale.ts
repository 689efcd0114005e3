// The backprop view's one colour scale: diverging around 0, vermillion for negative and blue for
// positive (palette.ts's signs, the diagram's colours too; Okabe–Ito, so readable with every
// common colour blindness), white at 0, grey for a value that is not a number. Each array gets a
// symmetric range [−m, m] with m its largest finite |value|, stated in its legend. Pure.

import { SIGN_COLOURS } from "../views/palette.js";

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const POSITIVE = hexRgb(SIGN_COLOURS.positive);
const NEGATIVE = hexRgb(SIGN_COLOURS.negative);
const NOT_A_NUMBER = hexRgb(SIGN_COLOURS.notANumber);

/** "#0072B2" or "#999" → [r, g, b]. */
function hexRgb(hex: string): Rgb {
  const digits = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (d) => d + d) : hex;
  const n = Number.parseInt(digits.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The largest finite |value| of `values` (0 when there is none): the scale's half-range m. */
export function scaleMax(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; ++i) {
    const a = Math.abs(values[i] ?? 0);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m;
}

/**
 * The colour of `v` on the scale [−m, m] as [r, g, b] (0–255): white at 0, full blue at +m and
 * beyond (+∞ too), full vermillion at −m and beyond, grey for NaN. With m = 0 every finite value
 * is white (an all-zero array).
 */
export function colourRgb(v: number, m: number): Rgb {
  if (Number.isNaN(v)) return NOT_A_NUMBER;
  if (v === 0 || (m === 0 && Number.isFinite(v))) return WHITE;
  const t = Number.isFinite(v) ? Math.min(1, Math.abs(v) / m) : 1;
  const end = v > 0 ? POSITIVE : NEGATIVE;
  const mix = (i: 0 | 1 | 2) => Math.round(WHITE[i] + (end[i] - WHITE[i]) * t);
  return [mix(0), mix(1), mix(2)];
}

/** colourRgb as a CSS colour. */
export function colourCss(v: number, m: number): string {
  const [r, g, b] = colourRgb(v, m);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Whether text on `v`'s colour should be white (dark background) rather than black. */
export function needsLightText(v: number, m: number): boolean {
  if (Number.isNaN(v)) return false;
  const [r, g, b] = colourRgb(v, m);
  // Relative luminance (WCAG) below ~0.3: white text keeps the higher contrast.
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.3;
}

/** The CSS gradient of a legend bar from −m (left) through 0 to +m (right). */
export const LEGEND_GRADIENT = `linear-gradient(to right, ${SIGN_COLOURS.negative}, #fff, ${SIGN_COLOURS.positive})`;
