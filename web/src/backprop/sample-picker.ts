// The backprop view's sample picker: training or test set, the index, the traced sample's label,
// and a picture to pick from — the 2-D points (click the nearest, or ←/→ for the previous/next
// sample) or, for images, the first test digits (buttons, arrow keys move between them).

import type { DataPreview } from "../model/protocol.js";
import { CLASS_COLOURS } from "../views/palette.js";
import { pointsLegend } from "./backprop-caption.js";
import type { SampleRef } from "./backprop-input.js";
import { indexLabel } from "./backprop-caption.js";
import { nearestPoint, plotExtent, toCanvas, toInput } from "./point-pick.js";
import { setWord, type SetSizes } from "./sample-key.js";
import { sizeSquareCanvas } from "../views/square-canvas.js";

/** Test digits offered in the grid (the playground's preview has the first 48). */
const GRID_COLUMNS = 8;

export class SamplePicker {
  readonly element: HTMLElement;
  private readonly radios: Record<SampleRef["set"], HTMLInputElement>;
  private readonly index: HTMLInputElement;
  private readonly indexText: HTMLElement;
  private readonly label: HTMLOutputElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly pointsKey: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly gridNote: HTMLElement;
  private preview: DataPreview | null = null;
  private sizes: SetSizes = { train: 0, test: 0 };
  private sample: SampleRef = { set: "train", index: 0 };
  /** Tracing a drawn digit (setDrawn), not `sample`. */
  private drawn = false;

  constructor(
    doc: Document,
    /** The learner chose `sample` (already in range). */
    private readonly onPick: (sample: SampleRef) => void,
    /** A typed index out of range: the page's notice. */
    private readonly onProblem: (message: string) => void,
  ) {
    this.element = doc.createElement("fieldset");
    this.element.className = "backprop-sample";
    const legend = doc.createElement("legend");
    legend.textContent = "Sample";
    const sets = doc.createElement("div");
    sets.className = "backprop-sets";
    const radio = (set: SampleRef["set"]) => {
      const label = doc.createElement("label");
      const input = doc.createElement("input");
      input.type = "radio";
      input.name = "backprop-set";
      input.value = set;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        const size = this.sizes[set];
        this.pick({ set, index: Math.min(this.sample.index, Math.max(0, size - 1)) });
      });
      label.append(input, ` ${setWord(set)} set`);
      sets.append(label);
      return input;
    };
    this.radios = { train: radio("train"), test: radio("test") };
    const indexLabelEl = doc.createElement("label");
    indexLabelEl.className = "backprop-index";
    this.indexText = doc.createElement("span");
    this.index = doc.createElement("input");
    this.index.type = "number";
    this.index.min = "0";
    this.index.step = "1";
    this.index.inputMode = "numeric";
    this.index.addEventListener("change", () => this.typed());
    indexLabelEl.append(this.indexText, this.index);
    this.label = doc.createElement("output");
    this.label.className = "backprop-sample-label";
    this.label.setAttribute("aria-live", "polite");
    this.canvas = doc.createElement("canvas");
    this.canvas.className = "backprop-points";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("role", "img");
    this.canvas.addEventListener("click", (e) => this.clicked(e));
    this.canvas.addEventListener("keydown", (e) => this.stepKey(e));
    this.pointsKey = doc.createElement("p");
    this.pointsKey.className = "backprop-points-key";
    for (const entry of pointsLegend()) {
      const item = doc.createElement("span");
      item.className = "backprop-points-key-item";
      const swatch = doc.createElement("span");
      swatch.className = `backprop-swatch ${entry.shape}`;
      swatch.setAttribute("aria-hidden", "true");
      if (entry.colour) swatch.style.background = entry.colour;
      item.append(swatch, entry.text);
      this.pointsKey.append(item);
    }
    const plot = doc.createElement("div");
    plot.className = "backprop-plot";
    plot.append(this.canvas, this.pointsKey);
    this.grid = doc.createElement("div");
    this.grid.className = "backprop-digits";
    this.grid.setAttribute("role", "group");
    this.grid.setAttribute("aria-label", "The first test digits: choose one to trace");
    this.gridNote = doc.createElement("p");
    this.gridNote.className = "backprop-note";
    const choice = doc.createElement("div");
    choice.className = "backprop-choice";
    choice.append(sets, indexLabelEl, this.label, this.gridNote);
    this.element.append(legend, choice, plot, this.grid);
  }

  /** A new run's data: what the picture shows and how many samples each set has. */
  setRun(preview: DataPreview, sizes: SetSizes): void {
    this.preview = preview;
    this.sizes = sizes;
    this.canvas.hidden = preview.kind !== "plane";
    this.pointsKey.hidden = preview.kind !== "plane";
    this.buildGrid();
    this.render();
  }

  /** The sample the view traces (from the URL or the last pick). */
  setSample(sample: SampleRef): void {
    this.sample = sample;
    this.render();
  }

  /**
   * Whether the view traces a digit drawn on the draw-a-digit card instead of a data sample: no
   * set is chosen then (choosing one, an index or a digit goes back to the data).
   */
  setDrawn(on: boolean): void {
    if (this.drawn === on) return;
    this.drawn = on;
    this.render();
  }

  /** The traced sample's words (from the worker's reply), or what is happening meanwhile. */
  setLabel(text: string): void {
    this.label.value = text;
  }

  private pick(sample: SampleRef): void {
    this.sample = sample;
    this.render();
    this.onPick(sample);
  }

  private typed(): void {
    const text = this.index.value.trim();
    const size = this.sizes[this.sample.set];
    const v = Number(text);
    if (text === "" || !Number.isInteger(v) || v < 0 || v >= size) {
      this.onProblem(
        `index ${JSON.stringify(text.slice(0, 20))} is not a ${setWord(this.sample.set)} sample ` +
          `(0 … ${size - 1}); ${this.sample.index} kept`,
      );
      this.index.value = String(this.sample.index);
      return;
    }
    if (v !== this.sample.index) this.pick({ set: this.sample.set, index: v });
  }

  private stepKey(e: KeyboardEvent): void {
    const step =
      e.key === "ArrowRight" || e.key === "ArrowUp"
        ? 1
        : e.key === "ArrowLeft" || e.key === "ArrowDown"
          ? -1
          : 0;
    if (step === 0) return;
    e.preventDefault();
    const size = this.sizes[this.sample.set];
    const index = Math.min(size - 1, Math.max(0, this.sample.index + step));
    if (index !== this.sample.index) this.pick({ set: this.sample.set, index });
  }

  private clicked(e: MouseEvent): void {
    const p = this.preview;
    if (p?.kind !== "plane") return;
    const rect = this.canvas.getBoundingClientRect();
    const size = rect.width;
    const extent = plotExtent(p.train.x, p.test.x);
    const [x1, x2] = toInput(e.clientX - rect.left, e.clientY - rect.top, size, extent);
    const index = nearestPoint(p[this.sample.set].x, x1, x2);
    if (index >= 0) this.pick({ set: this.sample.set, index });
  }

  private buildGrid(): void {
    const p = this.preview;
    this.grid.replaceChildren();
    if (p?.kind !== "digits") return;
    const doc = this.grid.ownerDocument;
    const d = p.digits;
    const area = d.side * d.side;
    d.labels.forEach((label, i) => {
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "backprop-digit";
      button.setAttribute("aria-label", `test digit ${i}, a ${label}`);
      const canvas = doc.createElement("canvas");
      canvas.width = d.side;
      canvas.height = d.side;
      const ctx = canvas.getContext("2d");
      if (ctx) {
        const image = ctx.createImageData(d.side, d.side);
        for (let k = 0; k < area; k++) {
          // Ink dark on white, as the playground's test digits.
          const ink = Math.round(255 * (1 - Math.min(1, Math.max(0, d.pixels[i * area + k] ?? 0))));
          image.data.set([ink, ink, ink, 255], 4 * k);
        }
        ctx.putImageData(image, 0, 0);
      }
      button.append(canvas);
      button.addEventListener("click", () => this.pick({ set: "test", index: i }));
      button.addEventListener("keydown", (e) => this.gridKey(e, i, d.labels.length));
      this.grid.append(button);
    });
  }

  /** Arrow keys move between the digits (one tab stop for the whole grid). */
  private gridKey(e: KeyboardEvent, i: number, count: number): void {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: GRID_COLUMNS,
      ArrowUp: -GRID_COLUMNS,
    };
    const move = moves[e.key];
    if (move === undefined) return;
    e.preventDefault();
    const next = Math.min(count - 1, Math.max(0, i + move));
    const button = this.grid.children[next];
    if (button instanceof HTMLElement) button.focus();
  }

  private render(): void {
    const { set, index } = this.sample;
    this.radios[set].checked = !this.drawn;
    if (this.drawn) this.radios[set === "train" ? "test" : "train"].checked = false;
    const size = this.sizes[set];
    this.indexText.textContent = indexLabel(set, size);
    this.index.max = String(Math.max(0, size - 1));
    if (this.index.value !== String(index)) this.index.value = String(index);
    const p = this.preview;
    const digits = p?.kind === "digits";
    this.grid.hidden = !digits;
    this.gridNote.hidden = !digits;
    if (digits) {
      const shown = p.digits.labels.length;
      this.gridNote.textContent =
        set === "test"
          ? `The first ${shown} test digits; choose one, or type any index above.`
          : `The first ${shown} test digits (switch to the test set by choosing one); a training digit is chosen by its index above.`;
      if (this.drawn)
        this.gridNote.textContent = `Tracing the digit you drew. Choose a set, an index or one of the first ${shown} test digits to trace a sample of the data instead.`;
      [...this.grid.children].forEach((b, i) => {
        const selected = !this.drawn && set === "test" && i === index;
        b.setAttribute("aria-pressed", String(selected));
        // One tab stop: the selected digit, or the first.
        (b as HTMLElement).tabIndex =
          selected || (i === 0 && (set !== "test" || index >= shown)) ? 0 : -1;
      });
    }
    this.drawPoints();
  }

  private drawPoints(): void {
    const p = this.preview;
    if (p?.kind !== "plane") return;
    const { set, index } = this.sample;
    this.canvas.setAttribute(
      "aria-label",
      `The ${setWord(set)} points (${this.sizes[set]}); sample ${index} ringed. Click a point to ` +
        `trace it, or press ← and → for the previous and next sample.`,
    );
    const css = 220;
    const ratio = sizeSquareCanvas(this.canvas, css);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, css, css);
    ctx.fillStyle = "#fafafa";
    ctx.fillRect(0, 0, css, css);
    const extent = plotExtent(p.train.x, p.test.x);
    const [ox, oy] = toCanvas(0, 0, css, extent);
    ctx.strokeStyle = "rgba(0,0,0,0.2)";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(ox, 0);
    ctx.lineTo(ox, css);
    ctx.moveTo(0, oy);
    ctx.lineTo(css, oy);
    ctx.stroke();
    const points = p[set];
    for (let i = 0; i < points.labels.length; i++) {
      const [x, y] = toCanvas(points.x[2 * i] ?? 0, points.x[2 * i + 1] ?? 0, css, extent);
      ctx.beginPath();
      ctx.arc(x, y, 2.6, 0, 2 * Math.PI);
      ctx.fillStyle = points.labels[i] === 1 ? CLASS_COLOURS.one : CLASS_COLOURS.zero;
      ctx.fill();
    }
    const [sx, sy] = toCanvas(points.x[2 * index] ?? 0, points.x[2 * index + 1] ?? 0, css, extent);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = "#111";
    ctx.beginPath();
    ctx.arc(sx, sy, 7, 0, 2 * Math.PI);
    ctx.stroke();
  }
}
