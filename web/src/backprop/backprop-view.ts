// The "Backprop, step by step" tab (view id `backprop`): the playground's current network traced
// for one sample. Opening the tab pauses training; the worker traces the sample at the snapshot's
// step k (net.trace, with the run's η, λ and n) and the stepper walks through the result. A new
// step (the learner trained more), another sample or new η/λ trace again; a new run voids the
// trace. If the page opened here, the playground is mounted hidden first (it owns the run).

import { catalogue } from "gradscope";
import { mounted, type PageView, type ViewContext } from "../app/page-view.js";
import type { RunChange, RunSource, RunState } from "../app/run-source.js";
import { tableKeys } from "../state/url-table.js";
import "./backprop.css";
import type { BackpropInput, SampleRef, TracedSample } from "./backprop-input.js";
import { snapshotCaption, waitingCaption } from "./backprop-caption.js";
import { takesFeatures } from "../model/feature-labels.js";
import { BackpropStepper } from "./backprop-stepper.js";
import {
  checkSampleRange,
  DRAWN_SAMPLE_TEXT,
  formatSample,
  formatTraced,
  parseSampleKeys,
  SAMPLE_DEFAULTS,
  SAMPLE_TABLE,
  writeSampleKeys,
} from "./sample-key.js";
import { SamplePicker } from "./sample-picker.js";

interface Parts {
  status: HTMLElement;
  picker: SamplePicker;
  steps: BackpropStepper;
}

export class BackpropView implements PageView {
  readonly id = "backprop";
  readonly title = catalogue.view("backprop").title;
  readonly urlKeys = tableKeys(SAMPLE_TABLE);

  private context: ViewContext | null = null;
  private parts: Parts | null = null;
  private visible = false;
  private sample: SampleRef = SAMPLE_DEFAULTS.sample;
  /** Tracing the drawn digit (`sample=drawn`) instead of `sample`; which one it was sent as. */
  private drawnMode = false;
  private drawnVersion = 0;
  /** The `sample=` text last read, so a bad value is reported once, not at every hash change. */
  private sampleText: string | null = null;
  /** The run whose data the picker shows. */
  private pickerRun = -1;
  /** What the latest trace request was for (run, step, η, λ, sample); replies to older ones are dropped. */
  private asked: string | null = null;

  constructor(
    /** The playground: its run, pause and trace. */
    private readonly source: RunSource,
    /** The id of the view that owns the run, mounted (hidden) if the page opened here. */
    private readonly sourceView: string,
    /** Inside a view card (mountRunView): the card has the title and explanation. */
    private readonly inCard = false,
  ) {}

  async mount(container: HTMLElement, context: ViewContext): Promise<void> {
    this.context = context;
    const doc = container.ownerDocument;
    container.classList.add("backprop");
    const heading = doc.createElement("h2");
    heading.textContent = this.title;
    const intro = doc.createElement("p");
    intro.className = "backprop-intro";
    const book = catalogue.view("backprop").book;
    const link = doc.createElement("a");
    link.href = book.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = `${book.section} ↗`;
    intro.append(
      "One sample through the playground's network as it is now: the forward pass, then the four " +
        "equations of backpropagation with this sample's real vectors and matrices, and the update " +
        "it alone would make. Opening this tab pauses training; train more on the Playground tab " +
        "and come back to trace the new network. ",
      link,
    );
    const status = doc.createElement("p");
    status.className = "backprop-status";
    status.setAttribute("role", "status");
    status.textContent = waitingCaption("loading");
    const picker = new SamplePicker(
      doc,
      (sample) => this.choose(sample),
      (message) => context.notify(message),
    );
    const stepsSlot = doc.createElement("div");
    stepsSlot.className = "backprop-steps";
    if (this.inCard) container.append(status, picker.element, stepsSlot);
    else container.append(heading, introBox(intro), status, picker.element, stepsSlot);
    const steps = new BackpropStepper(stepsSlot);
    steps.clear(waitingCaption("loading"));
    this.parts = { status, picker, steps };
    this.readSample();
    this.source.onChange((change) => this.runChanged(change));
    await context.mountView(this.sourceView);
    this.refresh();
  }

  show(): void {
    this.visible = true;
    this.refresh();
  }

  hide(): void {
    this.visible = false;
  }

  hashChanged(): void {
    this.readSample();
    this.refresh();
  }

  /** Reads `sample=`; a malformed value is reported (once) and train:0 used. */
  private readSample(): void {
    const params = mounted(this.context, "the backprop view").hash.read();
    const text = params.get("sample");
    this.drawnMode = text === DRAWN_SAMPLE_TEXT;
    if (this.drawnMode) params.delete("sample");
    const { value, problems } = parseSampleKeys(params);
    if (text !== this.sampleText) for (const p of problems) this.context?.notify(p);
    this.sampleText = text;
    this.sample = value.sample;
    this.parts?.picker.setSample(this.sample);
  }

  private choose(sample: SampleRef): void {
    this.sample = sample;
    this.drawnMode = false;
    this.writeSample();
    this.refresh();
  }

  private writeSample(): void {
    const sample = this.sample;
    if (this.drawnMode) {
      this.context?.hash.update((p) => p.set("sample", DRAWN_SAMPLE_TEXT));
      this.sampleText = DRAWN_SAMPLE_TEXT;
      return;
    }
    this.context?.hash.update((p) => writeSampleKeys({ sample }, p));
    this.sampleText = sample.set === "train" && sample.index === 0 ? null : formatSample(sample);
  }

  private runChanged(change: RunChange): void {
    if (change === "drawn") {
      // The draw-a-digit card sent a digit: trace it.
      this.drawnMode = true;
      this.drawnVersion++;
      this.writeSample();
    }
    if (change === "run") {
      // The old trace belongs to a network that is gone.
      this.asked = null;
      if (this.parts) delete this.parts.status.dataset.traced;
      this.parts?.steps.clear(waitingCaption("new-run"));
    }
    this.refresh();
  }

  /**
   * The drawn digit in drawn mode, when there is one this run's network can take; otherwise
   * (with a notice, once) the data sample `sample`.
   */
  private tracedSample(state: RunState): TracedSample {
    if (!this.drawnMode) return this.sample;
    const drawn = this.source.drawnDigit;
    const fits = drawn !== null && drawn.pixels.length === state.layerSizes[0];
    if (drawn && fits) return drawn;
    this.context?.notify(
      drawn
        ? `sample=drawn: this run's network does not take a drawn digit's ${drawn.pixels.length} ` +
            `pixels; ${formatSample(this.sample)} traced`
        : `sample=drawn: no digit has been drawn on this page (draw one on the “Draw a digit” ` +
            `card of an MNIST run); ${formatSample(this.sample)} traced`,
    );
    this.drawnMode = false;
    this.writeSample();
    return this.sample;
  }

  /** Traces the sample unless the trace shown (or asked for) is already of this run, step and sample. */
  private refresh(): void {
    const parts = this.parts;
    if (!parts || !this.visible) return;
    const state = this.source.state;
    if (!state || state.step === null) {
      parts.status.textContent = waitingCaption("loading");
      return;
    }
    // Tracing a moving network would show a step that is already gone. The tab pauses the run
    // (its Play is on another tab); a card beside the run's own Play waits for a pause instead.
    if (state.running) {
      if (this.inCard) {
        parts.status.textContent = waitingCaption("training");
        return;
      }
      this.source.pause();
    }
    if (this.pickerRun !== state.run) {
      this.pickerRun = state.run;
      parts.picker.setRun(state.preview, state.setSizes);
    }
    const problem = checkSampleRange(this.sample, state.setSizes);
    if (problem) {
      this.context?.notify(problem);
      this.sample = SAMPLE_DEFAULTS.sample;
      this.writeSample();
    }
    parts.picker.setSample(this.sample);
    const traced = this.tracedSample(state);
    parts.picker.setDrawn(traced.set === "drawn");
    const s = state.settings;
    const which = traced.set === "drawn" ? `drawn#${this.drawnVersion}` : formatSample(traced);
    const key = `${state.run}|${state.step}|${state.edits ?? 0}|${s.learningRate}|${s.l2}|${s.l1}|${which}`;
    if (key === this.asked) return;
    this.asked = key;
    parts.status.textContent = waitingCaption("tracing");
    delete parts.status.dataset.traced;
    parts.picker.setLabel("…");
    this.source.trace(traced).then(
      (reply) => {
        if (this.asked !== key) return;
        const input = backpropInput(reply, state);
        parts.status.textContent = snapshotCaption(input);
        // What is on screen, for tests and tools: sample@step.
        parts.status.dataset.traced = `${formatTraced(reply.sample)}@${reply.step}`;
        parts.picker.setLabel(reply.sampleLabel);
        parts.steps.show(input);
      },
      (e: unknown) => {
        if (this.asked !== key) return;
        const message = e instanceof Error ? e.message : String(e);
        parts.status.textContent = `Cannot trace: ${message}`;
        parts.steps.clear(message);
        this.context?.notify(message);
      },
    );
  }
}

/** The stepper's input: the worker's trace with the run's settings it was traced under. */
function backpropInput(
  reply: { step: number; sample: TracedSample; sampleLabel: string; trace: BackpropInput["trace"] },
  state: RunState,
): BackpropInput {
  const s = state.settings;
  return {
    trace: reply.trace,
    step: reply.step,
    sample: reply.sample,
    sampleLabel: reply.sampleLabel,
    layerSizes: [...state.layerSizes],
    activation: s.activation,
    output: s.output,
    cost: s.cost,
    learningRate: s.learningRate,
    l2: s.l2,
    l1: s.l1,
    n: state.setSizes.train,
    ...(takesFeatures(s) ? { features: [...s.features] } : {}),
  };
}

/**
 * The intro in a <details>: open, but closed in lecture mode (the class "present" on the
 * document, present-mode.ts) so the steps start higher on a projector; it follows the switch.
 */
function introBox(intro: HTMLElement): HTMLElement {
  const doc = intro.ownerDocument;
  const box = doc.createElement("details");
  box.className = "backprop-intro-box";
  const summary = doc.createElement("summary");
  summary.textContent = "About this view";
  box.append(summary, intro);
  const root = doc.documentElement;
  const sync = () => {
    box.open = !root.classList.contains("present");
  };
  sync();
  const view = doc.defaultView;
  if (view && "MutationObserver" in view) {
    let present = root.classList.contains("present");
    new view.MutationObserver(() => {
      const now = root.classList.contains("present");
      if (now !== present) sync();
      present = now;
    }).observe(root, { attributes: true, attributeFilter: ["class"] });
  }
  return box;
}
