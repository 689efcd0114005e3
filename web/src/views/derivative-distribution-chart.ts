// View 2: how big the σ'(z^l) factors of the chain product are, layer by layer: the share of
// (unit, sample) pairs in each |σ'| bin, and the share of saturated units (σ' < 1% of its peak).

import uPlot from "uplot";
import { lineStyle, OKABE_ITO } from "./palette.js";
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
  private shape = "";

  constructor(container: HTMLElement) {
    const top = container.ownerDocument.createElement("div");
    const bottom = container.ownerDocument.createElement("div");
    container.append(top, bottom);
    this.histogram = new SizedPlot(top, 200);
    this.saturation = new SizedPlot(bottom, 150);
  }

  update(layers: readonly LayerDerivatives[]): void {
    const first = layers[0];
    if (!first) return;
    const edges = first.derivHistogram.edges;
    const centres = edges.slice(0, -1).map((e, i) => (e + (edges[i + 1] ?? e)) / 2);
    const shares = layers.map((l) => {
      const total = l.derivHistogram.counts.reduce((a, b) => a + b, 0) || 1;
      return l.derivHistogram.counts.map((c) => (100 * c) / total);
    });
    const layerNumbers = layers.map((l) => l.layer);
    const saturated = layers.map((l) => 100 * l.saturatedFraction);
    const shape = `${layerNumbers.join(",")}|${centres.length}`;
    const histData = [centres, ...shares] as uPlot.AlignedData;
    const satData = [layerNumbers, saturated] as uPlot.AlignedData;
    if (shape !== this.shape) {
      this.shape = shape;
      this.rebuild(layerNumbers, histData, satData);
    } else {
      this.histogram.setData(histData);
      this.saturation.setData(satData);
    }
  }

  private rebuild(layers: number[], histData: uPlot.AlignedData, satData: uPlot.AlignedData): void {
    const last = layers[layers.length - 1];
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    this.histogram.rebuild({
      options: {
        title: "Distribution of |σ′(zˡ)| per layer (training set)",
        scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 100] } },
        axes: [{ label: "|σ′(z)|" }, { label: "% of units × samples" }],
        series: [
          { label: "|σ′|", value: (_u, v) => (v == null ? "–" : v.toFixed(3)) },
          ...layers.map((l, i) => {
            const style = lineStyle(i);
            return {
              label: l === last ? `l = ${l} (output)` : `l = ${l}`,
              stroke: style.stroke,
              dash: style.dash,
              width: 2,
              points: { show: false },
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
        title: "Saturated units per layer (σ′ below 1% of its maximum)",
        scales: {
          x: { time: false, range: [(layers[0] ?? 2) - 0.6, (last ?? 2) + 0.6] },
          y: { range: [0, 100] },
        },
        axes: [
          {
            label: "layer l",
            splits: () => layers,
            values: (_u, splits) => splits.map((s) => String(s)),
          },
          { label: "% saturated" },
        ],
        series: [
          { label: "layer" },
          {
            label: "saturated",
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
