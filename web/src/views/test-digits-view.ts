// View 5 for MNIST, in the decision boundary's place (a 784-D input has no plane to paint): the
// first held-out digits as 28 × 28 images, each with the network's guess under it; a wrong guess
// gets a vermillion frame and names the true digit.

import type { DigitPredictions, DigitSample } from "../model/protocol.js";
import { OKABE_ITO } from "./palette.js";
import { swatchLegend } from "./swatch-legend.js";

const COLUMNS = 8;
const LABEL_HEIGHT = 15; // CSS px under each digit for its guess
const GAP = 4;
const RIGHT = OKABE_ITO.blue;
const WRONG = OKABE_ITO.vermillion;

export class TestDigitsView {
  private readonly canvas: HTMLCanvasElement;
  private readonly summary: HTMLElement;
  /** Every shown digit painted once at 28 × 28, side by side: the pixels never change in a run. */
  private readonly sheet: HTMLCanvasElement;
  private digits: DigitSample | null = null;
  private predictions: DigitPredictions | null = null;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.canvas = doc.createElement("canvas");
    this.canvas.className = "digits-canvas";
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", "Test digits with the network's guesses");
    this.sheet = doc.createElement("canvas");
    this.summary = doc.createElement("p");
    this.summary.className = "digits-summary";
    this.summary.setAttribute("aria-live", "polite");
    container.append(
      this.canvas,
      this.summary,
      swatchLegend(
        doc,
        [
          [RIGHT, "right guess"],
          [WRONG, "wrong guess (framed; true digit after the arrow)"],
        ],
        "the number under a digit is the most active of the 10 output units",
      ),
    );
    // Redraws at the new size; the view lives as long as the page, so nothing disconnects it.
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** The digits of a new run; their guesses come with each snapshot. */
  setDigits(digits: DigitSample): void {
    this.digits = digits;
    this.predictions = null;
    this.summary.textContent = "Waiting for the network's first guesses.";
    this.paintSheet(digits);
    this.draw();
  }

  setPredictions(predictions: DigitPredictions): void {
    this.predictions = predictions;
    this.draw();
    this.describe();
  }

  private paintSheet(d: DigitSample): void {
    const count = d.labels.length;
    const area = d.side * d.side;
    this.sheet.width = Math.max(1, count * d.side);
    this.sheet.height = d.side;
    const ctx = this.sheet.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(this.sheet.width, d.side);
    for (let i = 0; i < count; i++) {
      for (let p = 0; p < area; p++) {
        // Ink is dark on white, as on paper.
        const ink = Math.round(255 * (1 - Math.min(1, Math.max(0, d.pixels[i * area + p] ?? 0))));
        const row = Math.floor(p / d.side);
        const col = i * d.side + (p % d.side);
        const k = 4 * (row * this.sheet.width + col);
        image.data[k] = ink;
        image.data[k + 1] = ink;
        image.data[k + 2] = ink;
        image.data[k + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }

  private draw(): void {
    const d = this.digits;
    const parent = this.canvas.parentElement;
    if (!d || !parent) return;
    const count = d.labels.length;
    const width = Math.max(200, Math.min(480, parent.clientWidth));
    const cell = Math.floor(width / COLUMNS);
    const image = cell - GAP;
    const rows = Math.ceil(count / COLUMNS);
    const height = rows * (cell + LABEL_HEIGHT);
    const ratio = this.canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
    if (
      this.canvas.width !== Math.round(width * ratio) ||
      this.canvas.height !== Math.round(height * ratio)
    ) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = false;
    ctx.font = "12px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";
    const p = this.predictions;
    for (let i = 0; i < count; i++) {
      const x = (i % COLUMNS) * cell + GAP / 2;
      const y = Math.floor(i / COLUMNS) * (cell + LABEL_HEIGHT) + GAP / 2;
      ctx.drawImage(this.sheet, i * d.side, 0, d.side, d.side, x, y, image, image);
      const truth = d.labels[i] ?? -1;
      const guess = p?.predicted[i];
      if (guess === undefined) {
        ctx.strokeStyle = "#bbb";
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, image - 1, image - 1);
        continue;
      }
      const right = guess === truth;
      ctx.strokeStyle = right ? "#bbb" : WRONG;
      ctx.lineWidth = right ? 1 : 3;
      ctx.strokeRect(
        x + ctx.lineWidth / 2,
        y + ctx.lineWidth / 2,
        image - ctx.lineWidth,
        image - ctx.lineWidth,
      );
      ctx.fillStyle = right ? RIGHT : WRONG;
      ctx.fillText(
        right ? `${guess}` : `${guess} ✗ →${truth}`,
        x + image / 2,
        y + image + LABEL_HEIGHT - 3,
      );
    }
  }

  private describe(): void {
    const d = this.digits;
    const p = this.predictions;
    if (!d || !p) return;
    let right = 0;
    for (let i = 0; i < d.labels.length; i++) if (p.predicted[i] === d.labels[i]) right++;
    this.summary.textContent = `${right} of these ${d.labels.length} test digits guessed right.`;
  }
}
