// The data set of a run on the learner's own points (own-classes, own-values): built in the
// worker from the points the `configure` message carries, then split with the data seed like any
// other set.

import type { Dataset } from "gradscope";
import type { DataPreview } from "./protocol.js";
import {
  classCount,
  pointAt,
  pointCount,
  pointsFrom,
  pointsKindOf,
  POINTS_MIN,
  type OwnPoints,
  type PointsKind,
} from "../state/own-points.js";
import type { Settings } from "../state/settings.js";

/**
 * The Dataset of `settings.points`: targets 0/1 (outputWidth 1) or one-hot for classes, the value
 * for regression. Throws, saying what to do, when the points do not fit the set or are too few.
 */
export function ownDataset(settings: Settings, outputWidth: number): Dataset {
  const kind = pointsKindOf(settings.dataset);
  const p: OwnPoints = settings.points;
  const n = pointCount(p);
  if (kind === null) throw new Error(`${settings.dataset} is not a set of your own points`);
  if (n > 0 && p.kind !== kind) {
    throw new Error(
      `your points have ${p.kind}, but ${settings.dataset} needs ${kind}; load or draw them again`,
    );
  }
  if (n < POINTS_MIN) {
    throw new Error(
      `your points: ${n} so far, a run needs at least ${POINTS_MIN}. Choose Edit data on the ` +
        "decision-boundary card and click the plane, or load a CSV",
    );
  }
  const width = kind === "classes" && outputWidth === 1 ? 2 : outputWidth;
  const needed = classCount(p);
  if (kind === "classes" && needed > width) {
    throw new Error(
      `your points have ${needed} classes (0 … ${needed - 1}) but the run ${width}: set classes to ${needed}`,
    );
  }
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n * outputWidth);
  const labels = new Int32Array(kind === "classes" ? n : 0);
  for (let i = 0; i < n; ++i) {
    const q = pointAt(p, i);
    x[2 * i] = q.x1;
    x[2 * i + 1] = q.x2;
    if (kind === "values") y[i] = q.target;
    else {
      labels[i] = q.target;
      if (outputWidth === 1) y[i] = q.target;
      else y[i * outputWidth + q.target] = 1;
    }
  }
  return {
    x,
    y,
    labels,
    problem: kind === "classes" ? "classification" : "regression",
    n,
    inputWidth: 2,
    outputWidth,
  };
}

/** The points a run shows, as own points of `kind` (a built-in set's, copied and quantised). */
export function previewPoints(preview: DataPreview, kind: PointsKind): OwnPoints {
  if (preview.kind !== "plane") return { kind, data: [] };
  const sets = [preview.train, preview.test] as {
    x: Float32Array;
    labels: Int32Array;
    values?: Float32Array;
  }[];
  const x: number[] = [];
  const t: number[] = [];
  for (const s of sets) {
    const n = s.x.length / 2;
    for (let i = 0; i < n; i++) {
      x.push(s.x[2 * i] ?? 0, s.x[2 * i + 1] ?? 0);
      // A set of the other problem: classes become values 0 … K−1, values ≥ 0 class 1.
      const label = s.labels[i];
      const value = s.values?.[i];
      if (kind === "classes") t.push(label ?? ((value ?? 0) >= 0 ? 1 : 0));
      else t.push(value ?? label ?? 0);
    }
  }
  return pointsFrom(kind, x, t);
}

/**
 * The settings of a switch to an own-points set (`next`) from a run showing `preview`: a set with
 * no points of its kind yet starts from a copy of the points shown (so it can train and be
 * edited at once). Other settings are returned as they are.
 */
export function startOwnPoints(next: Settings, preview: DataPreview | null | undefined): Settings {
  const kind = pointsKindOf(next.dataset);
  if (kind === null || !preview) return next;
  if (pointCount(next.points) > 0 && next.points.kind === kind) return next;
  const points = previewPoints(preview, kind);
  if (pointCount(points) === 0) return next;
  return { ...next, points, classes: kind === "classes" ? classCount(points) : next.classes };
}
