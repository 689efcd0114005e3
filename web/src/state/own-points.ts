// The learner's own points (the own-classes and own-values data sets): what Edit data, a loaded
// CSV and the `points` URL key hold. Coordinates and values are quantised to 0.01 and kept as
// whole hundredths, so that the URL's encoding (points-key.ts) is exact. Values here are immutable:
// every change returns a new OwnPoints.

import type { DatasetName } from "gradscope";

/** "classes": each point has a class 0 … 5; "values": a real value (regression). */
export type PointsKind = "classes" | "values";

export interface OwnPoints {
  readonly kind: PointsKind;
  /**
   * Three integers per point: x₁ and x₂ in hundredths (−150 … 150), then the class (0 … 5) or the
   * value in hundredths (−150 … 150).
   */
  readonly data: readonly number[];
}

/** Coordinates and values lie in [−1.5, 1.5], the square the decision-boundary view draws. */
export const POINTS_EXTENT = 1.5;
/** The largest |coordinate| or |value| in hundredths. */
export const HUNDREDTHS_MAX = 150;
/** The most classes own points may have (the catalogue row's classRange). */
export const POINTS_MAX_CLASSES = 6;
/** A link carries at most this many points (`points=`); a larger set lives only in the page. */
export const LINK_POINTS_MAX = 200;
/** The fewest points a run trains on (at least two land in the training set). */
export const POINTS_MIN = 4;

export const NO_POINTS: OwnPoints = Object.freeze({ kind: "classes", data: Object.freeze([]) });

/** The own-points data set that holds points of `kind`. */
export const OWN_DATASET: Record<PointsKind, DatasetName> = {
  classes: "own-classes",
  values: "own-values",
};

export function pointsKindOf(dataset: DatasetName): PointsKind | null {
  return dataset === "own-classes" ? "classes" : dataset === "own-values" ? "values" : null;
}

export function pointCount(p: OwnPoints): number {
  return p.data.length / 3;
}

/** `v` rounded to whole hundredths and kept within ±1.5. */
export function hundredths(v: number): number {
  const h = Math.round(v * 100);
  return Math.max(-HUNDREDTHS_MAX, Math.min(HUNDREDTHS_MAX, h)) + 0; // + 0: no −0
}

/** Point i as numbers: x₁, x₂ and the class or the value. */
export function pointAt(p: OwnPoints, i: number): { x1: number; x2: number; target: number } {
  const d = p.data;
  const t = d[3 * i + 2] ?? 0;
  return {
    x1: (d[3 * i] ?? 0) / 100,
    x2: (d[3 * i + 1] ?? 0) / 100,
    target: p.kind === "classes" ? t : t / 100,
  };
}

/**
 * Points from coordinates (row-major n × 2) and targets (a class, or a value), quantised to 0.01
 * within ±1.5. Classes must be integers 0 … 5 (checked by the caller's source: a run's labels,
 * or fromCSV).
 */
export function pointsFrom(
  kind: PointsKind,
  x: ArrayLike<number>,
  targets: ArrayLike<number>,
): OwnPoints {
  const data: number[] = [];
  for (let i = 0; i < targets.length; ++i) {
    const t = targets[i] ?? 0;
    data.push(hundredths(x[2 * i] ?? 0), hundredths(x[2 * i + 1] ?? 0));
    data.push(kind === "classes" ? t : hundredths(t));
  }
  return Object.freeze({ kind, data: Object.freeze(data) });
}

/** `p` with one more point at (x₁, x₂) of class or value `target`, quantised like the others. */
export function addPoint(p: OwnPoints, x1: number, x2: number, target: number): OwnPoints {
  const t = p.kind === "classes" ? target : hundredths(target);
  return Object.freeze({
    kind: p.kind,
    data: Object.freeze([...p.data, hundredths(x1), hundredths(x2), t]),
  });
}

/** `p` without the points within `radius` of (x₁, x₂); the same object when none is that near. */
export function erasePointsNear(p: OwnPoints, x1: number, x2: number, radius: number): OwnPoints {
  const kept: number[] = [];
  for (let i = 0; i < pointCount(p); ++i) {
    const q = pointAt(p, i);
    if (Math.hypot(q.x1 - x1, q.x2 - x2) > radius) kept.push(...p.data.slice(3 * i, 3 * i + 3));
  }
  if (kept.length === p.data.length) return p;
  return Object.freeze({ kind: p.kind, data: Object.freeze(kept) });
}

/** The classes a run on `p` needs: the largest class + 1, at least 2 (0 for values). */
export function classCount(p: OwnPoints): number {
  if (p.kind === "values") return 0;
  let largest = 1;
  for (let i = 2; i < p.data.length; i += 3) largest = Math.max(largest, p.data[i] ?? 0);
  return largest + 1;
}

export function samePoints(a: OwnPoints, b: OwnPoints): boolean {
  if (a.data.length !== b.data.length) return false;
  if (a.data.length > 0 && a.kind !== b.kind) return false;
  return a.data.every((v, i) => v === b.data[i]);
}

/** The points as CSV text with a header (what Download CSV saves and fromCSV reads back). */
export function pointsCsv(p: OwnPoints): string {
  const lines = [p.kind === "classes" ? "x1,x2,label" : "x1,x2,value"];
  for (let i = 0; i < pointCount(p); ++i) {
    const q = pointAt(p, i);
    lines.push(`${q.x1},${q.x2},${q.target}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The sentence saying a set is too large for a link, or null when a link carries it. */
export function linkNotice(p: OwnPoints): string | null {
  const n = pointCount(p);
  if (n <= LINK_POINTS_MAX) return null;
  return (
    `Your ${n.toLocaleString("en")} points are more than a link carries ` +
    `(${LINK_POINTS_MAX}): a link or an embed of this run will not bring them back; ` +
    "keep the CSV (Download CSV) to load them again."
  );
}
