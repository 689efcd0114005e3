// |∂C/∂b_j| = |δ_j| for every neuron j of the chain, on a log scale. Going back one neuron
// multiplies it by |w_(j+1) σ'(z_j)|: at most |w| times the activation's σ′ ceiling, 25 in
// Nielsen's exploding example with sigmoids. Exact zeros (inactive ReLUs) sit at a marked floor.

import { boundedLogScale, boundedLogSplits } from "../views/axis-ticks.js";
import type uPlot from "uplot";
import type { ChainProduct } from "gradscope";
import { formatNumber, logTickLabels } from "../views/number-format.js";
import { OKABE_ITO } from "../views/palette.js";
import { SizedPlot } from "../views/sized-plot.js";
import { biasGradients } from "./chain-backward.js";
import { ZERO_FLOOR_LABEL, zeroFloor } from "../views/zero-floor.js";

export class ChainGradientChart {
  private readonly plot: SizedPlot;
  private shape = "";

  constructor(container: HTMLElement) {
    this.plot = new SizedPlot(container, 220);
  }

  update(p: ChainProduct): void {
    const g = biasGradients(p);
    const xs = g.map((_, i) => i + 1);
    // Exact zeros (an inactive ReLU and every neuron before it) apart, at the playground's floor.
    const floor = zeroFloor([g]);
    const positive = g.map((v) => (v > 0 && Number.isFinite(v) ? v : null));
    const zeros = g.map((v) => (v === 0 ? floor : null));
    const hasZeros = zeros.some((v) => v !== null);
    const data = (hasZeros ? [xs, positive, zeros] : [xs, positive]) as uPlot.AlignedData;
    const shape = `${g.length}:${hasZeros ? floor : "-"}`;
    if (shape === this.shape) {
      this.plot.setData(data);
      return;
    }
    this.shape = shape;
    const value = (_u: uPlot, v: number | null) => (v == null ? "–" : formatNumber(v));
    this.plot.rebuild({
      options: {
        title: "|∂C/∂b_j| along the chain (log scale)",
        scales: { x: { time: false }, y: boundedLogScale },
        axes: [
          { label: "neuron j (1 = next to the input)", splits: () => xs },
          {
            label: "|∂C/∂b_j|",
            size: 70,
            splits: boundedLogSplits,
            // The floor's tick reads 0: the points there are exact zeros, not small values.
            values: (u: unknown, splits: (number | null)[]) => {
              const labels = logTickLabels(u, splits);
              return hasZeros
                ? splits.map((v, i) => (v === floor ? "0" : (labels[i] ?? "")))
                : labels;
            },
          },
        ],
        series: [
          { label: "j" },
          {
            label: "|∂C/∂b_j|",
            stroke: OKABE_ITO.blue,
            width: 2,
            points: { size: 7 },
            value,
          },
          ...(hasZeros
            ? [
                {
                  label: `${ZERO_FLOOR_LABEL} (drawn at the floor)`,
                  stroke: OKABE_ITO.vermillion,
                  width: 0,
                  points: { size: 9, fill: OKABE_ITO.vermillion },
                  value: (_u: uPlot, v: number | null) => (v == null ? "–" : "0"),
                },
              ]
            : []),
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data,
    });
  }
}
