// View 5, the input-space view of a 2-D or 1-D data set: the network's output over the plane as
// class regions (K classes in Okabe–Ito colours, white where a one-unit output says 0.5) or as a
// value heatmap (regression, a diverging scale), or, for a line set, the data points (x, y) with
// the network's fit as a curve. Training points have a white ring, test points a dark one.
//
// Drawing API (other cards reuse it): setPoints/setBoundary/setCurve feed the run's data and
// output; setSettings and setDisplay say how to draw them; drawValues(grid, scale) shows any
// value grid over the plane (e.g. one neuron's activation) in place of the output until it is
// called with null.

import type { BoundaryGrid, CurveGrid, PointSet } from "../model/protocol.js";
import { DISPLAY_DEFAULTS, type DisplayKeys } from "../state/display-keys.js";
import {
  inputSpaceLabel,
  inputSpaceLegend,
  inputSpaceMode,
  type InputSpaceMode,
  type InputSpaceSettings,
} from "./input-space-text.js";
import { formatNumber } from "./number-format.js";
import {
  classCellColour,
  classColour,
  valueColour,
  valueGradientCss,
  valueScale,
  valueTicks,
  type Rgb,
  type ValueScale,
} from "./output-colours.js";
import { OKABE_ITO } from "./palette.js";
import { sizeSquareCanvas } from "./square-canvas.js";
import { swatchLegend } from "./swatch-legend.js";

/** Values over a square grid of the plane, one per cell, row-major from the top-left. */
export interface ValueGrid {
  resolution: number;
  extent: number;
  values: Float32Array;
}

/** The points' note under the class and value maps. */
const RINGS = "white ring: training point · dark ring: test point";

export class DecisionBoundaryView {
  private readonly canvas: HTMLCanvasElement;
  private readonly grid: HTMLCanvasElement;
  private readonly legend: HTMLElement;
  private readonly xLabel: HTMLElement;
  private readonly yLabel: HTMLElement;
  private points: { train: PointSet; test: PointSet } | null = null;
  private boundary: BoundaryGrid | null = null;
  private curve: CurveGrid | null = null;
  private overlay: { grid: ValueGrid; scale: ValueScale } | null = null;
  private settings: InputSpaceSettings | null = null;
  private display: DisplayKeys = { ...DISPLAY_DEFAULTS };
  /** The run's value scale (from its targets), fixed while the run lasts. */
  private scale: ValueScale = { bound: 1 };

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    const figure = doc.createElement("div");
    figure.className = "boundary-figure";
    this.canvas = doc.createElement("canvas");
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", inputSpaceLabel("circle"));
    this.grid = doc.createElement("canvas");
    this.yLabel = doc.createElement("div");
    this.yLabel.className = "axis-label axis-label-y";
    this.yLabel.textContent = "x₂";
    this.xLabel = doc.createElement("div");
    this.xLabel.className = "axis-label axis-label-x";
    this.xLabel.textContent = "x₁";
    figure.append(this.yLabel, this.canvas, this.xLabel);
    this.legend = doc.createElement("div");
    this.legend.className = "boundary-legend";
    container.append(figure, this.legend);
    this.renderLegend();
    // Redraws at the new size; the view lives as long as the page, so nothing disconnects it.
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** The run's data set, output and classes: what is drawn and what the legend names. */
  setSettings(s: InputSpaceSettings): void {
    this.settings = { dataset: s.dataset, output: s.output, classes: s.classes };
    this.canvas.setAttribute("aria-label", inputSpaceLabel(s.dataset));
    const curve = this.mode === "curve";
    this.xLabel.textContent = curve ? "x" : "x₁";
    this.yLabel.textContent = curve ? "y" : "x₂";
    this.renderLegend();
    this.draw();
  }

  setDisplay(keys: DisplayKeys): void {
    this.display = { ...keys };
    this.renderLegend();
    this.draw();
  }

  setPoints(train: PointSet, test: PointSet): void {
    this.points = { train, test };
    this.boundary = null;
    this.curve = null;
    // A regression run's colours stay put while it trains: the scale comes from its targets.
    this.scale = valueScale([...train.values, ...test.values]);
    this.renderLegend();
    this.draw();
  }

  setBoundary(boundary: BoundaryGrid): void {
    this.boundary = boundary;
    this.draw();
  }

  setCurve(curve: CurveGrid): void {
    this.curve = curve;
    this.draw();
  }

  /**
   * Shows `grid` (values on a diverging scale, e.g. a hidden neuron's activation over the plane)
   * in place of the network's output, with the same points on top; null shows the output again.
   * `scale` defaults to ±1 (the range of tanh and of the regression sets' targets).
   */
  drawValues(grid: ValueGrid | null, scale: ValueScale = { bound: 1 }): void {
    this.overlay = grid ? { grid, scale } : null;
    this.draw();
  }

  private get mode(): InputSpaceMode {
    return this.settings ? inputSpaceMode(this.settings.dataset) : "classes";
  }

  private renderLegend(): void {
    const doc = this.legend.ownerDocument;
    const s = this.settings;
    const mode = this.mode;
    const rings = this.display.showTest ? RINGS : "white ring: training point (test points hidden)";
    let content: HTMLElement;
    if (mode === "curve") {
      const entries: [string, string][] = [
        [OKABE_ITO.black, "the network's output aᴸ (curve)"],
        [OKABE_ITO.vermillion, "data points (x, y)"],
      ];
      content = swatchLegend(
        doc,
        entries,
        this.display.showTest
          ? "filled: training point · ring: test point"
          : "training points only",
      );
    } else if (mode === "values") {
      content = this.valueLegend(doc, rings);
    } else {
      const entries = s
        ? inputSpaceLegend(s)
        : inputSpaceLegend({ dataset: "circle", output: "sigmoid", classes: 2 });
      const band =
        entries.length === 2 && !this.display.discretize ? " · white band: output 0.5" : "";
      content = swatchLegend(doc, entries, rings + band);
    }
    this.legend.replaceChildren(content);
  }

  /** A bar with the diverging scale and its numbers (−bound … bound). */
  private valueLegend(doc: Document, note: string): HTMLElement {
    const box = doc.createElement("div");
    box.className = "value-legend";
    const caption = doc.createElement("div");
    caption.textContent = "output aᴸ and target y:";
    const bar = doc.createElement("div");
    bar.className = "value-legend-bar";
    bar.style.background = valueGradientCss(this.scale, this.display.discretize);
    const ticks = doc.createElement("div");
    ticks.className = "value-legend-ticks";
    for (const t of valueTicks(this.scale)) {
      const span = doc.createElement("span");
      span.textContent = formatNumber(t).replace("-", "−");
      ticks.append(span);
    }
    const rings = doc.createElement("div");
    rings.textContent = note;
    box.append(caption, bar, ticks, rings);
    return box;
  }

  private draw(): void {
    const parent = this.canvas.parentElement;
    const mode = this.mode;
    const ready = this.overlay || (mode === "curve" ? this.curve : this.boundary);
    if (!ready || !parent) return;
    const css = Math.max(160, Math.min(360, parent.clientWidth - 40));
    const ratio = sizeSquareCanvas(this.canvas, css);
    const px = this.canvas.width;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    if (mode === "curve" && !this.overlay) {
      this.drawCurve(ctx, px, ratio);
      return;
    }
    const extent = this.overlay?.grid.extent ?? this.boundary?.extent ?? 1.5;
    this.paintGrid();
    ctx.imageSmoothingEnabled = !this.display.discretize;
    ctx.drawImage(this.grid, 0, 0, px, px);
    const toPx = (v: number) => ((v + extent) / (2 * extent)) * px;
    const toPy = (v: number) => ((extent - v) / (2 * extent)) * px;
    this.axes(ctx, px, ratio, toPx(0), toPy(0), extent, extent);
    if (!this.points) return;
    const r = 3.2 * ratio;
    const values = mode === "values";
    const plot = (set: PointSet, ringed: boolean) => {
      const n = values ? set.values.length : set.labels.length;
      for (let i = 0; i < n; i++) {
        ctx.beginPath();
        ctx.arc(toPx(set.x[2 * i] ?? 0), toPy(set.x[2 * i + 1] ?? 0), r, 0, 2 * Math.PI);
        ctx.fillStyle = values
          ? rgbCss(valueColour(set.values[i] ?? NaN, this.scale, false), 1 / 0.75)
          : classColour(set.labels[i] ?? 0);
        ctx.fill();
        ctx.lineWidth = ratio;
        ctx.strokeStyle = ringed ? "#222" : "#fff";
        ctx.stroke();
      }
    };
    plot(this.points.train, false);
    if (this.display.showTest) plot(this.points.test, true);
  }

  /** The axes through 0, faint, and the extent's numbers at the corners. */
  private axes(
    ctx: CanvasRenderingContext2D,
    px: number,
    ratio: number,
    x0: number,
    y0: number,
    xExtent: number,
    yExtent: number,
  ): void {
    ctx.strokeStyle = "rgba(0,0,0,0.25)";
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(x0, 0);
    ctx.lineTo(x0, px);
    ctx.moveTo(0, y0);
    ctx.lineTo(px, y0);
    ctx.stroke();
    ctx.fillStyle = "rgba(0,0,0,0.7)";
    ctx.font = `${11 * ratio}px system-ui, sans-serif`;
    ctx.fillText(`${-xExtent}`, 3 * ratio, px - 4 * ratio);
    ctx.fillText(`${xExtent}`, px - 22 * ratio, px - 4 * ratio);
    ctx.fillText(`${yExtent}`, 3 * ratio, 13 * ratio);
  }

  /**
   * The curve's axes through 0 with ticks on each: x's numbers under the horizontal axis, y's to
   * the right of the vertical one (0 once, at the crossing), so that neither reads as the other.
   */
  private curveAxes(
    ctx: CanvasRenderingContext2D,
    px: number,
    ratio: number,
    toPx: (v: number) => number,
    toPy: (v: number) => number,
    ticks: { x: number[]; y: number[] },
  ): void {
    const x0 = toPx(0);
    const y0 = toPy(0);
    const mark = 4 * ratio;
    ctx.strokeStyle = "rgba(0,0,0,0.35)";
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(x0, 0);
    ctx.lineTo(x0, px);
    ctx.moveTo(0, y0);
    ctx.lineTo(px, y0);
    for (const v of ticks.x) {
      ctx.moveTo(toPx(v), y0 - mark);
      ctx.lineTo(toPx(v), y0 + mark);
    }
    for (const v of ticks.y) {
      ctx.moveTo(x0 - mark, toPy(v));
      ctx.lineTo(x0 + mark, toPy(v));
    }
    ctx.stroke();
    ctx.fillStyle = "rgba(0,0,0,0.75)";
    ctx.font = `${11 * ratio}px system-ui, sans-serif`;
    ctx.textBaseline = "top";
    for (const v of ticks.x) {
      const at = toPx(v);
      // The ends sit inside the canvas; the others are centred on their tick.
      ctx.textAlign = at < mark ? "left" : at > px - mark ? "right" : "center";
      const text = v === 0 ? "0" : tickText(v);
      ctx.fillText(text, v === 0 ? x0 - 6 * ratio : at, y0 + mark + ratio);
    }
    ctx.textAlign = "left";
    for (const v of ticks.y) {
      if (v === 0) continue;
      const at = toPy(v);
      ctx.textBaseline = at < mark ? "top" : at > px - mark ? "bottom" : "middle";
      ctx.fillText(tickText(v), x0 + mark + 2 * ratio, at);
    }
    ctx.textBaseline = "alphabetic";
  }

  /** A line set: the data as points, the network's output as a curve, the data's range shaded. */
  private drawCurve(ctx: CanvasRenderingContext2D, px: number, ratio: number): void {
    const c = this.curve;
    if (!c) return;
    const xExtent = c.extent;
    const yExtent = curveExtent(
      this.points ? [...this.points.train.values, ...this.points.test.values] : [],
    );
    const toPx = (v: number) => ((v + xExtent) / (2 * xExtent)) * px;
    const toPy = (v: number) => ((yExtent - v) / (2 * yExtent)) * px;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, px, px);
    // Outside [−1, 1] there is no data: the curve there is extrapolation.
    ctx.fillStyle = "rgba(0,0,0,0.06)";
    ctx.fillRect(0, 0, toPx(-1), px);
    ctx.fillRect(toPx(1), 0, px - toPx(1), px);
    this.curveAxes(ctx, px, ratio, toPx, toPy, curveTicks(xExtent, yExtent));
    const r = 3 * ratio;
    const plot = (set: PointSet, filled: boolean) => {
      for (let i = 0; i < set.values.length; i++) {
        ctx.beginPath();
        ctx.arc(toPx(set.x[i] ?? 0), toPy(set.values[i] ?? 0), r, 0, 2 * Math.PI);
        ctx.lineWidth = 1.2 * ratio;
        if (filled) {
          ctx.fillStyle = OKABE_ITO.vermillion;
          ctx.fill();
        } else {
          ctx.strokeStyle = OKABE_ITO.vermillion;
          ctx.stroke();
        }
      }
    };
    if (this.points) {
      ctx.globalAlpha = 0.7;
      plot(this.points.train, true);
      if (this.display.showTest) plot(this.points.test, false);
      ctx.globalAlpha = 1;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, px, px);
    ctx.clip();
    ctx.strokeStyle = OKABE_ITO.black;
    ctx.lineWidth = 2.5 * ratio;
    ctx.lineJoin = "round";
    ctx.beginPath();
    let drawing = false;
    for (let i = 0; i < c.x.length; i++) {
      const y = c.values[i] ?? NaN;
      // A value that is not a number (a diverged run) breaks the curve rather than bending it.
      if (!Number.isFinite(y)) {
        drawing = false;
        continue;
      }
      const yc = Math.max(-4 * yExtent, Math.min(4 * yExtent, y));
      if (drawing) ctx.lineTo(toPx(c.x[i] ?? 0), toPy(yc));
      else ctx.moveTo(toPx(c.x[i] ?? 0), toPy(yc));
      drawing = true;
    }
    ctx.stroke();
    ctx.restore();
  }

  private paintGrid(): void {
    const overlay = this.overlay;
    const b = this.boundary;
    const n = overlay?.grid.resolution ?? b?.resolution ?? 0;
    if (n === 0) return;
    if (this.grid.width !== n) {
      this.grid.width = n;
      this.grid.height = n;
    }
    const ctx = this.grid.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(n, n);
    const discretize = this.display.discretize;
    for (let i = 0; i < n * n; i++) {
      let c: Rgb;
      if (overlay) c = valueColour(overlay.grid.values[i] ?? NaN, overlay.scale, discretize);
      else if (!b) c = [255, 255, 255];
      else if (b.problem === "regression")
        c = valueColour(b.values[i * b.width] ?? NaN, this.scale, discretize);
      else c = classCellColour(b.values, i * b.width, b.width, discretize);
      image.data[4 * i] = c[0];
      image.data[4 * i + 1] = c[1];
      image.data[4 * i + 2] = c[2];
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }
}

/**
 * The fitted curve's ticks: 0, ±1 where inside the range, and the range's ends (x: the grid's
 * extent, y: curveExtent), each once, ascending.
 */
export function curveTicks(xExtent: number, yExtent: number): { x: number[]; y: number[] } {
  const ticks = (extent: number) =>
    [...new Set([-extent, -1, 0, 1, extent])]
      .filter((v) => Math.abs(v) <= extent)
      .sort((a, b) => a - b);
  return { x: ticks(xExtent), y: ticks(yExtent) };
}

/** A tick's number with a true minus sign (−1.5, not -1.5). */
export function tickText(v: number): string {
  return v < 0 ? `−${-v}` : `${v}`;
}

/** The curve's y half-range: the targets' largest |y| with a margin, in steps of 0.5. */
export function curveExtent(targets: readonly number[]): number {
  const most = Math.max(0, ...targets.filter(Number.isFinite).map(Math.abs));
  return Math.max(0.5, Math.ceil((most * 1.4) / 0.5) * 0.5);
}

/** `c`, a tint towards white, made `gain` times as strong (the points' fuller colour). */
function rgbCss(c: Rgb, gain: number): string {
  const f = (v: number) => Math.round(Math.max(0, Math.min(255, 255 + (v - 255) * gain)));
  return `rgb(${f(c[0])} ${f(c[1])} ${f(c[2])})`;
}
