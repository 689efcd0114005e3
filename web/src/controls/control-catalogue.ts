// The run's controls, one row each: what `controls=` (the iframe embed mode), a <gradscope-run>'s
// `controls` attribute and the Share / Embed dialog's checkboxes name. Adding a control is a row.

import type { PropertyKind } from "../state/url-table.js";

export const CONTROLS = [
  { id: "play", label: "Play / Pause", shownByDefault: true },
  { id: "step", label: "Step", shownByDefault: true },
  { id: "reset", label: "Reset", shownByDefault: true },
  { id: "new-data", label: "New data", shownByDefault: false },
  { id: "new-weights", label: "New weights", shownByDefault: false },
  { id: "settings", label: "Settings panel", shownByDefault: false },
] as const satisfies readonly { id: string; label: string; shownByDefault: boolean }[];

export type ControlId = (typeof CONTROLS)[number]["id"];

export const CONTROL_IDS: readonly ControlId[] = CONTROLS.map((c) => c.id);

/** play, step, reset: what an embedded run shows when nothing is said. */
export const DEFAULT_CONTROLS: readonly ControlId[] = CONTROLS.flatMap((c) =>
  c.shownByDefault ? [c.id] : [],
);

function describe(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * A comma-separated list of ids from `allowed` ("" is the empty list; "none" too, for hosts that
 * drop empty attributes). Each id at most once; the list is kept in the order written.
 */
export function idListKind<I extends string>(
  allowed: readonly I[],
  what: string,
): PropertyKind<I[]> {
  return {
    parse: (text) => {
      if (text === "" || text === "none") return [];
      const ids = text.split(",").map((t) => t.trim());
      const seen = new Set<string>();
      for (const id of ids) {
        if (!(allowed as readonly string[]).includes(id)) {
          return new Error(`${describe(id)} is not ${what}: use ${allowed.join(", ")}`);
        }
        if (seen.has(id)) return new Error(`${describe(id)} is named twice`);
        seen.add(id);
      }
      return ids as I[];
    },
    format: (v) => (v.length === 0 ? "none" : v.join(",")),
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  };
}

export const controlListKind = idListKind(CONTROL_IDS, "a control");
