// View 3: Nielsen's "speed of learning" ‖∂C/∂b^l‖ and the weight-gradient norm ‖∂C/∂w^l‖ of
// every layer over training, on a log scale: in a deep sigmoid network the early layers' lines
// sit far below the later ones.

import uPlot from "uplot";
import { boundedLogScale, boundedLogSplits } from "./axis-ticks.js";
import { logTickLabels } from "./number-format.js";
import { lineStyle } from "./palette.js";
import { SizedPlot } from "./sized-plot.js";

export interface GradientNormSeries {
  step: number[];
  layerNumbers: number[];
  biasNorms: (number | null)[][];
  weightNorms: (number | null)[][];
}

export class GradientNormsChart {
  private readonly bias: SizedPlot;
  private readonly weight: SizedPlot;
  private shape = "";

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    const left = doc.createElement("div");
    const right = doc.createElement("div");
    container.append(left, right);
    this.bias = new SizedPlot(left, 220);
    this.weight = new SizedPlot(right, 220);
  }

  update(s: GradientNormSeries): void {
    const shape = s.layerNumbers.join(",");
    const biasData = [s.step, ...s.biasNorms] as uPlot.AlignedData;
    const weightData = [s.step, ...s.weightNorms] as uPlot.AlignedData;
    if (shape !== this.shape) {
      this.shape = shape;
      this.bias.rebuild(spec("‖∂C/∂bˡ‖: speed of learning per layer", "‖∂C/∂bˡ‖", s, biasData));
      this.weight.rebuild(spec("‖∂C/∂wˡ‖ per layer", "‖∂C/∂wˡ‖", s, weightData));
    } else {
      this.bias.setData(biasData);
      this.weight.setData(weightData);
    }
  }
}

function spec(title: string, yLabel: string, s: GradientNormSeries, data: uPlot.AlignedData) {
  const last = s.layerNumbers[s.layerNumbers.length - 1];
  return {
    options: {
      title: `${title} (log scale)`,
      // Own range and ticks: uPlot's never end on a huge but finite norm (see axis-ticks.ts).
      scales: {
        x: { time: false },
        y: boundedLogScale,
      },
      axes: [
        { label: "training step (mini-batches)" },
        {
          label: yLabel,
          size: 60,
          splits: boundedLogSplits,
          values: logTickLabels,
        },
      ],
      series: [
        { label: "step" },
        ...s.layerNumbers.map((l, i) => {
          const style = lineStyle(i);
          return {
            label: l === last ? `l = ${l} (output)` : `l = ${l}`,
            stroke: style.stroke,
            dash: style.dash,
            width: 1.5,
            spanGaps: false,
            value: (_u: uPlot, v: number | null) => (v == null ? "–" : v.toExponential(2)),
          };
        }),
      ],
      cursor: { drag: { x: false, y: false } },
    },
    data,
  };
}
