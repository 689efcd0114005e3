// The views that show one training run (the catalogue's rows with host "run"): what `show=` (the
// iframe embed mode), <gradscope-view name="…"> and the Share / Embed dialog accept. Derived from
// the package's view catalogue, so a view added there is embeddable with no change here.

import { catalogue, type ViewId } from "gradscope";
import { idListKind } from "../controls/control-catalogue.js";

export type RunViewId = Extract<(typeof catalogue.views)[number], { host: "run" }>["id"];

export const RUN_VIEW_IDS: readonly RunViewId[] = catalogue.views.flatMap((v) =>
  v.host === "run" ? [v.id as RunViewId] : [],
);

export function isRunViewId(id: string): id is RunViewId {
  return (RUN_VIEW_IDS as readonly string[]).includes(id);
}

export const runViewListKind = idListKind(RUN_VIEW_IDS, "a view of a run");

/** For callers holding a catalogue id of either host. */
export function runViewOrNull(id: ViewId): RunViewId | null {
  return isRunViewId(id) ? id : null;
}
