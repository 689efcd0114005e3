// View 3: Nielsen's "speed of learning" ‖∂C/∂b^l‖ and the weight-gradient norm ‖∂C/∂w^l‖ of
// every layer over training, on a log scale: in a deep sigmoid network the early layers' lines
// sit far below the later ones. Exact zeros (dead ReLUs) are drawn at a marked floor rather than
// dropped (zero-floor.ts); a pinned earlier run is drawn faded underneath ("compare").

import uPlot from "uplot";
import { boundedLogScale, boundedLogSplits } from "./axis-ticks.js";
import { alignRuns, type Column } from "./chart-data.js";
import { movingAverage } from "./moving-average.js";
import { logTickLabels } from "./number-format.js";
import { lineStyle } from "./palette.js";
import { SizedPlot } from "./sized-plot.js";
import { timeAxisLabel, timeColumn, type TimeUnit } from "./time-axis.js";
import { isFloorValue, mapZerosToFloor, ZERO_FLOOR_LABEL, zeroFloor } from "./zero-floor.js";

export interface GradientNormSeries {
  step: number[];
  epoch: number[];
  layerNumbers: number[];
  /** Per layer; 0 is an exact zero, null a value that is not finite. */
  biasNorms: (number | null)[][];
  weightNorms: (number | null)[][];
}

/** How the charts are drawn: x unit, smoothing window (0 off), and the pinned run if any. */
export interface GradientDisplay {
  unit: TimeUnit;
  smooth: number;
  ghost: GradientNormSeries | null;
}

/** The legend's prefix of a pinned run's lines. */
export const GHOST_PREFIX = "pinned";

/** One of the two log charts and the floor its zeros are drawn at. */
class NormPlot {
  readonly plot: SizedPlot;
  floor = 0.1;
  hasZeros = false;
  /** The pinned run's smoothed columns: it does not change, so they are computed once. */
  private ghostCache: {
    ghost: GradientNormSeries;
    smooth: number;
    ys: (number | null)[][];
  } | null = null;

  constructor(
    container: HTMLElement,
    private readonly title: string,
    private readonly yLabel: string,
  ) {
    this.plot = new SizedPlot(container, 220);
  }

  draw(
    s: GradientNormSeries,
    pick: (s: GradientNormSeries) => (number | null)[][],
    d: GradientDisplay,
    rebuild: boolean,
  ): void {
    const smooth = (c: (number | null)[]) => movingAverage(c, d.smooth);
    const ys = pick(s).map(smooth);
    const ghost = d.ghost;
    const ghostYs = ghost ? this.ghostColumns(ghost, d.smooth, () => pick(ghost).map(smooth)) : [];
    this.floor = zeroFloor([...ys, ...ghostYs]);
    this.hasZeros = [...ys, ...ghostYs].some((c) => c.some((v) => v === 0));
    const x = timeColumn(s, d.unit);
    const table: Column[] = d.ghost
      ? (() => {
          const joined = alignRuns({ x, ys }, { x: timeColumn(d.ghost, d.unit), ys: ghostYs });
          return [joined.x, ...joined.ys];
        })()
      : [x, ...ys];
    const [tx, ...tys] = table;
    const data = [tx, ...tys.map((c) => mapZerosToFloor(Array.from(c), this.floor))];
    if (rebuild) this.plot.rebuild(this.spec(s, d, data as uPlot.AlignedData, table));
    else this.plot.setData(data as uPlot.AlignedData, table);
  }

  private ghostColumns(
    ghost: GradientNormSeries,
    smooth: number,
    compute: () => (number | null)[][],
  ): (number | null)[][] {
    const c = this.ghostCache;
    if (c && c.ghost === ghost && c.smooth === smooth) return c.ys;
    const ys = compute();
    this.ghostCache = { ghost, smooth, ys };
    return ys;
  }

  private spec(
    s: GradientNormSeries,
    d: GradientDisplay,
    data: uPlot.AlignedData,
    table: Column[],
  ) {
    const value = (_u: uPlot, v: number | null) =>
      v == null ? "–" : isFloorValue(v, this.floor) ? "0" : v.toExponential(2);
    const lines = (layers: number[], ghost: boolean) => {
      const last = layers[layers.length - 1];
      return layers.map((l, i) => {
        const style = lineStyle(i);
        const name = l === last ? `l = ${l} (output)` : `l = ${l}`;
        return {
          label: ghost ? `${GHOST_PREFIX} ${name}` : name,
          // The pinned run: the same colour per layer, faded, thinner and dotted.
          stroke: ghost ? `${style.stroke}66` : style.stroke,
          dash: ghost ? [2, 3] : style.dash,
          width: ghost ? 1.25 : 1.5,
          spanGaps: false,
          // uPlot's default: points drawn only while they are sparse, so the lone snapshot after
          // a `steps=N` fast-forward is visible (a one-point line draws nothing).
          value,
        };
      });
    };
    const smoothing = d.smooth > 1 ? `; mean of the last ${d.smooth} points` : "";
    return {
      options: {
        title: `${this.title} (log scale${smoothing})`,
        // Own range and ticks: uPlot's never end on a huge but finite norm (see axis-ticks.ts).
        scales: {
          x: { time: false },
          y: boundedLogScale,
        },
        axes: [
          { label: timeAxisLabel(d.unit) },
          {
            label: this.yLabel,
            size: 60,
            splits: boundedLogSplits,
            values: (u: uPlot, splits: (number | null)[]) =>
              logTickLabels(u, splits).map((text, i) =>
                this.hasZeros && splits[i] === this.floor ? "0" : text,
              ),
          },
        ],
        series: [
          { label: d.unit },
          ...lines(s.layerNumbers, false),
          ...(d.ghost ? lines(d.ghost.layerNumbers, true) : []),
        ],
        hooks: { draw: [(u: uPlot) => this.drawFloor(u)] },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      table,
    };
  }

  /** The dashed floor line and its label, where exact zeros are drawn. */
  private drawFloor(u: uPlot): void {
    if (!this.hasZeros) return;
    const ctx = u.ctx;
    const y = Math.round(u.valToPos(this.floor, "y", true));
    const { left, width } = u.bbox;
    const ratio = devicePixelRatio || 1;
    ctx.save();
    ctx.strokeStyle = "#555";
    ctx.lineWidth = ratio;
    ctx.setLineDash([4 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = `${Math.round(11 * ratio)}px sans-serif`;
    // uPlot leaves its own text alignment on the context (its axes are centred or right-aligned).
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    // A pale backing keeps the label readable where lines cross it.
    const textWidth = ctx.measureText(ZERO_FLOOR_LABEL).width;
    ctx.fillStyle = "rgba(255, 255, 255, 0.8)";
    ctx.fillRect(left + 2 * ratio, y - 15 * ratio, textWidth + 4 * ratio, 13 * ratio);
    ctx.fillStyle = "#333";
    ctx.fillText(ZERO_FLOOR_LABEL, left + 4 * ratio, y - 2 * ratio);
    ctx.restore();
  }
}

export class GradientNormsChart {
  private readonly bias: NormPlot;
  private readonly weight: NormPlot;
  private shape = "";

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    const left = doc.createElement("div");
    const right = doc.createElement("div");
    container.append(left, right);
    this.bias = new NormPlot(left, "‖∂C/∂bˡ‖: speed of learning per layer", "‖∂C/∂bˡ‖");
    this.weight = new NormPlot(right, "‖∂C/∂wˡ‖ per layer", "‖∂C/∂wˡ‖");
  }

  update(s: GradientNormSeries, d: GradientDisplay): void {
    const shape = [
      s.layerNumbers.join(","),
      d.ghost?.layerNumbers.join(",") ?? "none",
      d.unit,
      d.smooth,
    ].join("|");
    const rebuild = shape !== this.shape;
    this.shape = shape;
    this.bias.draw(s, (r) => r.biasNorms, d, rebuild);
    this.weight.draw(s, (r) => r.weightNorms, d, rebuild);
  }
}
