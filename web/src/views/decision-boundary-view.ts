// View 5: the network's output over the 2-D input plane as a heatmap (orange: class 0, blue:
// class 1, white at the 0.5 boundary), with the training points filled and test points ringed.

import type { BoundaryGrid, PointSet } from "../model/protocol.js";
import { CLASS_COLOURS } from "./palette.js";
import { swatchLegend } from "./swatch-legend.js";
import { sizeSquareCanvas } from "./square-canvas.js";

const ORANGE = [0xe6, 0x9f, 0x00] as const;
const BLUE = [0x00, 0x72, 0xb2] as const;

export class DecisionBoundaryView {
  private readonly canvas: HTMLCanvasElement;
  private readonly grid: HTMLCanvasElement;
  private points: { train: PointSet; test: PointSet } | null = null;
  private boundary: BoundaryGrid | null = null;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    const figure = doc.createElement("div");
    figure.className = "boundary-figure";
    this.canvas = doc.createElement("canvas");
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute(
      "aria-label",
      "Decision boundary: the network's output over the input plane x1, x2 with the data points",
    );
    this.grid = doc.createElement("canvas");
    const yLabel = doc.createElement("div");
    yLabel.className = "axis-label axis-label-y";
    yLabel.textContent = "x₂";
    const xLabel = doc.createElement("div");
    xLabel.className = "axis-label axis-label-x";
    xLabel.textContent = "x₁";
    figure.append(yLabel, this.canvas, xLabel);
    container.append(
      figure,
      swatchLegend(
        doc,
        [
          [CLASS_COLOURS.zero, "class 0 / output near 0"],
          [CLASS_COLOURS.one, "class 1 / output near 1"],
        ],
        "white ring: training point · dark ring: test point · white band: output 0.5",
      ),
    );
    // Redraws at the new size; the view lives as long as the page, so nothing disconnects it.
    new ResizeObserver(() => this.draw()).observe(container);
  }

  setPoints(train: PointSet, test: PointSet): void {
    this.points = { train, test };
    this.draw();
  }

  setBoundary(boundary: BoundaryGrid): void {
    this.boundary = boundary;
    this.draw();
  }

  private draw(): void {
    const b = this.boundary;
    const parent = this.canvas.parentElement;
    if (!b || !parent) return;
    const css = Math.max(160, Math.min(360, parent.clientWidth - 40));
    const ratio = sizeSquareCanvas(this.canvas, css);
    const px = this.canvas.width;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    this.paintGrid(b);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.grid, 0, 0, px, px);
    const toPx = (v: number) => ((v + b.extent) / (2 * b.extent)) * px;
    const toPy = (v: number) => ((b.extent - v) / (2 * b.extent)) * px;
    // The axes x1 = 0 and x2 = 0, faint, as orientation.
    ctx.strokeStyle = "rgba(0,0,0,0.25)";
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(toPx(0), 0);
    ctx.lineTo(toPx(0), px);
    ctx.moveTo(0, toPy(0));
    ctx.lineTo(px, toPy(0));
    ctx.stroke();
    ctx.fillStyle = "rgba(0,0,0,0.7)";
    ctx.font = `${11 * ratio}px system-ui, sans-serif`;
    ctx.fillText(`${-b.extent}`, 3 * ratio, px - 4 * ratio);
    ctx.fillText(`${b.extent}`, px - 22 * ratio, px - 4 * ratio);
    ctx.fillText(`${b.extent}`, 3 * ratio, 13 * ratio);
    if (!this.points) return;
    const r = 3.2 * ratio;
    const plot = (set: PointSet, ringed: boolean) => {
      for (let i = 0; i < set.labels.length; i++) {
        const x = toPx(set.x[2 * i] ?? 0);
        const y = toPy(set.x[2 * i + 1] ?? 0);
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = set.labels[i] === 1 ? CLASS_COLOURS.one : CLASS_COLOURS.zero;
        ctx.fill();
        ctx.lineWidth = ratio;
        ctx.strokeStyle = ringed ? "#222" : "#fff";
        ctx.stroke();
      }
    };
    plot(this.points.train, false);
    plot(this.points.test, true);
  }

  private paintGrid(b: BoundaryGrid): void {
    const n = b.resolution;
    if (this.grid.width !== n) {
      this.grid.width = n;
      this.grid.height = n;
    }
    const ctx = this.grid.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      // A diverged network's NaN output is painted as undecided (white), not as black.
      const v = b.values[i];
      const p = v !== undefined && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5;
      // White at p = 0.5, towards the class colour at 0 or 1 (never fully saturated, so the
      // points stay visible on top).
      const t = Math.abs(p - 0.5) * 2 * 0.75;
      const c = p >= 0.5 ? BLUE : ORANGE;
      image.data[4 * i] = Math.round(255 + (c[0] - 255) * t);
      image.data[4 * i + 1] = Math.round(255 + (c[1] - 255) * t);
      image.data[4 * i + 2] = Math.round(255 + (c[2] - 255) * t);
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }
}
