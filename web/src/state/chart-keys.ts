// The playground's chart display keys: the time charts' x-axis unit (`time=step|epoch`) and the
// gradient lines' moving-average window (`smooth=0|5|20|50`). One row each, walked by
// url-table.ts's serializer; written only when they differ from the default, so a link that
// does not choose them stays as it was.

import { SMOOTHING_WINDOWS } from "../views/moving-average.js";
import { DEFAULT_TIME_UNIT, TIME_UNITS, type TimeUnit } from "../views/time-axis.js";
import {
  enumKind,
  parseParams,
  type ParseResult,
  type PropertyKind,
  type PropertyTable,
} from "./url-table.js";

export interface ChartKeys {
  time: TimeUnit;
  /** Moving-average window in plotted points; 0 is off. */
  smooth: number;
}

export const CHART_DEFAULTS: Readonly<ChartKeys> = Object.freeze({
  time: DEFAULT_TIME_UNIT,
  smooth: 0,
});

const windowKind: PropertyKind<number> = {
  parse(text) {
    const v = Number(text);
    return /^\d+$/.test(text) && (SMOOTHING_WINDOWS as readonly number[]).includes(v)
      ? v
      : new Error(
          `${JSON.stringify(text.slice(0, 40))} is not one of ${SMOOTHING_WINDOWS.join(", ")}`,
        );
  },
  format: (v) => String(v),
  equals: (a, b) => a === b,
};

export const CHART_TABLE: PropertyTable<ChartKeys> = [
  { key: "time", kind: enumKind(TIME_UNITS) },
  { key: "smooth", kind: windowKind },
];

export function parseChartKeys(params: URLSearchParams): ParseResult<ChartKeys> {
  return parseParams(CHART_TABLE, CHART_DEFAULTS, params);
}

/** Writes `keys` into `params`, leaving out defaults; other owners' keys are kept. */
export function writeChartKeys(keys: ChartKeys, params: URLSearchParams): void {
  for (const spec of CHART_TABLE) {
    const key = String(spec.key);
    const value = keys[spec.key];
    if (spec.kind.equals(value as never, CHART_DEFAULTS[spec.key] as never)) params.delete(key);
    else params.set(key, spec.kind.format(value as never));
  }
}
