// One change made in a settings form, applied to the current settings: a new data set family
// (2-D ↔ MNIST) brings its own network and training settings, and an output that does not fit the
// cost switches the cost to the first that fits (with a line saying so). The playground's form and
// a <gradscope-run>'s form both apply their changes this way.

import { catalogue } from "gradscope";
import { patchBase, type Settings } from "../state/settings.js";
import type { SettingsPatch } from "./settings-panel.js";

export function patchSettings(
  before: Settings,
  patch: SettingsPatch,
): { next: Settings; note: string | null } {
  const base = patchBase(before, patch);
  const next: Settings = { ...base, ...patch, hidden: [...(patch.hidden ?? base.hidden)] };
  const allowed = catalogue.costsAllowedAfter(next.output);
  if (patch.output && !allowed.includes(next.cost)) {
    const cost = allowed[0] ?? next.cost;
    const note = `cost ${next.cost} does not fit output ${next.output}; switched to ${cost}`;
    next.cost = cost;
    return { next, note };
  }
  return { next, note: null };
}
