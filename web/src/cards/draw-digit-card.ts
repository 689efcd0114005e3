// "Draw a digit": a drawing pad whose digit is preprocessed as MNIST's were and fed through the
// run's network as it is now (a "predict-drawn" to the worker, one in flight at a time), its
// output shown as bars; the digit can be sent to the backprop view with a class the learner picks.

import "../views/draw-confusion.css";
import type { ViewContext } from "../app/page-view.js";
import type { DrawnSample } from "../backprop/backprop-input.js";
import { DRAWN_SAMPLE_TEXT } from "../backprop/sample-key.js";
import { argmax, drawnAnswer } from "../model/drawn-digit.js";
import { MNIST_SIDE, mnistInputs } from "../model/mnist-preprocess.js";
import type { DigitSample } from "../model/protocol.js";
import type { RunController } from "../run/run-controller.js";
import { paramsText } from "../state/hash-location.js";
import type { Settings } from "../state/settings.js";
import { DigitPad } from "../views/digit-pad.js";
import { OutputBars } from "../views/output-bars.js";
import type { ViewCard } from "../views/view-card.js";
import type { CardParts, RunCard } from "./run-card.js";

const TEXT =
  "Draw a digit with the mouse, a finger or a pen, or from the keyboard (on the pad, the arrow " +
  "keys move the pen and Space lowers or lifts it), or load a test digit to edit. It is made " +
  "into 784 inputs as MNIST's digits were: cut to its ink, scaled into a 20 × 20 box, centred " +
  "by its mass in 28 × 28. Then it goes through the network as it is now.";

/** The words on the class picker sent with the drawing (visible and accessible). */
export const DRAW_TARGET_LABEL = "True label for the backprop view";

export const drawDigitCard: RunCard = {
  elementId: "view-draw",
  text: TEXT,
  build(card, run, context) {
    return new DrawDigitCard(card, run, context).parts();
  },
};

class DrawDigitCard {
  private readonly pad: DigitPad;
  private readonly bars: OutputBars;
  private readonly seen: HTMLCanvasElement;
  private readonly answer: HTMLElement;
  private readonly target: HTMLSelectElement;
  private readonly open: HTMLButtonElement;
  private settings: Settings | null = null;
  private digits: DigitSample | null = null;
  private nextDigit = 0;
  /** The network's 784 inputs for the drawing now (null: nothing drawn). */
  private inputs: Float32Array | null = null;
  private inFlight = false;
  /** The drawing or the network changed while a prediction was in flight: ask again after it. */
  private stale = false;
  /** The learner chose the class themselves (otherwise it follows the network's answer). */
  private targetChosen = false;

  constructor(
    card: ViewCard,
    private readonly run: RunController,
    private readonly context: ViewContext,
  ) {
    const doc = card.body.ownerDocument;
    const root = doc.createElement("div");
    root.className = "draw-digit";
    const padBox = doc.createElement("div");
    padBox.className = "draw-pad-box";
    this.pad = new DigitPad(padBox, () => this.drawingChanged());
    const buttons = doc.createElement("div");
    buttons.className = "draw-buttons";
    const clear = button(doc, "Clear pad", () => {
      this.targetChosen = false;
      this.pad.clear();
    });
    const load = button(doc, "Load a test digit", () => this.loadTestDigit());
    load.classList.add("draw-load");
    buttons.append(clear, load);
    padBox.append(buttons);

    const seenBox = doc.createElement("figure");
    seenBox.className = "draw-seen";
    this.seen = doc.createElement("canvas");
    this.seen.width = MNIST_SIDE;
    this.seen.height = MNIST_SIDE;
    this.seen.setAttribute("role", "img");
    this.seen.setAttribute("aria-label", "The 28 × 28 inputs the network is given");
    const seenCaption = doc.createElement("figcaption");
    seenCaption.textContent = "What the network sees: 28 × 28 inputs";
    seenBox.append(this.seen, seenCaption);

    const out = doc.createElement("div");
    out.className = "draw-output";
    this.bars = new OutputBars(doc);
    this.answer = doc.createElement("p");
    this.answer.className = "draw-answer";
    this.answer.setAttribute("aria-live", "polite");
    const send = doc.createElement("div");
    send.className = "draw-send";
    const targetLabel = doc.createElement("label");
    // Which class the drawing is, as the backprop view's target y (not the network's answer).
    targetLabel.append(`${DRAW_TARGET_LABEL}: `);
    this.target = doc.createElement("select");
    this.target.className = "draw-target";
    this.target.setAttribute("aria-label", DRAW_TARGET_LABEL);
    this.target.addEventListener("change", () => {
      this.targetChosen = true;
    });
    targetLabel.append(this.target);
    this.open = button(doc, "Open in backprop view", () => this.openInBackprop());
    this.open.classList.add("draw-open");
    send.append(targetLabel, this.open);
    out.append(this.bars.element, this.answer, send);
    root.append(padBox, seenBox, out);
    card.body.append(root);
    this.showAnswer(null);
  }

  parts(): CardParts {
    return {
      listener: {
        settings: (s) => {
          this.settings = s;
          this.fillTargets();
          // Only where a backprop view can be reached: a card of this run, or the page's tab.
          this.open.hidden = !(
            this.run.shownViews.has("backprop") || this.context.tabs?.includes("backprop")
          );
        },
        configured: (preview) => {
          this.digits = preview.kind === "digits" ? preview.digits : null;
          this.nextDigit = 0;
          this.fillTargets();
          this.predict(); // a new network
        },
        snapshot: () => this.predict(), // the network learned: its answer may change
      },
    };
  }

  /** One option per output unit (0 … 9 for MNIST). */
  private fillTargets(): void {
    const classes = this.run.state?.layerSizes.at(-1) ?? 10;
    if (this.target.options.length === classes) return;
    const doc = this.target.ownerDocument;
    this.target.replaceChildren(
      ...Array.from({ length: classes }, (_, k) => {
        const o = doc.createElement("option");
        o.value = String(k);
        o.textContent = String(k);
        return o;
      }),
    );
  }

  private loadTestDigit(): void {
    const d = this.digits;
    if (!d || d.labels.length === 0) {
      this.context.notify("there are no test digits to load: this run does not train on MNIST");
      return;
    }
    const i = this.nextDigit % d.labels.length;
    this.nextDigit = i + 1;
    const area = d.side * d.side;
    this.targetChosen = true;
    this.target.value = String(d.labels[i] ?? 0);
    this.pad.load(d.pixels.slice(i * area, (i + 1) * area), d.side);
  }

  private drawingChanged(): void {
    this.inputs = this.pad.hasInk ? mnistInputs(this.pad.ink()) : null;
    this.paintSeen();
    this.open.disabled = this.inputs === null;
    this.predict();
  }

  /** Asks the worker for the network's output, one request in flight at a time. */
  private predict(): void {
    if (this.inFlight) {
      this.stale = true;
      return;
    }
    const inputs = this.inputs;
    if (!inputs || this.run.state?.layerSizes[0] !== inputs.length) {
      this.showAnswer(null);
      return;
    }
    this.inFlight = true;
    this.stale = false;
    this.run.predictDrawn(inputs.slice()).then(
      (output) => {
        this.inFlight = false;
        if (this.stale) this.predict();
        else this.showAnswer(output);
      },
      (e: unknown) => {
        this.inFlight = false;
        if (this.stale) this.predict();
        else this.answer.textContent = `No answer: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
  }

  private showAnswer(output: Float32Array | null): void {
    const s = this.settings;
    if (!s) return;
    this.bars.show(s.output, output);
    this.bars.element.dataset.drawn = output ? "1" : "";
    if (!output) {
      this.answer.textContent = "Draw a digit on the pad to see the network's answer.";
      return;
    }
    this.answer.textContent = drawnAnswer(s.output, output);
    if (!this.targetChosen) this.target.value = String(argmax(output));
  }

  private paintSeen(): void {
    const ctx = this.seen.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
    for (let i = 0; i < MNIST_SIDE * MNIST_SIDE; i++) {
      // Dark ink on white, as the test digits' card shows digits.
      const v = Math.round(255 * (1 - (this.inputs?.[i] ?? 0)));
      image.data.set([v, v, v, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  }

  /**
   * Sends the drawing (with the chosen class) to the run's backprop views: the backprop card when
   * it is shown beside this one, otherwise the page's backprop tab.
   */
  private openInBackprop(): void {
    const inputs = this.inputs;
    if (!inputs) return;
    const sample: DrawnSample = {
      set: "drawn",
      pixels: inputs.slice(),
      target: Number(this.target.value),
    };
    this.run.sendDrawnDigit(sample);
    const root = this.open.getRootNode() as Document | ShadowRoot;
    const card = this.run.shownViews.has("backprop") ? root.getElementById("view-backprop") : null;
    if (card) {
      card.scrollIntoView({ block: "start" });
      return;
    }
    const params = this.context.hash.read();
    params.set("view", "backprop");
    params.set("sample", DRAWN_SAMPLE_TEXT);
    this.context.hash.follow(`#${paramsText(params)}`);
  }
}

function button(doc: Document, text: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}
