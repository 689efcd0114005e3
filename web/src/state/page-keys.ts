// The page-level URL keys: those that belong to the page rather than to one view (`view`, the tab
// shown; `steps`, `autoplay`, `story` and `present`, how the page starts; `embed`, `show` and
// `controls`, the iframe embed mode's page). One row each, walked by url-table.ts's serializer like
// every other table; a later key is one field of PageKeys, one default and one row.

import {
  CONTROL_IDS,
  controlListKind,
  DEFAULT_CONTROLS,
  type ControlId,
} from "../controls/control-catalogue.js";
import { PLAYGROUND_CARDS } from "../embed/playground-cards.js";
import { runViewListKind, type RunViewId } from "../embed/run-view-ids.js";
import { STORY_IDS } from "../stories/story-catalogue.js";
import {
  numberKind,
  parseParams,
  type ParseResult,
  type PropertyKind,
  type PropertyTable,
} from "./url-table.js";

export interface PageKeys {
  /** The id of the page view (tab) shown; "" is the first registered view. */
  view: string;
  /** Mini-batches to fast-forward to right after load, then pause (0: none). */
  steps: number;
  /** Start training on load (unless the system asks for reduced motion). */
  autoplay: boolean;
  /** The guided story shown (story-catalogue.ts); "" for none. */
  story: string;
  /** Lecture mode: larger text, the story's charts above the fold. */
  present: boolean;
  /** The iframe embed mode: no header, tabs or notice area; problems go to the parent window. */
  embed: boolean;
  /** The playground's cards, in this order. */
  show: RunViewId[];
  /** The run's controls shown ("settings": the settings panel); null: the mode's default. */
  controls: ControlId[] | null;
}

/** The most mini-batches `steps=` fast-forwards (minutes of training on MNIST). */
export const MAX_STEPS = 1_000_000;

export const PAGE_DEFAULTS: Readonly<PageKeys> = Object.freeze({
  view: "",
  steps: 0,
  autoplay: false,
  story: "",
  present: false,
  embed: false,
  show: [...PLAYGROUND_CARDS],
  controls: null,
});

/** A view id as PageView ids are written: lower-case letters, digits and dashes. */
const VIEW_ID = /^[a-z0-9-]+$/;

function describe(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export const viewIdKind: PropertyKind<string> = {
  parse: (text) => (VIEW_ID.test(text) ? text : new Error(`${describe(text)} is not a view`)),
  format: (v) => v,
  equals: (a, b) => a === b,
};

/** "1" or "0" (what the page writes); "true" and "false" read too. */
export const flagKind: PropertyKind<boolean> = {
  parse: (text) =>
    text === "1" || text === "true"
      ? true
      : text === "0" || text === "false"
        ? false
        : new Error(`${describe(text)} is not 1 or 0`),
  format: (v) => (v ? "1" : "0"),
  equals: (a, b) => a === b,
};

export const storyIdKind: PropertyKind<string> = {
  parse: (text) =>
    (STORY_IDS as readonly string[]).includes(text)
      ? text
      : new Error(`${describe(text)} is not one of ${STORY_IDS.join(", ")}`),
  format: (v) => v,
  equals: (a, b) => a === b,
};

/** `controls=`: a list of control ids; its absence (null) means the mode's default. */
const controlsKind: PropertyKind<ControlId[] | null> = {
  parse: (text) => controlListKind.parse(text),
  format: (v) => controlListKind.format(v ?? [...CONTROL_IDS]),
  equals: (a, b) => (a === null || b === null ? a === b : controlListKind.equals(a, b)),
};

export const PAGE_TABLE: PropertyTable<PageKeys> = [
  { key: "view", kind: viewIdKind },
  { key: "steps", kind: numberKind(0, MAX_STEPS, true) },
  { key: "autoplay", kind: flagKind },
  { key: "story", kind: storyIdKind },
  { key: "present", kind: flagKind },
  { key: "embed", kind: flagKind },
  { key: "show", kind: runViewListKind },
  { key: "controls", kind: controlsKind },
];

/** The controls shown: those `controls=` names, else play/step/reset embedded and all outside. */
export function shownControls(keys: Pick<PageKeys, "embed" | "controls">): readonly ControlId[] {
  return keys.controls ?? (keys.embed ? DEFAULT_CONTROLS : CONTROL_IDS);
}

/** The page keys of `params`; bad values are left at their defaults with a problem line each. */
export function parsePageKeys(params: URLSearchParams): ParseResult<PageKeys> {
  return parseParams(PAGE_TABLE, PAGE_DEFAULTS, params);
}

/**
 * Writes `keys` into `params`, leaving out values equal to their defaults (so the first view's
 * link has no `view=`); other owners' keys are kept.
 */
export function writePageKeys(keys: PageKeys, params: URLSearchParams): void {
  for (const spec of PAGE_TABLE) {
    const key = String(spec.key);
    const value = keys[spec.key] as never;
    if (spec.kind.equals(value, PAGE_DEFAULTS[spec.key] as never)) params.delete(key);
    else params.set(key, spec.kind.format(value));
  }
}
