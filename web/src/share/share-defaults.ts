// What the Share / Embed dialog offers before the author changes anything: the cards the shared
// tab shows for this run's data (the backprop tab: its own view), the embedded run's default
// controls, and a short note for a card that cannot show this run's data. Pure: no DOM.

import { catalogue, type DataKind } from "gradscope";
import { DEFAULT_CONTROLS, type ControlId } from "../controls/control-catalogue.js";
import { PLAYGROUND_CARDS } from "../embed/playground-cards.js";
import { RUN_VIEW_IDS, type RunViewId } from "../embed/run-view-ids.js";
import type { RunTarget } from "./share-target.js";

/** Whether the card `id` can show a run on data of `kind` (the decision boundary needs 2-D input). */
export function cardFits(id: RunViewId, kind: DataKind): boolean {
  return (catalogue.view(id).dataKinds as readonly DataKind[]).includes(kind);
}

/** The card's checkbox note when it cannot show this run's data, e.g. "needs 2-D points". */
export function cardNote(id: RunViewId, target: RunTarget): string | null {
  if (cardFits(id, target.dataKind)) return null;
  const kinds = catalogue.view(id).dataKinds as readonly DataKind[];
  const needs = kinds.map((k) => (k === "plane" ? "2-D points" : "images")).join(" or ");
  return `needs ${needs}; this run trains on ${target.settings.dataset}`;
}

/** The dialog's card list: the playground's cards in its order, then the other run views. */
export const CARD_ORDER: readonly RunViewId[] = [
  ...PLAYGROUND_CARDS,
  ...RUN_VIEW_IDS.filter((id) => !PLAYGROUND_CARDS.includes(id)),
];

/** The cards checked at first: the backprop tab's own view, or the playground's cards that fit. */
export function defaultShow(target: RunTarget): RunViewId[] {
  if (target.tab === "backprop") return ["backprop"];
  return PLAYGROUND_CARDS.filter((id) => cardFits(id, target.dataKind));
}

export function defaultControls(): ControlId[] {
  return [...DEFAULT_CONTROLS];
}
