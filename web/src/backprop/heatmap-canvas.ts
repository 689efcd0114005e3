// A matrix (or a long vector, or an image) too large for a table of numbers, drawn as a heatmap
// image: one pixel per entry on the diverging scale (colour-scale.ts), scaled up without
// smoothing. The pointer or the arrow keys (when it has focus) pick an entry, outlined, and its
// name and exact value go to the stepper's readout.

import { arrowMove, cellAt, entryIndex, entryPath, entryReadout } from "./array-layout.js";
import type { ShownArray } from "./backprop-steps.js";
import { colourRgb, scaleMax } from "./colour-scale.js";

/** Where a picked entry is reported: its words, its data-path and its data-value. */
export type Readout = (text: string, path: string, value: string) => void;

/** The drawn size (CSS px) of a rows × cols heatmap: square cells of 1–16 px, at least 48 px tall. */
export function heatmapSize(rows: number, cols: number): { width: number; height: number } {
  const cell = Math.max(1, Math.min(16, Math.floor(Math.min(480 / cols, 360 / rows))));
  const width = cols * cell;
  const height = rows * Math.max(cell, Math.ceil(48 / rows));
  return { width, height };
}

export class HeatmapCanvas {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly cursor: HTMLElement;
  private at = { r: 0, c: 0 };

  constructor(
    doc: Document,
    private readonly array: ShownArray,
    private readonly readout: Readout,
    size: { width: number; height: number } = heatmapSize(array.rows, array.cols),
  ) {
    this.element = doc.createElement("div");
    this.element.className = "bp-heat";
    this.element.style.width = `${size.width}px`;
    this.element.style.aspectRatio = `${size.width} / ${size.height}`;
    this.canvas = doc.createElement("canvas");
    this.canvas.width = array.cols;
    this.canvas.height = array.rows;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("role", "application");
    this.canvas.setAttribute("aria-roledescription", "heatmap");
    this.canvas.setAttribute(
      "aria-label",
      `${array.name}: ${array.rows} × ${array.cols} heatmap; arrow keys read its entries`,
    );
    this.cursor = doc.createElement("div");
    this.cursor.className = "bp-heat-cursor";
    this.cursor.hidden = true;
    this.element.append(this.canvas, this.cursor);
    this.paint();
    this.canvas.addEventListener("pointermove", (e) => this.onPointer(e));
    this.canvas.addEventListener("pointerdown", (e) => this.onPointer(e));
    this.canvas.addEventListener("focus", () => this.pick(this.at.r, this.at.c));
    this.canvas.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // Every arrow stays in the heatmap, even ← → in a one-column strip (they do not move there).
      const next =
        arrowMove(e.key, this.at.r, this.at.c, this.array.rows, this.array.cols) ??
        (e.key.startsWith("Arrow") ? this.at : null);
      if (!next) return;
      // The arrows read this heatmap while it has focus; PageUp/PageDown still change the step.
      e.preventDefault();
      e.stopPropagation();
      this.pick(next.r, next.c);
    });
  }

  private paint(): void {
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const { rows, cols, values } = this.array;
    const m = scaleMax(values);
    const image = ctx.createImageData(cols, rows);
    for (let r = 0; r < rows; ++r) {
      for (let c = 0; c < cols; ++c) {
        const [red, green, blue] = colourRgb(values[entryIndex(this.array, r, c)] ?? NaN, m);
        const p = 4 * (r * cols + c);
        image.data[p] = red;
        image.data[p + 1] = green;
        image.data[p + 2] = blue;
        image.data[p + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }

  private onPointer(e: PointerEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    const cell = cellAt(
      this.array,
      e.clientX - rect.left,
      e.clientY - rect.top,
      rect.width,
      rect.height,
    );
    if (cell) this.pick(cell.r, cell.c);
  }

  private pick(r: number, c: number): void {
    this.at = { r, c };
    const { rows, cols } = this.array;
    this.cursor.hidden = false;
    this.cursor.style.left = `${(100 * c) / cols}%`;
    this.cursor.style.top = `${(100 * r) / rows}%`;
    this.cursor.style.width = `${100 / cols}%`;
    this.cursor.style.height = `${100 / rows}%`;
    const index = entryIndex(this.array, r, c);
    this.readout(
      entryReadout(this.array, r, c),
      entryPath(this.array, index),
      String(this.array.values[index]),
    );
  }
}
