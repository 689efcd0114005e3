// The status line's wording for a snapshot: epoch, step, losses and accuracies, or why the
// figures mean nothing once training diverged.

import { isValueEvaluation } from "../model/evaluation.js";
import type { Evaluation, Snapshot } from "../model/protocol.js";
import { noGradientNote } from "../views/learning-speed-summary.js";
import { formatNumber, formatPercent } from "../views/number-format.js";

/** Whether the snapshot's losses are not finite (the worker stops such a run). */
export function snapshotDiverged(s: Pick<Snapshot, "train" | "test">): boolean {
  return !Number.isFinite(s.train.loss) || !Number.isFinite(s.test.loss);
}

export function snapshotStatus(s: Snapshot): string {
  const when = `Epoch ${s.epoch.toFixed(2)} (step ${s.step}) · `;
  if (snapshotDiverged(s)) {
    // Outputs that are not numbers all fall in one class, so an accuracy would only show the
    // share of that class: it is not shown.
    return (
      when +
      `training diverged: train loss ${formatNumber(s.train.loss)}, test loss ` +
      `${formatNumber(s.test.loss)}; ${measureName(s.train)} and test ` +
      `${measureName(s.test)} mean nothing now · ` +
      `lower the learning rate η and press Reset`
    );
  }
  // Layers with an exact zero gradient are named: their lines sit on the charts' floor.
  const note = noGradientNote(s.layers);
  return (
    when +
    `train loss ${s.train.loss.toFixed(4)}, ${measureText(s.train)} · ` +
    `test loss ${s.test.loss.toFixed(4)}, test ${measureText(s.test)}` +
    (note ? ` · ${note}` : "")
  );
}

/** The figure beside the loss: "accuracy" for a classification, "R²" for a regression. */
export function measureName(e: Evaluation): string {
  return isValueEvaluation(e) ? "R²" : "accuracy";
}

/** "accuracy 97.5%" or "R² 0.981 (MSE 0.0042)"; R² of constant targets is undefined. */
export function measureText(e: Evaluation): string {
  if (!isValueEvaluation(e)) return `accuracy ${formatPercent(e.accuracy)}`;
  const r2 = Number.isFinite(e.r2) ? e.r2.toFixed(3) : "undefined (constant targets)";
  return `R² ${r2} (MSE ${formatNumber(e.mse)})`;
}

/** What the status line says while a fresh run is fast-forwarded to `steps` mini-batches. */
export function fastForwardStatus(steps: number): string {
  return `Fast-forwarding to step ${steps.toLocaleString("en")}…`;
}
