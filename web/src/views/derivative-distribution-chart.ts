// View 2: how big the σ'(z^l) factors of the chain product are, layer by layer: the share of
// (unit, sample) pairs in each |σ'| bin (each layer binned over its own activation's range), and
// the share below 1% of the ceiling, called what the catalogue says σ' = 0 means (saturated, or
// inactive for ReLU). The output layer is shown as BP1 treats it for the chosen cost: not drawn
// when σ'(z^L) cancels (δ^L = a^L − y), drawn as the Jacobian's diagonal for softmax.

import uPlot from "uplot";
import {
  drawnLayers,
  outputTreatment,
  saturationAxisLabel,
  saturationSummary,
  saturationTitle,
  type CaptionSettings,
} from "./captions.js";
import { histogramData } from "./derivative-histogram-data.js";
import { lineStyle, OKABE_ITO } from "./palette.js";
import { percentRange } from "./lecture-plot-options.js";
import { SizedPlot } from "./sized-plot.js";

export interface LayerDerivatives {
  layer: number;
  derivHistogram: { edges: number[]; counts: number[] };
  saturatedFraction: number;
  meanAbsActDeriv: number;
}

export class DerivativeDistributionChart {
  private readonly histogram: SizedPlot;
  private readonly saturation: SizedPlot;
  /** The output layer's line when its σ' cancels (in place of its histogram). */
  private readonly outputNote: HTMLElement;
  /** What the saturation bars say in words (always: an all-zero chart looks empty). */
  private readonly summary: HTMLElement;
  private shape = "";

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    // Two columns on a wide card: each chart with its line of words under it.
    const left = doc.createElement("div");
    const right = doc.createElement("div");
    const top = doc.createElement("div");
    this.outputNote = doc.createElement("p");
    this.outputNote.className = "chart-note output-cancels";
    this.outputNote.hidden = true;
    const bottom = doc.createElement("div");
    this.summary = doc.createElement("p");
    this.summary.className = "chart-note saturation-summary";
    this.summary.setAttribute("aria-live", "polite");
    left.append(top, this.outputNote);
    right.append(bottom, this.summary);
    container.append(left, right);
    this.histogram = new SizedPlot(top, 200);
    this.saturation = new SizedPlot(bottom, 200); // tall enough to read 1–20 % bars
  }

  update(layers: readonly LayerDerivatives[], settings: CaptionSettings): void {
    if (layers.length !== settings.hidden.length + 1) return; // a snapshot of another network
    const L = settings.hidden.length + 2;
    const out = outputTreatment(settings.output, settings.cost, L);
    this.outputNote.hidden = out.drawn;
    this.outputNote.textContent = out.drawn ? "" : out.label;
    const shown = new Set(drawnLayers(settings));
    const drawn = layers.filter((l) => shown.has(l.layer));
    const hist = histogramData(drawn);
    const layerNumbers = drawn.map((l) => l.layer);
    const saturated = drawn.map((l) => 100 * l.saturatedFraction);
    this.summary.textContent = saturationSummary(
      settings,
      drawn.map((l) => ({ layer: l.layer, share: l.saturatedFraction })),
    );
    const histData = [hist.x, ...hist.shares] as uPlot.AlignedData;
    const satData = [layerNumbers, saturated] as uPlot.AlignedData;
    const labels = layerNumbers.map((l) => (l === L ? out.label : `l = ${l}`));
    const title = saturationTitle(settings);
    const axis = saturationAxisLabel(settings);
    const shape = `${labels.join(",")}|${hist.x.join(",")}|${hist.range.join(",")}|${title}`;
    if (shape !== this.shape) {
      this.shape = shape;
      this.rebuild(layerNumbers, labels, [title, axis], hist.range, histData, satData);
    } else {
      this.histogram.setData(histData);
      this.saturation.setData(satData);
    }
  }

  private rebuild(
    layers: number[],
    labels: string[],
    [saturationLabel, saturationAxis]: [string, string],
    range: [number, number],
    histData: uPlot.AlignedData,
    satData: uPlot.AlignedData,
  ): void {
    const first = layers[0] ?? 2;
    const last = layers[layers.length - 1] ?? first;
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    this.histogram.rebuild({
      options: {
        title: "Distribution of |σ′(zˡ)| per layer (training set)",
        // The y axis follows the data (peaks are often ~30 %), 0 kept at the bottom.
        scales: { x: { time: false, range }, y: { range: (_u, _min, max) => percentRange(max) } },
        axes: [{ label: "|σ′(z)|" }, { label: "% of pairs" }],
        series: [
          { label: "|σ′|", value: (_u, v) => (v == null ? "–" : v.toFixed(4)) },
          ...labels.map((label, i) => {
            const style = lineStyle(i);
            return {
              label,
              stroke: style.stroke,
              dash: style.dash,
              width: 2,
              // Layers binned differently leave gaps at each other's bin centres.
              spanGaps: true,
              points: { show: (histData[0] as number[]).length < 3 },
              ...(stepped ? { paths: stepped } : {}),
              value: (_u: uPlot, v: number | null) => (v == null ? "–" : `${v.toFixed(1)}%`),
            };
          }),
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data: histData,
    });
    const bars = uPlot.paths.bars?.({ size: [0.6, 48] });
    this.saturation.rebuild({
      options: {
        title: saturationLabel,
        scales: {
          x: { time: false, range: [first - 0.6, last + 0.6] },
          y: { range: [0, 100] },
        },
        axes: [
          {
            label: "layer l",
            splits: () => layers,
            values: (_u, splits) => splits.map((s) => String(s)),
          },
          { label: saturationAxis },
        ],
        series: [
          { label: "layer" },
          {
            label: "share",
            stroke: OKABE_ITO.vermillion,
            fill: `${OKABE_ITO.vermillion}99`,
            width: 1,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
            value: (_u, v) => (v == null ? "–" : `${v.toFixed(1)}%`),
          },
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data: satData,
    });
  }
}
