// The page's <gradscope-run> elements by id: each registers itself on connect, and every
// <gradscope-view> follows the id it names (also a run that comes later in the page).

import type { GradscopeRunElement } from "./gradscope-run.js";
import { RunRegistry } from "./run-registry.js";

export const documentRuns = new RunRegistry<GradscopeRunElement>();
