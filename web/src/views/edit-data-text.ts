// What Edit data's controls say, per kind of points: a classification set's points have classes,
// a regression set's have target values, and the help names only the one that applies. Pure.

import type { PointsKind } from "../state/own-points.js";

/** The Edit data button's label: what a press does now (aria-pressed carries the state). */
export function editToggleLabel(on: boolean): string {
  return on ? "Done editing" : "Edit data";
}

/** The label of the picker for a new point's class or target value. */
export function editPickLabel(kind: PointsKind): string {
  return kind === "classes" ? "Class " : "target y of a new point ";
}

/** The help under the tools: what a click, a shift-click and a drag do for `kind`. */
export function editHint(kind: PointsKind): string {
  const add =
    kind === "classes"
      ? "Click the plane: a point of the chosen class. Shift-click or a long press: a point " +
        "of the next class."
      : "Click the plane: a point with the chosen target y. Shift-click or a long press: a " +
        "point with the opposite value (−y).";
  return `${add} Drag: erase. Points are rounded to 0.01.`;
}
