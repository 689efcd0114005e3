// The page's evaluation of a run from the package's: a classification run has its accuracy, a
// regression run its mean squared error and R² (and no accuracy at all), so no view can show a
// figure the problem does not have.

import type { Evaluation as PackageEvaluation, ProblemKind } from "gradscope";
import type { ClassEvaluation, Evaluation, ValueEvaluation } from "./protocol.js";

/** The protocol's evaluation of `e`, which the package measured for `problem`. */
export function pageEvaluation(e: PackageEvaluation, problem: ProblemKind): Evaluation {
  if (problem === "regression") {
    if (e.mse === undefined || e.r2 === undefined)
      throw new Error("this regression run's evaluation has no mse and r2");
    return { loss: e.loss, mse: e.mse, r2: e.r2 };
  }
  if (e.accuracy === undefined)
    throw new Error("this classification run's evaluation has no accuracy");
  return { loss: e.loss, accuracy: e.accuracy };
}

/** Whether `e` is a regression run's (mse and R²) rather than a classification run's. */
export function isValueEvaluation(e: Evaluation): e is ValueEvaluation {
  return "r2" in e;
}

/** A classification run's evaluation, or null for a regression run's. */
export function classEvaluation(e: Evaluation): ClassEvaluation | null {
  return isValueEvaluation(e) ? null : e;
}
