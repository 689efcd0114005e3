// The height the iframe snippet starts with, in CSS px: what the embedded page measures for the
// chosen cards in a 700 px wide frame (an article's column), so a host that runs no script (and
// so never hears the page's gradscope:resize message) shows the cards without an inner scroll
// bar. Measured on the built site in its embed mode, each card alone (docs/embedding.md).

import type { RunViewId } from "../embed/run-view-ids.js";
import { cardFits } from "./share-defaults.js";
import type { EmbeddableTarget } from "./share-target.js";

/** The frame width the heights were measured at (an article's column), in CSS px. */
export const FRAME_WIDTH = 700;

/** Each card's measured height with the gap after it; a view added later gets CARD_FALLBACK. */
export const CARD_HEIGHTS: Readonly<Partial<Record<RunViewId, number>>> = {
  "decision-boundary": 540,
  "test-digits": 665,
  "draw-digit": 490,
  "confusion-matrix": 480, // MNIST's 10 × 10 (a 2-class set: 320)
  network: 500,
  "loss-accuracy": 440,
  "activation-curves": 520,
  "gradient-norms": 850,
  "derivative-distribution": 760,
  backprop: 2110,
};
export const CARD_FALLBACK = 700;
/** A card that cannot show this run's data: its one-sentence explanation. */
export const EXPLANATION_HEIGHT = 90;
/** The status line and the page's margins (always there). */
export const BASE_HEIGHT = 60;
/** The row of buttons, when there is one. */
export const BUTTONS_HEIGHT = 40;
/** The settings panel, closed (a frame this narrow shows it as a disclosure). */
export const SETTINGS_HEIGHT = 115;

/** Each lab's page in embed mode, before anything is run. */
export const LAB_HEIGHTS = { chain: 1570, softmax: 2030, vanishing: 1090 } as const;

/** The pair that takes turns in one place when both are shown: only one is ever visible. */
const TAKING_TURNS: readonly RunViewId[] = ["decision-boundary", "test-digits"];

export function iframeHeight(
  target: EmbeddableTarget,
  choices: { show: readonly RunViewId[]; controls: readonly string[] },
): number {
  if (target.kind !== "run") return LAB_HEIGHTS[target.kind];
  const takeTurns = TAKING_TURNS.every((id) => choices.show.includes(id));
  const cards = choices.show.reduce((sum, id) => {
    const fits = cardFits(id, target.settings.dataset);
    if (takeTurns && TAKING_TURNS.includes(id) && !fits) return sum;
    return sum + (fits ? (CARD_HEIGHTS[id] ?? CARD_FALLBACK) : EXPLANATION_HEIGHT);
  }, 0);
  const buttons = choices.controls.some((c) => c !== "settings") ? BUTTONS_HEIGHT : 0;
  const settings = choices.controls.includes("settings") ? SETTINGS_HEIGHT : 0;
  return BASE_HEIGHT + buttons + settings + cards;
}
