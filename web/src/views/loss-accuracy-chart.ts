// View 4: loss (left axis) and accuracy, or R² for a regression run (right axis), on the training
// and test sets over training time, in the x-axis unit the gradient charts use (time-axis.ts).

import uPlot from "uplot";
import { linearTicks } from "./axis-ticks.js";
import { formatNumber } from "./number-format.js";
import { OKABE_ITO } from "./palette.js";
import { SizedPlot } from "./sized-plot.js";
import { timeAxisLabel, timeColumn, type TimeUnit } from "./time-axis.js";

export interface LossAccuracySeries {
  step: number[];
  epoch: number[];
  trainLoss: number[];
  testLoss: number[];
  trainAccuracy: (number | null)[];
  testAccuracy: (number | null)[];
  trainR2: (number | null)[];
  testR2: (number | null)[];
  /** What the right axis shows: accuracy in % (classification) or R² (regression). */
  measure: "accuracy" | "r2";
}

/** The right axis of each measure: its name, unit, range and the lines' labels. */
const MEASURES = {
  accuracy: {
    title: "Loss and accuracy",
    axis: "accuracy %",
    line: "accuracy",
    digits: 1,
    unit: "%",
  },
  r2: { title: "Loss and R²", axis: "R² (1: perfect fit)", line: "R²", digits: 3, unit: "" },
} as const;

/** The card's heading for `measure`: "Loss and accuracy" or "Loss and R²". */
export function lossMeasureTitle(measure: LossAccuracySeries["measure"]): string {
  return MEASURES[measure].title;
}

/** The chart's title for `measure`. */
export function lossChartTitle(measure: LossAccuracySeries["measure"]): string {
  return `${lossMeasureTitle(measure)}: training (solid) and test (dashed)`;
}

export class LossAccuracyChart {
  private readonly plot: SizedPlot;
  private builtFor: string | null = null;

  constructor(container: HTMLElement) {
    this.plot = new SizedPlot(container, 220);
  }

  update(s: LossAccuracySeries, unit: TimeUnit): void {
    const r2 = s.measure === "r2";
    const right = r2 ? [s.trainR2, s.testR2] : [s.trainAccuracy, s.testAccuracy];
    const data = [timeColumn(s, unit), s.trainLoss, s.testLoss, ...right];
    const key = `${unit} ${s.measure}`;
    if (this.builtFor === key) {
      this.plot.setData(data as uPlot.AlignedData);
      return;
    }
    this.builtFor = key;
    const m = MEASURES[s.measure];
    const fixed =
      (digits: number, unit = "") =>
      (_u: uPlot, v: number | null) =>
        v == null ? "–" : `${v.toFixed(digits)}${unit}`;
    this.plot.rebuild({
      options: {
        title: lossChartTitle(s.measure),
        scales: {
          x: { time: false },
          loss: { range: (_u, _min, max) => [0, Math.max(max, 0.1)] },
          // R² starts far below 0 for an untrained network: the axis shows −1 … 1 at most.
          acc: r2
            ? { range: (_u, min) => [Math.max(-1, Math.min(0, Math.floor(min * 10) / 10)), 1] }
            : { range: [0, 100] },
        },
        axes: [
          { label: timeAxisLabel(unit) },
          {
            label: "loss (mean cost)",
            scale: "loss",
            // Own ticks: uPlot's show none for a loss past 1e17 (see axis-ticks.ts).
            splits: (_u, _axis, min, max) => linearTicks(min, max),
            values: (_u, splits) => splits.map(formatNumber),
          },
          { label: m.axis, scale: "acc", side: 1, grid: { show: false } },
        ],
        series: [
          { label: unit, value: fixed(unit === "step" ? 0 : 2) },
          { label: "train loss", scale: "loss", stroke: OKABE_ITO.blue, width: 2, value: fixed(4) },
          {
            label: "test loss",
            scale: "loss",
            stroke: OKABE_ITO.blue,
            width: 2,
            dash: [6, 4],
            value: fixed(4),
          },
          {
            label: `train ${m.line}`,
            scale: "acc",
            stroke: OKABE_ITO.vermillion,
            width: 2,
            value: fixed(m.digits, m.unit),
          },
          {
            label: `test ${m.line}`,
            scale: "acc",
            stroke: OKABE_ITO.vermillion,
            width: 2,
            dash: [6, 4],
            value: fixed(m.digits, m.unit),
          },
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data: data as uPlot.AlignedData,
    });
  }
}
