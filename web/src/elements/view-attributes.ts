// What a <gradscope-view>'s attributes say: `run`, the id of the <gradscope-run> it follows, and
// `name`, a view of a run from the catalogue. Each problem is one line the element shows inside
// itself instead of the view.

import { isRunViewId, RUN_VIEW_IDS, type RunViewId } from "../embed/run-view-ids.js";
import type { ReadAttribute } from "./run-attributes.js";

export interface ViewTarget {
  run: string;
  name: RunViewId;
}

function describe(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** The run id and view name, or the problems that leave the element without a view. */
export function readViewTarget(read: ReadAttribute): {
  value: ViewTarget | null;
  problems: string[];
} {
  const problems: string[] = [];
  const run = read("run")?.trim() ?? "";
  const name = read("name")?.trim() ?? "";
  if (run === "") problems.push(`run: missing; name the id of a <gradscope-run> on this page`);
  if (name === "") problems.push(`name: missing; use one of ${RUN_VIEW_IDS.join(", ")}`);
  else if (!isRunViewId(name))
    problems.push(
      `name: ${describe(name)} is not a view of a run; use one of ${RUN_VIEW_IDS.join(", ")}`,
    );
  if (problems.length > 0 || !isRunViewId(name)) return { value: null, problems };
  return { value: { run, name }, problems };
}

/** What a view says while no <gradscope-run> of its id is in the document. */
export function missingRunText(id: string): string {
  return `run: no <gradscope-run id=${describe(id)}> on this page`;
}
