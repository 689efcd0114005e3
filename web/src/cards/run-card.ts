// What one view's card module gives mountRunView: the card's element id and width, and a builder
// that fills the card's body and says which of the run's events it draws.

import type { ViewContext } from "../app/page-view.js";
import type { RunController, RunListener } from "../run/run-controller.js";
import type { ViewCard } from "../views/view-card.js";

export interface CardParts {
  /** What the card draws; subscribed after the card is built. */
  listener: RunListener;
  /** The frame of a snapshot's drawing in which this card draws (RunController.subscribe). */
  frame?: number;
  /** Stops what the card started beyond its subscription (e.g. a lazily loaded view). */
  dispose?(): void;
}

export interface RunCard {
  /** The card's element id (the page's tests and stories name cards by it). */
  readonly elementId: string;
  /** Spans both columns of the playground's grid. */
  readonly wide?: boolean;
  /** The explanation under the title before the run's settings are known. */
  readonly text?: string;
  build(card: ViewCard, run: RunController, context: ViewContext): CardParts | Promise<CardParts>;
}

/**
 * What MNIST adds to the cards whose figures are measured on the training set; it points at the
 * test digits' card only when that card is shown beside this one (`digitsShown`).
 */
export function measuredOnSubset(digitsShown: boolean): string {
  return digitsShown
    ? " (MNIST: the training figures come from a fixed subset, see the test digits' card.)"
    : " (MNIST: the training figures come from a fixed subset of the training images.)";
}
