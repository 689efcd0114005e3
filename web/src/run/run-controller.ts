// One training run, without any layout: the worker channel, the settings it trains, play / pause /
// step / reset, the recorded history, and the drawing of each snapshot spread over animation
// frames. Whoever shows the run (the playground's cards, a <gradscope-view>, a transport bar)
// subscribes; a subscriber that comes late is given the current state at once.

import { bundledMnistUrls, type IdxUrls } from "../model/bundled-mnist.js";
import { ModelClient } from "../model/model-client.js";
import type { ActivationCurve, DataPreview, FromWorker, Snapshot } from "../model/protocol.js";
import { TrainingHistory } from "../model/training-history.js";
import type { ParameterChange } from "../model/parameter-change.js";
import type { DrawnSample, TracedSample } from "../backprop/backprop-input.js";
import {
  previewSetSizes,
  type RunChange,
  type RunSource,
  type RunState,
  type TraceReply,
} from "../app/run-source.js";
import type { WorkerPort } from "../runtime/worker-port.js";
import { browserRandom, drawSeed, type SeedEvent } from "../state/seeds.js";
import { sameRun, SETTINGS_TABLE, type Settings } from "../state/settings.js";
import { sameState } from "../state/url-table.js";
import { fastForwardStatus, snapshotDiverged, snapshotStatus } from "./run-status.js";

/** The activation functions' curves, sent once by the worker. */
export interface ActivationCurves {
  z: number[];
  curves: ActivationCurve[];
}

/** What a subscriber hears; every field is optional. */
export interface RunListener {
  /** The settings given to the run (`previous`: the ones before, null for the first). */
  settings?(settings: Settings, previous: Settings | null): void;
  curves?(curves: ActivationCurves): void;
  /** A new run is built: its data as the input-space views show it, and n_1 … n_L. */
  configured?(preview: DataPreview, layerSizes: readonly number[], settings: Settings): void;
  /** Draw the snapshot `s` (the newest point of `history`) of the run with `layerSizes`. */
  snapshot?(
    s: Snapshot,
    history: TrainingHistory,
    layerSizes: readonly number[],
    settings: Settings,
  ): void;
  /** The status line's text. */
  status?(text: string): void;
  running?(on: boolean): void;
  /** The seeds in use and the action that chose them (the transport's seed note). */
  seeds?(settings: Settings, event: SeedEvent): void;
  /** A snapshot whose losses are not finite (the worker stops the run). */
  diverged?(s: Snapshot): void;
  /** The worker reported an error or crashed. */
  failed?(message: string): void;
}

export interface RunControllerOptions {
  /** Opens the channel to a training worker (called once). */
  createPort: () => WorkerPort;
  /** The base URL the bundled MNIST files are resolved against (the page's baseURI). */
  dataBaseUrl: string;
  /** The bundled MNIST files' URLs when they are not under dataBaseUrl (the elements' copy). */
  mnist?: IdxUrls;
  /** Reports a problem to the person (the page's notice area, an element's inline box). */
  notify(message: string): void;
}

/**
 * Snapshots are painted over up to this many animation frames, a few views per frame, so that no
 * frame carries every chart's redraw.
 */
export const SNAPSHOT_FRAMES = 3;

export interface SubscribeOptions {
  /** The frame (0 … SNAPSHOT_FRAMES − 1) of a snapshot's drawing in which this one draws. */
  frame?: number;
}

interface Subscriber {
  listener: RunListener;
  frame: number;
}

export class RunController implements RunSource {
  private readonly client: ModelClient;
  private readonly notify: (message: string) => void;
  private subscribers: Subscriber[] = [];
  /** The run's views shown now (mountRunView keeps it): a caption may point at one of them. */
  readonly shownViews = new Set<string>();
  private currentSettings: Settings | null = null;
  private isRunning = false;
  private layerSizes: number[] = [];
  private curves: ActivationCurves | null = null;
  private preview: DataPreview | null = null;
  /** The newest snapshot not yet drawn. */
  private pending: Snapshot | null = null;
  /** The snapshot drawn last, with its run's sizes and settings (replayed to late subscribers). */
  private drawnLast: { s: Snapshot; sizes: number[]; settings: Settings } | null = null;
  private statusText = "Loading the network…";
  private seedEvent: SeedEvent = "load";
  /** Whether the latest snapshot's losses are not finite (the worker stops such a run). */
  private lastDiverged = false;
  private frameRequested = false;
  private disposed = false;
  private readonly history = new TrainingHistory();
  /** How many shown views want the per-neuron maps in each snapshot (network cards). */
  private neuronMapViews = 0;
  /** Weights or biases set by hand (RunState.edits). */
  private editCount = 0;
  /** Who turns a view's settings change into the run's (the playground: its URL and steps). */
  private settingsChanger: ((patch: Partial<Settings>) => void) | null = null;
  /** For RunSource: the runs built, the latest step, who listens. */
  private runCount = 0;
  private stepCount: number | null = null;
  private readonly changeListeners: ((change: RunChange) => void)[] = [];
  /** The drawn-digit predictions asked for, oldest first (answered once each, in order). */
  private readonly predictWaiters: {
    resolve: (output: Float32Array) => void;
    reject: (e: Error) => void;
  }[] = [];
  /** The digit sent to the backprop view (the draw-a-digit card's button). */
  private drawn: DrawnSample | null = null;
  /** How many shown cards want the confusion matrix with each snapshot. */
  private confusionViewers = 0;
  /** The trace requests sent, oldest first (the worker answers each once, in order). */
  private readonly traceWaiters: {
    resolve: (r: TraceReply) => void;
    reject: (e: Error) => void;
  }[] = [];

  constructor(options: RunControllerOptions) {
    this.notify = options.notify;
    this.client = new ModelClient(
      options.createPort(),
      options.mnist ?? bundledMnistUrls(options.dataBaseUrl),
      (m) => this.onWorker(m),
      (message) => this.fail(message),
    );
  }

  /** The settings the run was last given, or null before the first apply(). */
  get settings(): Settings | null {
    return this.currentSettings;
  }

  /** True while training runs (Play), false when paused. */
  get running(): boolean {
    return this.isRunning;
  }

  get state(): RunState | null {
    const settings = this.currentSettings;
    const preview = this.preview;
    if (!settings || !preview) return null;
    return {
      run: this.runCount,
      settings,
      layerSizes: this.layerSizes,
      preview,
      setSizes: previewSetSizes(preview),
      step: this.stepCount,
      running: this.isRunning,
      edits: this.editCount,
    };
  }

  /**
   * Listens to the run until the returned function is called; the current state (settings,
   * curves, the run's data, the latest snapshot, running, status) is replayed at once.
   */
  subscribe(listener: RunListener, options: SubscribeOptions = {}): () => void {
    const frame = Math.min(Math.max(Math.trunc(options.frame ?? 0), 0), SNAPSHOT_FRAMES - 1);
    const subscriber = { listener, frame };
    this.subscribers.push(subscriber);
    const settings = this.currentSettings;
    guard(() => {
      if (settings) listener.settings?.(settings, null);
      if (this.curves) listener.curves?.(this.curves);
      if (this.preview && settings) listener.configured?.(this.preview, this.layerSizes, settings);
      const last = this.drawnLast;
      if (last && this.history.length > 0)
        listener.snapshot?.(last.s, this.history, last.sizes, last.settings);
      listener.running?.(this.isRunning);
      listener.status?.(this.statusText);
      if (settings) listener.seeds?.(settings, this.seedEvent);
    });
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  }

  /**
   * Makes `next` the run's settings. A change of network, data or seeds builds a new run (paused);
   * η, λ or the batch size apply to the same run. `steps`: a fresh run fast-forwarded to exactly
   * that many mini-batches (the `steps=` key), shown paused.
   */
  apply(next: Settings, steps: number | null = null): void {
    const previous = this.currentSettings;
    this.currentSettings = next;
    const newRun = !previous || !sameRun(previous, next);
    // η, λ or the batch size changed on the same run: a trace's update step changes too.
    if (previous && !newRun && !sameState(SETTINGS_TABLE, previous, next)) this.changed("step");
    this.emit((l) => l.settings?.(next, previous));
    // A new run (or new seeds) is described afresh; a Reset or New data note stays until then.
    if (newRun) this.announceSeeds("load");
    if (steps !== null) {
      this.setRunning(false);
      this.setStatus(fastForwardStatus(steps));
      this.client.configureAtStep(next, steps);
      return;
    }
    if (previous && sameState(SETTINGS_TABLE, previous, next)) return;
    // A new network starts paused (the worker stops too when it rebuilds).
    if (newRun) this.setRunning(false);
    this.client.configure(next);
  }

  play(): void {
    if (!this.isRunning) this.togglePlay();
  }

  pause(): void {
    if (this.isRunning) this.togglePlay();
  }

  /** The page decides whether training runs; the worker follows its play and pause. */
  togglePlay(): void {
    this.setRunning(!this.isRunning);
    if (this.isRunning) this.client.play();
    else this.client.pause();
  }

  /** Pauses and trains on one mini-batch. */
  step(): void {
    this.setRunning(false);
    this.client.step();
  }

  /** Pauses and starts the same run again from its initial weights (step 0). */
  reset(): void {
    this.setRunning(false);
    this.client.reset();
    this.announceSeeds("reset");
  }

  /** "New data" / "New weights": a fresh seed of that kind, a new run; returns its settings. */
  newSeed(key: "dataSeed" | "initSeed"): Settings | null {
    const settings = this.currentSettings;
    if (!settings) return null;
    const next = { ...settings, [key]: drawSeed(settings[key], browserRandom) };
    this.apply(next);
    this.announceSeeds(key === "dataSeed" ? "new-data" : "new-weights");
    return next;
  }

  /** The network's output activations now for a drawn digit's inputs. */
  predictDrawn(pixels: Float32Array): Promise<Float32Array> {
    if (this.disposed) return Promise.reject(new Error("the run has been closed"));
    return new Promise((resolve, reject) => {
      this.predictWaiters.push({ resolve, reject });
      this.client.predictDrawn(pixels);
    });
  }

  get drawnDigit(): DrawnSample | null {
    return this.drawn;
  }

  /** Hands a drawn digit to the backprop views of this run (they trace it). */
  sendDrawnDigit(sample: DrawnSample): void {
    this.drawn = sample;
    this.changed("drawn");
  }

  /** A card that shows the confusion matrix came (true) or went (false). */
  wantConfusion(on: boolean): void {
    const before = this.confusionViewers > 0;
    this.confusionViewers = Math.max(0, this.confusionViewers + (on ? 1 : -1));
    const now = this.confusionViewers > 0;
    if (now !== before) this.client.confusion(now);
  }

  trace(sample: TracedSample): Promise<TraceReply> {
    if (this.disposed) return Promise.reject(new Error("the run has been closed"));
    return new Promise((resolve, reject) => {
      this.traceWaiters.push({ resolve, reject });
      this.client.trace(sample);
    });
  }

  /**
   * A view's change of the run's settings (the diagram's feature toggles): through the owner's
   * changer when it has set one (setSettingsChanger), else applied as is.
   */
  changeSettings(patch: Partial<Settings>): void {
    const settings = this.currentSettings;
    if (this.settingsChanger) this.settingsChanger(patch);
    else if (settings) this.apply({ ...settings, ...patch });
  }

  setSettingsChanger(changer: (patch: Partial<Settings>) => void): void {
    this.settingsChanger = changer;
  }

  /** A view that draws the per-neuron maps is shown (true) or gone (false); counted. */
  wantNeuronMaps(on: boolean): void {
    const before = this.neuronMapViews > 0;
    this.neuronMapViews = Math.max(0, this.neuronMapViews + (on ? 1 : -1));
    const after = this.neuronMapViews > 0;
    if (before !== after && !this.disposed) this.client.neuronMaps(after);
  }

  /** Sets one weight or bias of the network; a snapshot shows it. */
  setParameter(change: ParameterChange): void {
    if (this.disposed) return;
    this.editCount++; // the snapshot that follows announces the change ("step")
    this.client.setParameter(change);
  }

  onChange(listener: (change: RunChange) => void): void {
    this.changeListeners.push(listener);
  }

  /** Closes the worker channel and stops drawing; the run cannot be used after this. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.isRunning = false;
    this.subscribers = [];
    this.changeListeners.length = 0;
    for (const waiter of [...this.traceWaiters.splice(0), ...this.predictWaiters.splice(0)])
      waiter.reject(new Error("the run has been closed"));
    this.client.close();
  }

  private changed(change: RunChange): void {
    for (const listener of this.changeListeners) guard(() => listener(change));
  }

  /** Calls `call` on every subscriber; one that throws does not stop the others. */
  private emit(call: (listener: RunListener) => void, frame?: number): void {
    for (const s of [...this.subscribers]) {
      if (frame !== undefined && s.frame !== frame) continue;
      guard(() => call(s.listener));
    }
  }

  private announceSeeds(event: SeedEvent): void {
    const settings = this.currentSettings;
    if (!settings) return;
    this.seedEvent = event;
    this.emit((l) => l.seeds?.(settings, event));
  }

  private setStatus(text: string): void {
    this.statusText = text;
    this.emit((l) => l.status?.(text));
  }

  private setRunning(running: boolean): void {
    this.isRunning = running;
    this.emit((l) => l.running?.(running));
    this.changed("step");
  }

  private onWorker(m: FromWorker): void {
    if (this.disposed) return;
    switch (m.type) {
      case "ready":
        this.curves = m.curves;
        this.emit((l) => l.curves?.(m.curves));
        break;
      case "configured": {
        this.layerSizes = m.layerSizes;
        this.history.clear();
        this.pending = null;
        this.drawnLast = null;
        this.lastDiverged = false;
        this.runCount++;
        this.preview = m.preview;
        this.stepCount = null;
        const settings = this.currentSettings;
        if (settings) this.emit((l) => l.configured?.(m.preview, m.layerSizes, settings));
        this.changed("run");
        break;
      }
      case "loading":
        this.setStatus(m.message);
        break;
      case "snapshot":
        // A fast-forward's recorded points first: the charts show how the run reached step N.
        for (const point of m.history ?? []) this.history.addPoint(point);
        this.pending = m.snapshot;
        this.lastDiverged = snapshotDiverged(m.snapshot);
        if (this.lastDiverged) this.emit((l) => l.diverged?.(m.snapshot));
        this.requestFrame();
        this.stepCount = m.snapshot.step;
        this.changed("step");
        break;
      case "error":
        this.fail(m.message);
        break;
      case "trace":
        this.traceWaiters.shift()?.resolve(m);
        break;
      case "trace-error":
        this.traceWaiters.shift()?.reject(new Error(m.message));
        break;
      case "drawn-prediction":
        this.predictWaiters.shift()?.resolve(m.output);
        break;
      case "drawn-prediction-error":
        this.predictWaiters.shift()?.reject(new Error(m.message));
        break;
    }
  }

  /**
   * Paints the latest snapshot over SNAPSHOT_FRAMES animation frames (each subscriber in the frame
   * it asked for), then tells the worker it may send the next snapshot.
   */
  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    const s = this.pending;
    // The sizes of the run this snapshot belongs to: a "configured" for the next run may arrive
    // while the stages below are still waiting for their frames.
    const sizes = this.layerSizes;
    const settings = this.currentSettings;
    this.pending = null;
    if (!s || !settings) {
      this.frameRequested = false;
      return;
    }
    this.history.add(s);
    this.drawnLast = { s, sizes, settings };
    const history = this.history;
    const lastFrame = Math.max(0, ...this.subscribers.map((x) => x.frame));
    const run = (frame: number) => {
      if (this.disposed) return;
      if (frame === 0) {
        this.statusText = snapshotStatus(s);
        this.emit((l) => l.status?.(this.statusText));
      }
      this.emit((l) => l.snapshot?.(s, history, sizes, settings), frame);
      if (frame < lastFrame) {
        requestAnimationFrame(() => run(frame + 1));
        return;
      }
      this.frameRequested = false;
      if (this.pending) this.requestFrame();
      else this.client.drawn();
    };
    requestAnimationFrame(() => run(0));
  }

  private fail(message: string): void {
    if (this.disposed) return;
    this.setRunning(false);
    // After a diverged snapshot its status line (drawn at the next frame) already says so, with
    // the losses; writing the worker's stop message too made the last line depend on timing.
    if (!this.lastDiverged) this.setStatus(`Stopped: ${message}`);
    this.emit((l) => l.failed?.(message));
    this.notify(message);
  }
}

/**
 * Runs `call`; an error is reported (the window's error event and the console) instead of
 * stopping the caller: a view that fails to draw must not stop every later snapshot from being
 * drawn, nor the handshake with the worker.
 */
function guard(call: () => void): void {
  try {
    call();
  } catch (e) {
    reportError(e);
  }
}
