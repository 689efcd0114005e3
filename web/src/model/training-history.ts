// The curves over training time, built from the worker's snapshots. Bounded: once it holds
// `capacity` points, every other point is dropped, so long runs keep their whole shape at a
// fixed cost per frame.

import { isValueEvaluation } from "./evaluation.js";
import type { HistoryPoint, Snapshot } from "./protocol.js";

export class TrainingHistory {
  readonly step: number[] = [];
  readonly epoch: number[] = [];
  readonly trainLoss: number[] = [];
  readonly testLoss: number[] = [];
  /** Accuracy in % (classification); null at a regression run's points. */
  readonly trainAccuracy: (number | null)[] = [];
  readonly testAccuracy: (number | null)[] = [];
  /** R² (regression); null at a classification run's points. */
  readonly trainR2: (number | null)[] = [];
  readonly testR2: (number | null)[] = [];
  /** What the run measures beside the loss: its newest point's accuracy, or R². */
  measure: "accuracy" | "r2" = "accuracy";
  /**
   * Per weighted layer (index 0 is l = 2): ‖∂C/∂b^l‖ and ‖∂C/∂w^l‖. An exact 0 (a dead layer) is
   * kept, for the charts draw it at their floor; null where the norm is not a finite number.
   */
  biasNorms: (number | null)[][] = [];
  weightNorms: (number | null)[][] = [];
  layerNumbers: number[] = [];

  constructor(private readonly capacity = 1500) {}

  clear(): void {
    for (const a of [this.step, this.epoch, this.trainLoss, this.testLoss]) a.length = 0;
    for (const a of [this.trainAccuracy, this.testAccuracy, this.trainR2, this.testR2])
      a.length = 0;
    this.biasNorms = [];
    this.weightNorms = [];
    this.layerNumbers = [];
  }

  get length(): number {
    return this.step.length;
  }

  add(s: Snapshot): void {
    this.addPoint({
      step: s.step,
      epoch: s.epoch,
      train: s.train,
      test: s.test,
      biasNorms: s.layers.map((l) => l.biasGradNorm),
      weightNorms: s.layers.map((l) => l.weightGradNorm),
    });
  }

  /** One point of the curves (a snapshot's, or one a fast-forward recorded on its way). */
  addPoint(p: HistoryPoint): void {
    const last = this.step[this.step.length - 1];
    if (last !== undefined && p.step <= last) return; // a repeated frame after a pause
    if (this.layerNumbers.length !== p.biasNorms.length) {
      this.clear();
      // The weighted layers are l = 2 … L.
      this.layerNumbers = p.biasNorms.map((_, i) => i + 2);
      this.biasNorms = p.biasNorms.map(() => []);
      this.weightNorms = p.biasNorms.map(() => []);
    }
    this.step.push(p.step);
    this.epoch.push(p.epoch);
    this.trainLoss.push(p.train.loss);
    this.testLoss.push(p.test.loss);
    const values = isValueEvaluation(p.train) && isValueEvaluation(p.test);
    this.measure = values ? "r2" : "accuracy";
    this.trainAccuracy.push(isValueEvaluation(p.train) ? null : 100 * p.train.accuracy);
    this.testAccuracy.push(isValueEvaluation(p.test) ? null : 100 * p.test.accuracy);
    this.trainR2.push(isValueEvaluation(p.train) ? finiteOrNull(p.train.r2) : null);
    this.testR2.push(isValueEvaluation(p.test) ? finiteOrNull(p.test.r2) : null);
    p.biasNorms.forEach((n, i) => this.biasNorms[i]?.push(normOrNull(n)));
    p.weightNorms.forEach((n, i) => this.weightNorms[i]?.push(normOrNull(n)));
    if (this.step.length > this.capacity) this.halve();
  }

  private halve(): void {
    const keep = <T>(a: T[]): void => {
      let j = 0;
      for (let i = 0; i < a.length; i += 2) a[j++] = a[i] as T;
      // Keep the newest point so the curves end where training is.
      if (a.length % 2 === 0) a[j++] = a[a.length - 1] as T;
      a.length = j;
    };
    for (const a of [this.step, this.epoch, this.trainLoss, this.testLoss]) keep(a);
    for (const a of [this.trainAccuracy, this.testAccuracy, this.trainR2, this.testR2]) keep(a);
    this.biasNorms.forEach(keep);
    this.weightNorms.forEach(keep);
  }
}

/** R² as the chart draws it: null where it is undefined (constant targets) or not a number. */
function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function normOrNull(v: number): number | null {
  return Number.isFinite(v) && v >= 0 ? v : null;
}
