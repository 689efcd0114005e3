// View 4: loss (left axis) and accuracy (right axis) on the training and test sets over training
// time, in the x-axis unit the gradient charts use (time-axis.ts).

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
  trainAccuracy: number[];
  testAccuracy: number[];
}

export class LossAccuracyChart {
  private readonly plot: SizedPlot;
  private builtFor: TimeUnit | null = null;

  constructor(container: HTMLElement) {
    this.plot = new SizedPlot(container, 220);
  }

  update(s: LossAccuracySeries, unit: TimeUnit): void {
    const data = [timeColumn(s, unit), s.trainLoss, s.testLoss, s.trainAccuracy, s.testAccuracy];
    if (this.builtFor === unit) {
      this.plot.setData(data as uPlot.AlignedData);
      return;
    }
    this.builtFor = unit;
    const fixed =
      (digits: number, unit = "") =>
      (_u: uPlot, v: number | null) =>
        v == null ? "–" : `${v.toFixed(digits)}${unit}`;
    this.plot.rebuild({
      options: {
        title: "Loss and accuracy: training (solid) and test (dashed)",
        scales: {
          x: { time: false },
          loss: { range: (_u, _min, max) => [0, Math.max(max, 0.1)] },
          acc: { range: [0, 100] },
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
          { label: "accuracy %", scale: "acc", side: 1, grid: { show: false } },
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
            label: "train accuracy",
            scale: "acc",
            stroke: OKABE_ITO.vermillion,
            width: 2,
            value: fixed(1, "%"),
          },
          {
            label: "test accuracy",
            scale: "acc",
            stroke: OKABE_ITO.vermillion,
            width: 2,
            dash: [6, 4],
            value: fixed(1, "%"),
          },
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data: data as uPlot.AlignedData,
    });
  }
}
