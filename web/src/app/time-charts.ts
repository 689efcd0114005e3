// The playground's time charts as one unit: the gradient-norm and loss/accuracy charts share
// the x-axis unit and the URL keys of chart-keys.ts; the gradient card adds the smoothing
// window, the live learning-speed summary and the "compare" ghost of a pinned run.

import { ChartControls } from "../controls/chart-controls.js";
import type { TrainingHistory } from "../model/training-history.js";
import type { Snapshot } from "../model/protocol.js";
import {
  CHART_DEFAULTS,
  parseChartKeys,
  writeChartKeys,
  type ChartKeys,
} from "../state/chart-keys.js";
import { GradientNormsChart, type GradientNormSeries } from "../views/gradient-norms-chart.js";
import { learningSpeedSummary } from "../views/learning-speed-summary.js";
import { LossAccuracyChart } from "../views/loss-accuracy-chart.js";
import { formatNumber } from "../views/number-format.js";
import type { ViewCard } from "../views/view-card.js";
import type { ViewContext } from "./page-view.js";

export class TimeCharts {
  private readonly gradients: GradientNormsChart;
  private readonly loss: LossAccuracyChart;
  private readonly controls: ChartControls;
  private keys: ChartKeys = { ...CHART_DEFAULTS };
  private ghost: GradientNormSeries | null = null;
  private history: TrainingHistory | null = null;

  constructor(
    gradientCard: ViewCard,
    lossCard: ViewCard,
    private readonly context: ViewContext,
    /** Words for the current run's settings, named on the pinned ghost. */
    private readonly describeRun: () => string,
  ) {
    const doc = gradientCard.root.ownerDocument;
    this.controls = new ChartControls(doc, {
      change: (patch) => {
        this.keys = { ...this.keys, ...patch };
        this.context.hash.update((p) => writeChartKeys(this.keys, p));
        this.redraw();
      },
      pin: () => this.pin(),
      clearPin: () => {
        this.ghost = null;
        this.controls.setPinned(null);
        this.redraw();
      },
    });
    gradientCard.explanation.after(this.controls.root, this.controls.summary);
    this.gradients = new GradientNormsChart(gradientCard.body);
    this.loss = new LossAccuracyChart(lossCard.body);
    this.controls.render(this.keys);
  }

  /** Reads `time` and `smooth` from the URL (bad values: a notice each, default kept). */
  readHash(params: URLSearchParams): void {
    const { value, problems } = parseChartKeys(params);
    for (const p of problems) this.context.notify(p);
    const changed = value.time !== this.keys.time || value.smooth !== this.keys.smooth;
    this.keys = value;
    this.controls.render(value);
    if (changed) this.redraw();
  }

  /** The gradient charts and the summary for the newest snapshot `s` of `history`. */
  drawGradients(history: TrainingHistory, s: Snapshot): void {
    this.history = history;
    this.gradients.update(history, this.display());
    this.controls.summary.textContent = `At step ${s.step}: ${learningSpeedSummary(s.layers, formatNumber)}`;
  }

  drawLoss(history: TrainingHistory): void {
    this.history = history;
    this.loss.update(history, this.keys.time);
  }

  private display() {
    return { unit: this.keys.time, smooth: this.keys.smooth, ghost: this.ghost };
  }

  /** Copies the current run's gradient curves as the ghost. */
  private pin(): void {
    const h = this.history;
    if (!h || h.length === 0) {
      this.context.notify("nothing to pin yet: train a few steps first");
      return;
    }
    this.ghost = {
      step: [...h.step],
      epoch: [...h.epoch],
      layerNumbers: [...h.layerNumbers],
      biasNorms: h.biasNorms.map((c) => [...c]),
      weightNorms: h.weightNorms.map((c) => [...c]),
    };
    this.controls.setPinned(this.describeRun());
    this.redraw();
  }

  private redraw(): void {
    const h = this.history;
    if (!h || h.length === 0) return;
    this.gradients.update(h, this.display());
    this.loss.update(h, this.keys.time);
  }
}
