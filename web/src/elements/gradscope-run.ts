// <gradscope-run id="…" config="…" steps autoplay controls>: one training run, its buttons and
// status line; <gradscope-view run="…"> elements show its views. The run's code loads on first
// connect (run-element.ts); methods called before that wait for it. Registering this element
// loads nothing else.

import { attributesOf } from "./attribute-store.js";
import { documentRuns } from "./document-runs.js";
import {
  GradscopeElement,
  reflectAttributes,
  type ElementContext,
  type ElementImplementation,
} from "./gradscope-element.js";
import { RUN_ALIASES, RUN_KEYS, RUN_SETTING_KEYS } from "./run-attribute-names.js";
import type { RunImplementation } from "./run-element.js";
import type { RunController } from "../run/run-controller.js";
import type { Settings } from "../state/settings.js";

const ATTRIBUTES = attributesOf(RUN_KEYS, RUN_ALIASES);

/** The most mini-batches one step(n) call trains (more: the `steps` attribute fast-forwards). */
export const MAX_STEP_CALL = 1000;

export class GradscopeRunElement extends GradscopeElement {
  static readonly observedAttributes = [...ATTRIBUTES, "id"];

  private runImpl: RunImplementation | null = null;
  /** Calls made before the run was built, in order. */
  private readonly waiting: ((run: RunImplementation) => void)[] = [];
  private readonly built: Promise<RunImplementation>;
  private resolveBuilt: (run: RunImplementation) => void = () => {};
  private rejectBuilt: (e: unknown) => void = () => {};
  /** The id this run is registered under for its views ("" when it has none). */
  private registeredId = "";

  constructor() {
    super(RUN_KEYS, RUN_ALIASES);
    this.built = new Promise((resolve, reject) => {
      this.resolveBuilt = resolve;
      this.rejectBuilt = reject;
    });
    this.built.catch(() => {}); // a failed build is reported in the element; views ask again
  }

  protected async implement(context: ElementContext): Promise<ElementImplementation> {
    try {
      const { mountRun } = await import("./run-element.js");
      const run = await mountRun(this, this.body, this.store, context);
      this.runImpl = run;
      for (const call of this.waiting.splice(0)) call(run);
      this.resolveBuilt(run);
      return run;
    } catch (e) {
      this.rejectBuilt(e);
      throw e;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.register();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    documentRuns.remove(this.registeredId, this);
    this.registeredId = "";
  }

  override attributeChangedCallback(
    name: string,
    oldValue: string | null,
    value: string | null,
  ): void {
    if (name === "id") {
      if (this.isConnected) this.register();
      return;
    }
    super.attributeChangedCallback(name, oldValue, value);
  }

  /** The run's controller once built (what <gradscope-view> mounts its view on). */
  controller(): Promise<RunController> {
    return this.built.then((run) => run.controller);
  }

  /** A <gradscope-view> of this run: the run pauses only while it and all its views are out of view. */
  watchView(view: Element): void {
    this.whenBuilt((run) => run.watch(view));
  }

  unwatchView(view: Element): void {
    this.whenBuilt((run) => run.unwatch(view));
  }

  /** Starts training (waits while the run and all its views are out of view). */
  play(): void {
    this.whenBuilt((run) => run.play());
  }

  pause(): void {
    this.whenBuilt((run) => run.pause());
  }

  /** Back to step 0 of the same run (same seeds), paused. */
  reset(): void {
    this.whenBuilt((run) => run.reset());
  }

  /** Pauses and trains `n` mini-batches (1 … MAX_STEP_CALL), one snapshot each. */
  step(n = 1): void {
    if (!Number.isInteger(n) || n < 1 || n > MAX_STEP_CALL) {
      throw new RangeError(
        `step(n): n ${String(n)} must be an integer in [1, ${MAX_STEP_CALL}]; the steps attribute fast-forwards further`,
      );
    }
    this.whenBuilt((run) => run.step(n));
  }

  /** True while the run trains. */
  get running(): boolean {
    return this.runImpl?.controller.running ?? false;
  }

  /** The settings the run trains with (a copy), or null before it is built. */
  get settings(): Settings | null {
    const s = this.runImpl?.controller.settings;
    return s ? { ...s, hidden: [...s.hidden] } : null;
  }

  /** `steps` as a number (0 when absent or not a count); setting it reflects. */
  get steps(): number {
    const v = Number(this.getAttribute("steps") ?? "0");
    return Number.isInteger(v) && v >= 0 ? v : 0;
  }

  set steps(value: number) {
    this.setAttribute("steps", String(value));
  }

  /** Whether `autoplay` is present (a boolean attribute). */
  get autoplay(): boolean {
    const v = this.getAttribute("autoplay");
    return v !== null && v !== "false" && v !== "0";
  }

  set autoplay(on: boolean) {
    this.toggleAttribute("autoplay", Boolean(on));
  }

  private whenBuilt(call: (run: RunImplementation) => void): void {
    if (this.runImpl) call(this.runImpl);
    else this.waiting.push(call);
  }

  private register(): void {
    const id = this.id;
    if (id === this.registeredId) return;
    documentRuns.remove(this.registeredId, this);
    this.registeredId = id;
    if (id !== "") documentRuns.add(id, this);
  }
}

// String properties for config, controls and every setting (learningRate ↔ learning-rate,
// hiddenLayers ↔ hidden-layers), except `dataset`: HTMLElement's own dataset (data-*) stays.
reflectAttributes(
  GradscopeRunElement,
  attributesOf(
    ["config", "controls", ...RUN_SETTING_KEYS.filter((k) => k !== "dataset")],
    RUN_ALIASES,
  ),
);
