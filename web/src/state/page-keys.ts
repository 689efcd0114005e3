// The page-level URL keys: those that belong to the page rather than to one view (today `view`,
// the tab shown). One row each, walked by url-table.ts's serializer like every other table; a
// later key (steps, autoplay, present, story, embed, show, controls, sample) is one field of
// PageKeys, one default and one row.

import {
  parseParams,
  type ParseResult,
  type PropertyKind,
  type PropertyTable,
} from "./url-table.js";

export interface PageKeys {
  /** The id of the page view (tab) shown; "" is the first registered view. */
  view: string;
}

export const PAGE_DEFAULTS: Readonly<PageKeys> = Object.freeze({ view: "" });

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

export const PAGE_TABLE: PropertyTable<PageKeys> = [{ key: "view", kind: viewIdKind }];

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
    const value = keys[spec.key];
    if (spec.kind.equals(value, PAGE_DEFAULTS[spec.key])) params.delete(key);
    else params.set(key, spec.kind.format(value));
  }
}
