// The experiment's charts (uPlot, log scales for speeds): the speed of every hidden layer at
// initialisation for each variant side by side; each variant's speeds over training; and the
// held-out accuracy of each variant over training.

import { boundedLogScale, boundedLogSplits } from "../views/axis-ticks.js";
import type uPlot from "uplot";
import { hiddenLayerStyle, variantStyle } from "./vanishing-colours.js";
import { SizedPlot, type PlotSpec } from "../views/sized-plot.js";
import { formatNumber, logTickLabels } from "../views/number-format.js";
import { diverged, type VanishingResults } from "./vanishing-results.js";
import { variantLabel } from "./vanishing-variants.js";

const positive = (v: number | undefined) =>
  v !== undefined && Number.isFinite(v) && v > 0 ? v : null;
const speedValue = (_u: uPlot, v: number | null) => (v == null ? "–" : formatNumber(v));

/** Rebuilds when the shape changes, otherwise only swaps data. */
class Chart {
  private readonly plot: SizedPlot;
  private shape = "";
  constructor(container: HTMLElement, height: number) {
    this.plot = new SizedPlot(container, height);
  }
  draw(shape: string, spec: () => PlotSpec, data: uPlot.AlignedData): void {
    if (shape !== this.shape) {
      this.shape = shape;
      this.plot.rebuild({ ...spec(), data });
    } else {
      this.plot.setData(data);
    }
  }
  dispose(): void {
    this.plot.dispose();
  }
}

export class InitialSpeedChart {
  private readonly chart: Chart;
  constructor(container: HTMLElement) {
    this.chart = new Chart(container, 260);
  }

  update(r: VanishingResults, hidden: number): void {
    const xs = Array.from({ length: hidden }, (_, i) => i + 1);
    const data = [
      xs,
      ...r.variants.map((v) => xs.map((_, i) => positive(r.initial(v)?.speeds[i]))),
    ] as uPlot.AlignedData;
    this.chart.draw(
      `${hidden}:${r.variants.join(",")}`,
      () => ({
        options: {
          title: "Speed of learning ‖∂C/∂bˡ‖ at initialisation (log scale)",
          scales: { x: { time: false }, y: boundedLogScale },
          axes: [
            { label: "hidden layer (1 = next to the input)", splits: () => xs },
            { label: "‖∂C/∂bˡ‖", size: 70, splits: boundedLogSplits, values: logTickLabels },
          ],
          series: [
            { label: "hidden layer" },
            ...r.variants.map((v) => ({
              label: variantLabel(v),
              ...variantStyle(v),
              width: 2,
              points: { size: 6 },
              value: speedValue,
            })),
          ],
          cursor: { drag: { x: false, y: false } },
        },
        data,
      }),
      data,
    );
  }
}

/** One chart per variant: every hidden layer's speed over the epochs. */
export class TrainingSpeedCharts {
  private charts = new Map<string, Chart>();
  private key = "";

  constructor(private readonly container: HTMLElement) {}

  update(r: VanishingResults, hidden: number): void {
    const key = `${hidden}:${r.variants.join(",")}`;
    if (key !== this.key) {
      this.key = key;
      for (const c of this.charts.values()) c.dispose();
      this.charts.clear();
      this.container.replaceChildren();
      for (const v of r.variants) {
        const box = this.container.ownerDocument.createElement("div");
        box.className = "training-speed-chart";
        box.dataset.variant = v;
        this.container.append(box);
        this.charts.set(v, new Chart(box, 220));
      }
    }
    for (const v of r.variants) {
      const points = r.of(v);
      const data = [
        points.map((p) => p.epoch),
        ...Array.from({ length: hidden }, (_, l) =>
          points.map((p) => (diverged(p) ? null : positive(p.speeds[l]))),
        ),
      ] as uPlot.AlignedData;
      this.charts.get(v)?.draw(
        "fixed",
        () => ({
          options: {
            title: variantLabel(v),
            scales: { x: { time: false }, y: boundedLogScale },
            axes: [
              { label: "epoch" },
              { label: "‖∂C/∂bˡ‖", size: 70, splits: boundedLogSplits, values: logTickLabels },
            ],
            series: [
              { label: "epoch" },
              ...Array.from({ length: hidden }, (_, l) => ({
                label: `hidden ${l + 1}`,
                ...hiddenLayerStyle(l + 1),
                width: 2,
                value: speedValue,
              })),
            ],
            cursor: { drag: { x: false, y: false } },
          },
          data,
        }),
        data,
      );
    }
  }
}

export class AccuracyChart {
  private readonly chart: Chart;
  constructor(container: HTMLElement) {
    this.chart = new Chart(container, 240);
  }

  update(r: VanishingResults): void {
    // Variants may be an epoch apart while running: align on the longest, gaps for the others.
    const longest = Math.max(...r.variants.map((v) => r.of(v).length));
    const xs = Array.from({ length: longest }, (_, i) => i);
    const data = [
      xs,
      ...r.variants.map((v) =>
        xs.map((e) => {
          const p = r.of(v)[e];
          return p ? 100 * p.test.accuracy : null;
        }),
      ),
    ] as uPlot.AlignedData;
    this.chart.draw(
      r.variants.join(","),
      () => ({
        options: {
          title: "Accuracy on held-out digits",
          scales: { x: { time: false }, y: { range: [0, 100] } },
          axes: [{ label: "epoch" }, { label: "accuracy (%)", size: 50 }],
          series: [
            { label: "epoch" },
            ...r.variants.map((v) => ({
              label: variantLabel(v),
              ...variantStyle(v),
              width: 2,
              value: (_u: uPlot, y: number | null) => (y == null ? "–" : `${y.toFixed(1)}%`),
            })),
          ],
          cursor: { drag: { x: false, y: false } },
        },
        data,
      }),
      data,
    );
  }
}
