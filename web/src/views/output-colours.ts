// How the input-space view colours the network's output, pure so that every rule is tested:
// K class regions in Okabe–Ito colours (the picked class, fainter where the network is less
// sure; flat when discretized), and a diverging scale for values (orange below 0, white at 0,
// blue above) with its numbers for the legend.

import { CLASS_COLOURS, OKABE_ITO } from "./palette.js";

export type Rgb = readonly [number, number, number];

/**
 * The colour of class k = 0 … 5: the two-class sets' orange and blue first (as ever), then the
 * other Okabe–Ito colours that stay distinct on white (the pure yellow is left out).
 */
export const CLASS_ORDER: readonly string[] = [
  CLASS_COLOURS.zero,
  CLASS_COLOURS.one,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
];

/** The most classes the view can colour apart. */
export const MOST_CLASSES = CLASS_ORDER.length;

export function classColour(k: number): string {
  const c = CLASS_ORDER[k];
  if (c === undefined)
    throw new Error(`class ${k} has no colour: the view colours 0 … ${MOST_CLASSES - 1}`);
  return c;
}

export function hexRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

const WHITE: Rgb = [255, 255, 255];
/** The strongest tint of a region: never the full colour, so the points stay visible on top. */
const STRONGEST = 0.75;

function tint(c: Rgb, t: number): Rgb {
  return [
    Math.round(255 + (c[0] - 255) * t),
    Math.round(255 + (c[1] - 255) * t),
    Math.round(255 + (c[2] - 255) * t),
  ];
}

/** The class the network picks from one cell's `width` outputs, and how sure it is (0 … 1). */
export function pickedClass(
  out: ArrayLike<number>,
  offset: number,
  width: number,
): {
  k: number;
  sureness: number;
} | null {
  if (width === 1) {
    const p = out[offset];
    if (p === undefined || !Number.isFinite(p)) return null;
    const q = Math.min(1, Math.max(0, p));
    return { k: q >= 0.5 ? 1 : 0, sureness: Math.abs(q - 0.5) * 2 };
  }
  let best = -1;
  let top = -Infinity;
  for (let j = 0; j < width; j++) {
    const v = out[offset + j];
    if (v === undefined || !Number.isFinite(v)) return null;
    if (v > top) {
      top = v;
      best = j;
    }
  }
  // Activations of K units: sure at 1, not at all at the uniform 1/K.
  const floor = 1 / width;
  const sureness = Math.min(1, Math.max(0, (top - floor) / (1 - floor)));
  return { k: best, sureness };
}

/**
 * One cell's colour of the class regions: the picked class's colour, stronger the surer the
 * network (flat when `discretize`); white where the output is not a number (a diverged run).
 */
export function classCellColour(
  out: ArrayLike<number>,
  offset: number,
  width: number,
  discretize: boolean,
): Rgb {
  const picked = pickedClass(out, offset, width);
  if (!picked) return WHITE;
  const colour = CLASS_RGB[picked.k] ?? BLACK;
  return tint(colour, discretize ? STRONGEST * 0.8 : picked.sureness * STRONGEST);
}

/** CLASS_ORDER parsed once: classCellColour runs for every cell of every snapshot. */
const CLASS_RGB: readonly Rgb[] = CLASS_ORDER.map(hexRgb);
const BLACK: Rgb = hexRgb(OKABE_ITO.black);

/** A diverging scale symmetric about 0: values in [−bound, bound]. */
export interface ValueScale {
  bound: number;
}

/** 1, 2 or 5 times a power of ten, at least `v` (the scale's end, so the legend reads plainly). */
export function niceCeiling(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v * (1 - 1e-9)) return m * p;
  return 10 * p;
}

/** The scale of a run's values: its targets' largest |y|, rounded up (fixed for the run). */
export function valueScale(targets: ArrayLike<number>): ValueScale {
  let most = 0;
  for (let i = 0; i < targets.length; i++) {
    const v = Math.abs(targets[i] ?? 0);
    if (Number.isFinite(v) && v > most) most = v;
  }
  return { bound: niceCeiling(most) };
}

/** Bands of the discretized value map: the scale cut into this many equal steps. */
export const VALUE_BANDS = 8;

const BELOW: Rgb = hexRgb(OKABE_ITO.orange);
const ABOVE: Rgb = hexRgb(OKABE_ITO.blue);

/**
 * A value's colour: orange below 0, white at 0, blue above, full strength (of the view's tint) at
 * ±bound and beyond; cut into VALUE_BANDS steps when `discretize`; white for a value not a number.
 */
export function valueColour(v: number, scale: ValueScale, discretize: boolean): Rgb {
  if (!Number.isFinite(v)) return WHITE;
  let t = Math.max(-1, Math.min(1, v / scale.bound));
  if (discretize) {
    const half = VALUE_BANDS / 2;
    // The band's middle, so that no band is white unless it holds 0.
    t = (Math.sign(t) * Math.min(half, Math.floor(Math.abs(t) * half) + 0.5)) / half;
  }
  return tint(t < 0 ? BELOW : ABOVE, Math.abs(t) * STRONGEST);
}

/** The CSS of the value legend's bar: the scale from −bound (left) to bound (right). */
export function valueGradientCss(scale: ValueScale, discretize: boolean): string {
  const css = (c: Rgb) => `rgb(${c[0]} ${c[1]} ${c[2]})`;
  const at = (f: number) => `${(100 * f).toFixed(1)}%`;
  const value = (f: number) => -scale.bound + 2 * scale.bound * f;
  const stops: string[] = [];
  if (discretize) {
    // One flat band per step, coloured by its middle value.
    for (let i = 0; i < VALUE_BANDS; i++) {
      const c = css(valueColour(value((i + 0.5) / VALUE_BANDS), scale, true));
      stops.push(`${c} ${at(i / VALUE_BANDS)}`, `${c} ${at((i + 1) / VALUE_BANDS)}`);
    }
  } else {
    for (let i = 0; i <= 10; i++)
      stops.push(`${css(valueColour(value(i / 10), scale, false))} ${at(i / 10)}`);
  }
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/** The legend's numbers under the bar: −bound, −bound/2, 0, bound/2, bound. */
export function valueTicks(scale: ValueScale): number[] {
  const b = scale.bound;
  return [-b, -b / 2, 0, b / 2, b];
}
