// The events a <gradscope-run> dispatches: `gradscope-step` after each snapshot with its summary
// numbers, and `gradscope-diverged` once when a run's losses stop being finite numbers. Their
// details are plain data computed here from a snapshot (no arrays, nothing live).

import type { Snapshot } from "../model/protocol.js";

export const STEP_EVENT = "gradscope-step";
export const DIVERGED_EVENT = "gradscope-diverged";

export interface GradscopeStepDetail {
  /** Mini-batches done. */
  step: number;
  /** step × batch size / training-set size. */
  epoch: number;
  train: { loss: number; accuracy: number };
  test: { loss: number; accuracy: number };
}

export interface GradscopeDivergedDetail {
  step: number;
  train: { loss: number };
  test: { loss: number };
}

export function stepDetail(s: Snapshot): GradscopeStepDetail {
  return {
    step: s.step,
    epoch: s.epoch,
    train: { loss: s.train.loss, accuracy: s.train.accuracy },
    test: { loss: s.test.loss, accuracy: s.test.accuracy },
  };
}

/** True when a loss of `s` is not a finite number (the worker stops such a run). */
export function hasDiverged(s: Snapshot): boolean {
  return !Number.isFinite(s.train.loss) || !Number.isFinite(s.test.loss);
}

/** The `gradscope-diverged` detail of `s`, or null when its losses are finite. */
export function divergedDetail(s: Snapshot): GradscopeDivergedDetail | null {
  if (!hasDiverged(s)) return null;
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
