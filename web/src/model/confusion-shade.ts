// The confusion matrix's cell colours. Errors (off the diagonal) get their own warm scale,
// Okabe–Ito vermillion tints by the cell's share of its row, normalised by the largest error's
// share so that the worst confusion is always clearly visible; the diagonal gets a distinct
// scale (Okabe–Ito bluish green, not the blue of class 1 and positive weights) by its row
// share, so a weak class stands out; empty cells are plain grey. The ink is black or white,
// whichever contrasts more with the background (≥ 4.58:1 against any colour). Pure.

import type { ConfusionCounts } from "./confusion.js";
import { rowShare } from "./confusion.js";

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
/** Okabe–Ito vermillion: the errors. */
const ERROR: Rgb = [0xd5, 0x5e, 0x00];
/** Okabe–Ito bluish green: the diagonal (correct answers). */
const CORRECT: Rgb = [0x00, 0x9e, 0x73];
/** An empty cell (a count of 0): plain grey, its "0" in dark grey. */
export const EMPTY_SHADE: CellShade = { background: "#eeeeee", ink: "#555555" };
/** The faintest error tint, so one error among thousands still differs from an empty cell. */
const ERROR_FLOOR = 0.15;
/** The faintest diagonal tint: a correct count, however few, is green, never white. */
const DIAGONAL_FLOOR = 0.1;

export interface CellShade {
  /** #rrggbb */
  background: string;
  /** #rrggbb, the count's colour */
  ink: string;
}

/** The largest share of its row any off-diagonal cell has (0 when there are no errors). */
export function largestErrorShare(m: ConfusionCounts): number {
  let most = 0;
  for (let i = 0; i < m.classes; i++)
    for (let j = 0; j < m.classes; j++) if (i !== j) most = Math.max(most, rowShare(m, i, j));
  return most;
}

/**
 * The colours of a cell holding `share` of its row: on the diagonal, green by share³ (cubed so
 * that 61 % reads much paler than 95 %) above a faint floor; off it, vermillion from a visible floor at the
 * smallest error to full at `largestError` (the matrix's largest error share).
 */
export function cellShade(share: number, diagonal: boolean, largestError: number): CellShade {
  if (!(share > 0)) return EMPTY_SHADE;
  const s = Math.min(1, share);
  const t = diagonal
    ? DIAGONAL_FLOOR + (1 - DIAGONAL_FLOOR) * s ** 3
    : ERROR_FLOOR + (1 - ERROR_FLOOR) * Math.min(1, largestError > 0 ? s / largestError : 1);
  const background = hex(mix(WHITE, diagonal ? CORRECT : ERROR, t));
  const ink = contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff");
  return { background, ink: ink ? "#000000" : "#ffffff" };
}

/** The WCAG contrast ratio of two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG relative luminance of #rrggbb. */
function luminance(colour: string): number {
  const v = /^#([0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!v) throw new Error(`not a #rrggbb colour: ${colour}`);
  const lin = [0, 2, 4].map((k) => {
    const c = parseInt(v.slice(k, k + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
}

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return [0, 1, 2].map((k) => Math.round((from[k] ?? 0) + ((to[k] ?? 0) - (from[k] ?? 0)) * t)) as [
    number,
    number,
    number,
  ];
}

function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}
