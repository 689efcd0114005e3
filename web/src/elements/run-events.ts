// The events a <gradscope-run> dispatches: `gradscope-step` after each snapshot with its summary
// numbers, and `gradscope-diverged` once when a run's losses stop being finite numbers. Their
// details are plain data computed here from a snapshot (no arrays, nothing live).

import { isValueEvaluation } from "../model/evaluation.js";
import type { Evaluation, Snapshot } from "../model/protocol.js";
import { snapshotDiverged } from "../run/run-status.js";

export const STEP_EVENT = "gradscope-step";
export const DIVERGED_EVENT = "gradscope-diverged";

export interface GradscopeStepDetail {
  /** Mini-batches done. */
  step: number;
  /** step × batch size / training-set size. */
  epoch: number;
  train: StepMeasures;
  test: StepMeasures;
}

/** Classification: loss and accuracy (0 … 1); regression: loss, MSE and R² (no accuracy). */
export type StepMeasures =
  { loss: number; accuracy: number } | { loss: number; mse: number; r2: number };

export interface GradscopeDivergedDetail {
  step: number;
  train: { loss: number };
  test: { loss: number };
}

export function stepDetail(s: Snapshot): GradscopeStepDetail {
  return {
    step: s.step,
    epoch: s.epoch,
    train: stepMeasures(s.train),
    test: stepMeasures(s.test),
  };
}

/** A copy of `e` with exactly the figures its problem has. */
function stepMeasures(e: Evaluation): StepMeasures {
  return isValueEvaluation(e)
    ? { loss: e.loss, mse: e.mse, r2: e.r2 }
    : { loss: e.loss, accuracy: e.accuracy };
}

/** The `gradscope-diverged` detail of `s`, or null when its losses are finite. */
export function divergedDetail(s: Snapshot): GradscopeDivergedDetail | null {
  if (!snapshotDiverged(s)) return null;
  return { step: s.step, train: { loss: s.train.loss }, test: { loss: s.test.loss } };
}

/**
 * Decides which events one snapshot fires: always a step; a diverged event only for the first
 * diverged snapshot of a run (a paused diverged run re-sent on Step must not fire it again).
 * `newRun()` forgets, so the next run may diverge and say so.
 */
export class RunEventLog {
  private divergedSent = false;

  newRun(): void {
    this.divergedSent = false;
  }

  events(s: Snapshot): { step: GradscopeStepDetail; diverged: GradscopeDivergedDetail | null } {
    const diverged = this.divergedSent ? null : divergedDetail(s);
    if (diverged) this.divergedSent = true;
    return { step: stepDetail(s), diverged };
  }
}

/** A bubbling, composed event (it crosses shadow roots to the page's listeners). */
export function runEvent<D>(type: string, detail: D): CustomEvent<D> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}
