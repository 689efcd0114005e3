// |∂C/∂b_j| for every neuron j of the chain, on a log scale. Each is the tail of the seed's
// product from σ'(z_j) on, so going back one neuron multiplies it by |w_(j+1) σ'(z_j)|: below 1/4
// for sigmoid with |w| < 1 (the line falls towards the input), 25 in Nielsen's exploding example.

import { boundedLogScale, boundedLogSplits } from "../views/axis-ticks.js";
import type uPlot from "uplot";
import type { ChainProduct } from "gradscope";
import { formatNumber, logTickLabels } from "../views/number-format.js";
import { OKABE_ITO } from "../views/palette.js";
import { SizedPlot } from "../views/sized-plot.js";

/** |∂C/∂b_j| for j = 1 … n from the terms σ'(z_1), w_2, σ'(z_2), …, σ'(z_n), ∂C/∂a_n. */
export function biasGradients(p: ChainProduct): number[] {
  const n = p.neurons.length;
  const out = new Array<number>(n).fill(0);
  let tail = 1;
  // Walk the terms backwards; σ'(z_j) closes the tail that is ∂C/∂b_j.
  for (let k = p.terms.length - 1; k >= 0; --k) {
    const t = p.terms[k];
    if (!t) continue;
    tail *= t.value;
    if (t.kind === "sigma-prime") out[t.j - 1] = Math.abs(tail);
  }
  return out;
}

export class ChainGradientChart {
  private readonly plot: SizedPlot;
  private shape = -1;

  constructor(container: HTMLElement) {
    this.plot = new SizedPlot(container, 220);
  }

  update(p: ChainProduct): void {
    const g = biasGradients(p);
    const xs = g.map((_, i) => i + 1);
    // A log axis cannot show 0 (a dead ReLU unit): leave a gap.
    const data = [xs, g.map((v) => (v > 0 ? v : null))] as uPlot.AlignedData;
    if (g.length !== this.shape) {
      this.shape = g.length;
      this.plot.rebuild({
        options: {
          title: "|∂C/∂b_j| along the chain (log scale)",
          scales: { x: { time: false }, y: boundedLogScale },
          axes: [
            { label: "neuron j (1 = next to the input)", splits: () => xs },
            { label: "|∂C/∂b_j|", size: 70, splits: boundedLogSplits, values: logTickLabels },
          ],
          series: [
            { label: "j" },
            {
              label: "|∂C/∂b_j|",
              stroke: OKABE_ITO.blue,
              width: 2,
              points: { size: 7 },
              value: (_u: uPlot, v: number | null) => (v == null ? "–" : formatNumber(v)),
            },
          ],
          cursor: { drag: { x: false, y: false } },
        },
        data,
      });
    } else {
      this.plot.setData(data);
    }
  }
}
