// The input-space view's display keys (TensorFlow Playground's two checkboxes): `showTest=0`
// hides the test points, `discretize=1` paints the class regions (or value bands) flat. They
// change what is drawn, never the run; written only when they differ from the default, so a link
// that does not choose them stays as it was.

import { flagKind } from "./page-keys.js";
import { parseParams, type ParseResult, type PropertyTable } from "./url-table.js";

export interface DisplayKeys {
  /** Draw the test points (ringed dark) beside the training points. */
  showTest: boolean;
  /** Flat class colours (or value bands) instead of shading by how sure the network is. */
  discretize: boolean;
}

export const DISPLAY_DEFAULTS: Readonly<DisplayKeys> = Object.freeze({
  showTest: true,
  discretize: false,
});

export const DISPLAY_TABLE: PropertyTable<DisplayKeys> = [
  { key: "showTest", kind: flagKind },
  { key: "discretize", kind: flagKind },
];

export function parseDisplayKeys(params: URLSearchParams): ParseResult<DisplayKeys> {
  return parseParams(DISPLAY_TABLE, DISPLAY_DEFAULTS, params);
}

/** Writes `keys` into `params`, leaving out defaults; other owners' keys are kept. */
export function writeDisplayKeys(keys: DisplayKeys, params: URLSearchParams): void {
  for (const spec of DISPLAY_TABLE) {
    const key = String(spec.key);
    const value = keys[spec.key];
    if (value === DISPLAY_DEFAULTS[spec.key]) params.delete(key);
    else params.set(key, spec.kind.format(value));
  }
}
