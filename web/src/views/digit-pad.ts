// The drawing pad of the draw-a-digit card: a square canvas drawn on with a mouse, a finger or a
// pen (pointer events), or from the keyboard (arrow keys move a pen, Space lowers or lifts it),
// its ink read back as grey levels (the canvas anti-aliases the stroke) for mnist-preprocess.ts.

import type { InkImage } from "../model/mnist-preprocess.js";

/** The pad's own pixels per side: 10 per MNIST pixel, whatever size the page shows it at. */
export const PAD_SIDE = 280;
/** The pen's width in pad pixels: about 2 MNIST pixels once the digit is scaled to its 20-box. */
const PEN_WIDTH = 22;
/** How far an arrow key moves the keyboard's pen (Shift: twice as far), in pad pixels. */
const KEY_STEP = 10;

const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export class DigitPad {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private last: { x: number; y: number } | null = null;
  private pointer: number | null = null;
  private inked = false;
  /** The keyboard's pen: where it is, and whether it is down (drawing as it moves). */
  private readonly pen = { x: PAD_SIDE / 2, y: PAD_SIDE / 2, down: false };
  private readonly cursor: HTMLElement;

  constructor(
    container: HTMLElement,
    /** The ink changed (a stroke went on, the pad was cleared or a digit loaded). */
    private readonly onChange: () => void,
  ) {
    const doc = container.ownerDocument;
    this.canvas = doc.createElement("canvas");
    this.canvas.className = "digit-pad";
    this.canvas.width = PAD_SIDE;
    this.canvas.height = PAD_SIDE;
    this.canvas.setAttribute("role", "application");
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute(
      "aria-label",
      "Drawing pad: draw a digit with the mouse, a finger or a pen; with the keyboard, the " +
        "arrow keys move the pen and Space lowers or lifts it",
    );
    this.ctx = this.canvas.getContext("2d", { willReadFrequently: true });
    const wrap = doc.createElement("div");
    wrap.className = "digit-pad-wrap";
    this.cursor = doc.createElement("span");
    this.cursor.className = "digit-pad-cursor";
    this.cursor.hidden = true;
    wrap.append(this.canvas, this.cursor);
    container.append(wrap);
    this.canvas.addEventListener("keydown", (e) => this.key(e));
    this.canvas.addEventListener("blur", () => {
      this.pen.down = false;
      this.cursor.hidden = true;
    });
    this.canvas.addEventListener("pointerdown", (e) => this.down(e));
    this.canvas.addEventListener("pointermove", (e) => this.move(e));
    for (const type of ["pointerup", "pointercancel", "lostpointercapture"] as const)
      this.canvas.addEventListener(type, (e) => this.up(e));
  }

  /** Whether anything is drawn. */
  get hasInk(): boolean {
    return this.inked;
  }

  clear(): void {
    this.ctx?.clearRect(0, 0, PAD_SIDE, PAD_SIDE);
    this.inked = false;
    this.onChange();
  }

  /** Puts a `side` × `side` grey-level image (values in [0, 1]) on the pad, to edit or keep. */
  load(pixels: Float32Array, side: number): void {
    const ctx = this.ctx;
    if (!ctx) return;
    ctx.clearRect(0, 0, PAD_SIDE, PAD_SIDE);
    const image = ctx.createImageData(PAD_SIDE, PAD_SIDE);
    const scale = PAD_SIDE / side;
    for (let y = 0; y < PAD_SIDE; y++) {
      for (let x = 0; x < PAD_SIDE; x++) {
        const v = pixels[Math.floor(y / scale) * side + Math.floor(x / scale)] ?? 0;
        image.data[4 * (y * PAD_SIDE + x) + 3] = Math.round(255 * Math.min(1, Math.max(0, v)));
      }
    }
    ctx.putImageData(image, 0, 0);
    this.inked = pixels.some((v) => v > 0);
    this.onChange();
  }

  /** The ink as grey levels: each pad pixel's coverage (its alpha) in [0, 1]. */
  ink(): InkImage {
    const ink = new Float32Array(PAD_SIDE * PAD_SIDE);
    const data = this.ctx?.getImageData(0, 0, PAD_SIDE, PAD_SIDE).data;
    if (data) for (let i = 0; i < ink.length; i++) ink[i] = (data[4 * i + 3] ?? 0) / 255;
    return { width: PAD_SIDE, height: PAD_SIDE, ink };
  }

  /** Arrow keys move the keyboard's pen (drawing while it is down); Space lowers or lifts it. */
  private key(e: KeyboardEvent): void {
    const move = KEY_MOVES[e.key];
    if (!move && e.key !== " ") return;
    e.preventDefault();
    const from = { x: this.pen.x, y: this.pen.y };
    if (move) {
      const step = e.shiftKey ? 2 * KEY_STEP : KEY_STEP;
      const clamp = (v: number) => Math.min(PAD_SIDE - KEY_STEP, Math.max(KEY_STEP, v));
      this.pen.x = clamp(this.pen.x + move[0] * step);
      this.pen.y = clamp(this.pen.y + move[1] * step);
      if (this.pen.down) this.stroke(from, { x: this.pen.x, y: this.pen.y });
    } else {
      this.pen.down = !this.pen.down;
      if (this.pen.down) this.stroke(from, from);
    }
    this.showCursor();
  }

  /** The keyboard pen's ring: where the next key draws, filled while the pen is down. */
  private showCursor(): void {
    this.cursor.hidden = false;
    this.cursor.classList.toggle("down", this.pen.down);
    this.cursor.style.left = `${(100 * this.pen.x) / PAD_SIDE}%`;
    this.cursor.style.top = `${(100 * this.pen.y) / PAD_SIDE}%`;
  }

  /** A pointer position in pad pixels (the canvas may be shown at any CSS size). */
  private at(e: PointerEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) / Math.max(1, r.width)) * PAD_SIDE,
      y: ((e.clientY - r.top) / Math.max(1, r.height)) * PAD_SIDE,
    };
  }

  private down(e: PointerEvent): void {
    if (this.pointer !== null || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    this.pointer = e.pointerId;
    this.canvas.setPointerCapture?.(e.pointerId);
    const p = this.at(e);
    this.last = p;
    this.stroke(p, p);
  }

  private move(e: PointerEvent): void {
    if (e.pointerId !== this.pointer) return;
    e.preventDefault();
    // Every position the browser saw since the last event: a fast stroke stays smooth.
    const events = e.getCoalescedEvents?.() ?? [];
    for (const c of events.length > 0 ? events : [e]) {
      const p = this.at(c);
      this.stroke(this.last ?? p, p);
      this.last = p;
    }
  }

  private up(e: PointerEvent): void {
    if (e.pointerId !== this.pointer) return;
    this.pointer = null;
    this.last = null;
  }

  private stroke(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const ctx = this.ctx;
    if (!ctx) return;
    ctx.strokeStyle = "#000";
    ctx.lineWidth = PEN_WIDTH;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    // A dot (from = to) needs a length to be drawn with a round cap.
    ctx.lineTo(to.x + (from.x === to.x && from.y === to.y ? 0.01 : 0), to.y);
    ctx.stroke();
    this.inked = true;
    this.onChange();
  }
}
