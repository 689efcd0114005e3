// What the Share / Embed dialog offers before the author changes anything: the cards the shared
// tab shows for this run's data (the backprop tab: its own view), the embedded run's default
// controls, and a short note for a card that cannot show this run's data. Pure: no DOM.

import { catalogue, type DataKind, type DatasetName } from "gradscope";
import { cardNotApplicable } from "../cards/card-applies.js";
import { DEFAULT_CONTROLS, type ControlId } from "../controls/control-catalogue.js";
import { PLAYGROUND_CARDS } from "../embed/playground-cards.js";
import { RUN_VIEW_IDS, type RunViewId } from "../embed/run-view-ids.js";
import type { RunTarget } from "./share-target.js";

/**
 * Whether the card `id` can show a run on `dataset`: the card's own rule (card-applies.ts: the
 * data kind and the problem, e.g. a confusion matrix needs classes).
 */
export function cardFits(id: RunViewId, dataset: DatasetName): boolean {
  return cardNotApplicable(id, dataset) === null;
}

const KIND_WORDS: Record<DataKind, string> = {
  plane: "2-D points",
  line: "1-D values",
  image: "images",
};

/** The card's checkbox note when it cannot show this run's data, e.g. "needs 2-D points". */
export function cardNote(id: RunViewId, target: RunTarget): string | null {
  const dataset = target.settings.dataset;
  if (cardFits(id, dataset)) return null;
  const kinds = catalogue.view(id).dataKinds as readonly DataKind[];
  if (kinds.includes(target.dataKind)) {
    const needs = catalogue.view(id).problems.join(" or ");
    return `needs ${needs}; this run (${dataset}) is ${catalogue.dataset(dataset).problem}`;
  }
  const needs = kinds.map((k) => KIND_WORDS[k]).join(" or ");
  return `needs ${needs}; this run trains on ${dataset}`;
}

/** The dialog's card list: the playground's cards in its order, then the other run views. */
export const CARD_ORDER: readonly RunViewId[] = [
  ...PLAYGROUND_CARDS,
  ...RUN_VIEW_IDS.filter((id) => !PLAYGROUND_CARDS.includes(id)),
];

/**
 * The cards checked at first: the backprop tab's own view; otherwise two, so the snippet stays a
 * readable size: what the network does with its input (the decision boundary on 2-D points, the
 * test digits on images) and how training goes (loss and accuracy; for a deep network, the
 * per-layer gradients, where vanishing gradients show).
 */
export function defaultShow(target: RunTarget): RunViewId[] {
  if (target.tab === "backprop") return ["backprop"];
  const input: RunViewId = target.dataKind === "image" ? "test-digits" : "decision-boundary";
  const deep = target.settings.hidden.length >= DEEP_LAYERS;
  const story: RunViewId = deep ? "gradient-norms" : "loss-accuracy";
  return [input, story].filter((id) => cardFits(id, target.settings.dataset));
}

/** Hidden layers from which a network counts as deep (its gradients' story is the one to tell). */
export const DEEP_LAYERS = 4;

export function defaultControls(): ControlId[] {
  return [...DEFAULT_CONTROLS];
}
