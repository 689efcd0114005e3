// The height the iframe snippet starts with, in CSS px: what the embedded page measures for the
// chosen cards at an article's width (about 700 px), so a host that runs no script (and so never
// hears the page's gradscope:resize message) shows the cards without an inner scroll bar.
// The figures were measured on the built site in its embed mode (docs/embedding.md says how).

import type { RunViewId } from "../embed/run-view-ids.js";
import type { EmbeddableTarget } from "./share-target.js";

/** Each card's measured height with its margin; a view added later gets CARD_FALLBACK. */
export const CARD_HEIGHTS: Readonly<Partial<Record<RunViewId, number>>> = {
  "activation-curves": 430,
  "derivative-distribution": 470,
  "gradient-norms": 520,
  "loss-accuracy": 470,
  "decision-boundary": 560,
  network: 560,
  "test-digits": 520,
  backprop: 1400,
};
export const CARD_FALLBACK = 500;

/** The transport bar (its status line is always shown) and the page's margins. */
export const TRANSPORT_HEIGHT = 90;
export const SETTINGS_HEIGHT = 900;
export const PAGE_MARGIN = 32;

/** Each lab's page in embed mode. */
export const LAB_HEIGHTS = { chain: 1500, softmax: 1300, vanishing: 1400 } as const;

export function iframeHeight(
  target: EmbeddableTarget,
  choices: { show: readonly RunViewId[]; controls: readonly string[] },
): number {
  if (target.kind !== "run") return LAB_HEIGHTS[target.kind];
  const cards = choices.show.reduce((sum, id) => sum + (CARD_HEIGHTS[id] ?? CARD_FALLBACK), 0);
  const settings = choices.controls.includes("settings") ? SETTINGS_HEIGHT : 0;
  return PAGE_MARGIN + TRANSPORT_HEIGHT + settings + cards;
}
