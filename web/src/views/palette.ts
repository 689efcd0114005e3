// Okabe–Ito colours (Okabe & Ito, "Color Universal Design"): distinguishable with every common
// form of colour blindness. Layers reuse them in a fixed order; beyond eight layers the lines are
// dashed so that two layers never look the same.

export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

const LAYER_ORDER = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  "#B8A700", // Okabe–Ito yellow darkened: the pure yellow vanishes on white
] as const;

export interface LineStyle {
  stroke: string;
  dash: number[] | undefined;
}

/** The style of the i-th line (0-based) of a chart with one line per layer. */
export function lineStyle(i: number): LineStyle {
  return {
    stroke: LAYER_ORDER[i % LAYER_ORDER.length] ?? OKABE_ITO.black,
    dash: i >= LAYER_ORDER.length ? [6, 4] : undefined,
  };
}

/** The two classes of the 2-D data sets, and signs of weights: blue is class 1 / positive. */
export const CLASS_COLOURS = { zero: OKABE_ITO.orange, one: OKABE_ITO.blue } as const;
/** Signs of weights and biases; grey for a value a diverged run left not a number (NaN). */
export const SIGN_COLOURS = {
  positive: OKABE_ITO.blue,
  negative: OKABE_ITO.vermillion,
  notANumber: "#999",
} as const;
/**
 * The keyboard focus ring (styles.css's --focus, kept equal by a test) and the diagram's selection:
 * black, so that it never reads as a sign, a class or a layer's colour (all of those are colours)
 * and stands out at 21:1 against the white page.
 */
export const FOCUS_COLOUR = OKABE_ITO.black;
