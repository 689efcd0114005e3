// View 1: every element-wise activation of the catalogue with its derivative, the chosen one
// highlighted, and the chosen one's largest σ' marked (captions.ts): the ceiling of each factor
// w σ'(z) in backprop.

import { catalogue, type HiddenActivationName } from "gradscope";
import uPlot from "uplot";
import type { ActivationCurve } from "../model/protocol.js";
import { maxDerivativeMarker } from "./captions.js";
import { OKABE_ITO } from "./palette.js";
import { SizedPlot } from "./sized-plot.js";

/** Colours in the catalogue's order of the plotted activations; beyond these, dashed repeats. */
const CURVE_ORDER = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
] as const;

/** The element-wise activations (those allowed in hidden layers): each gets a curve. */
export const PLOTTED_ACTIVATIONS: readonly string[] = catalogue.activations.flatMap((a) =>
  a.hidden ? [a.name] : [],
);

/** The colour of activation `name`'s curves, by its place in the catalogue. */
export function curveColour(name: string): string | undefined {
  const i = PLOTTED_ACTIVATIONS.indexOf(name);
  return i < 0 ? undefined : CURVE_ORDER[i % CURVE_ORDER.length];
}

const SYMBOLS: Record<string, string> = Object.fromEntries(
  catalogue.activations.map((a) => [a.name, a.symbol]),
);

export interface ActivationCurvesData {
  z: number[];
  curves: ActivationCurve[];
}

export class ActivationCurvesChart {
  private readonly plot: SizedPlot;
  private data: ActivationCurvesData | null = null;
  private chosen = "";

  constructor(container: HTMLElement) {
    this.plot = new SizedPlot(container, 240);
  }

  setCurves(data: ActivationCurvesData): void {
    this.data = data;
    this.draw();
  }

  /** Highlights `name` (the hidden activation); other names highlight nothing. */
  setChosen(name: string): void {
    if (name === this.chosen) return;
    this.chosen = name;
    this.draw();
  }

  private draw(): void {
    const data = this.data;
    if (!data) return;
    const series: uPlot.Series[] = [{ label: "z" }];
    const columns: (number | null)[][] = [];
    for (const curve of data.curves) {
      const colour = curveColour(curve.name);
      if (!colour) continue;
      const on = curve.name === this.chosen;
      const faded = !on && this.chosen !== "" && PLOTTED_ACTIVATIONS.includes(this.chosen);
      const stroke = faded ? `${colour}99` : colour;
      const width = on ? 3.5 : 1.5;
      const label = SYMBOLS[curve.name] ?? curve.name;
      series.push({ label: `${label}(z)${on ? " ★" : ""}`, stroke, width });
      series.push({ label: `${label}′(z)`, stroke, width, dash: [6, 4] });
      columns.push(curve.value, curve.derivative);
    }
    // The marker series is empty except where the chosen activation's σ' first reaches its ceiling.
    const chosen = data.curves.find((c) => c.name === this.chosen);
    const m = chosen
      ? maxDerivativeMarker(chosen.name as HiddenActivationName, data.z, chosen.derivative)
      : null;
    const marker = data.z.map((_, i) => (m && i === m.index ? m.value : null));
    series.push({
      label: m?.label ?? "max σ′",
      stroke: OKABE_ITO.black,
      width: 0,
      points: { show: true, size: 12, fill: OKABE_ITO.yellow, stroke: OKABE_ITO.black, width: 2 },
    });
    this.plot.rebuild({
      options: {
        title: "Activation functions σ(z) and derivatives σ′(z) (dashed)",
        scales: { x: { time: false }, y: { range: [-1.2, 2] } },
        axes: [{ label: "z" }, { label: "σ(z), σ′(z)" }],
        series,
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
      },
      data: [data.z, ...columns, marker] as uPlot.AlignedData,
    });
  }
}
