// The training worker: one channel of a host worker (runtime/host-worker.ts) owning the current
// run on the worker's core; trains a few mini-batches per update and posts a snapshot, waiting
// until the page has drawn the previous one so that a slow page never builds a queue of stale
// frames. An update is trained in chunks (chunk-plan.ts) with the message queue read between
// them, so Pause, Reset and settings act within one chunk.
import { catalogue, type Dataset, type Gradscope, type Trace } from "gradscope";
import { fetchIdxDataset, type IdxUrls } from "./bundled-mnist.js";
import { BatchCost, nextChunk } from "./chunk-plan.js";
import type { TracedSample } from "../backprop/backprop-input.js";
import type { FromWorker, HistoryPoint, Snapshot, ToWorker } from "./protocol.js";
import { TrainingRun } from "./training-run.js";
import type { ChannelScope } from "../runtime/channel-scope.js";
import { dataSource } from "../state/data-sources.js";
import { sameRun, type Settings } from "../state/settings.js";

/** The fewest milliseconds between two snapshots: about the display's frame rate. */
const MIN_UPDATE_MS = 16;
/** Mini-batches per slice of a fast-forward, with the message queue read between slices. */
const FORWARD_CHUNK = 100;
/** About how many points a fast-forward records for the time charts on its way to N. */
const FORWARD_POINTS = 100;
const CURVE_POINTS = 201; // z from −5 to 5 in steps of 0.05, so z = 0 is a sample
/** Every element-wise activation (those allowed in hidden layers) has a curve. */
const CURVE_NAMES = catalogue.activations.flatMap((a) => (a.hidden ? [a.name] : []));

export class TrainingWorker {
  private run: TrainingRun | null = null;
  /** The latest settings, also while the digits for their run are still loading. */
  private settings: Settings | null = null;
  /** Counts rebuilds, so that a run whose digits arrive after a newer request is dropped. */
  private generation = 0;
  /** The bundled digits, fetched once on the first MNIST run (and again after a failure). */
  private digits: { url: string; data: Promise<Dataset> } | null = null;
  private mnistUrls: IdxUrls | null = null;
  private running = false;
  private stepsPerUpdate = 1;
  /** Mini-batches of the current update not yet trained (0: between updates). */
  private updateLeft = 0;
  private readonly batchCost = new BatchCost();
  private awaitingDraw = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastUpdate = 0;
  /** The step a fast-forward (`steps=`) trains the current run to before its first snapshot. */
  private forwardTo: number | null = null;
  /** The time charts' points a fast-forward has recorded so far (sent with its one snapshot). */
  private forwardHistory: HistoryPoint[] = [];
  /** Samples to trace once the run is there and not fast-forwarding, in the order asked. */
  private traces: TracedSample[] = [];
  /** Whether snapshots carry the test set's confusion matrix (a confusion-matrix card is shown). */
  private confusionOn = false;
  /** Snapshots carry the per-neuron maps (the network card is shown). */
  private neuronMaps = false;

  constructor(
    private readonly gs: Gradscope,
    private readonly scope: ChannelScope<FromWorker>,
  ) {}

  announce(): void {
    const z = Array.from({ length: CURVE_POINTS }, (_, i) => (i - (CURVE_POINTS - 1) / 2) / 20);
    const curves = CURVE_NAMES.map((name) => {
      const c = this.gs.activations.curve(name, z);
      return { name, value: [...c.value], derivative: [...c.derivative] };
    });
    this.post({ type: "ready", curves: { z, curves } });
  }

  /** The channel closed: stop training and free the run (nothing is posted after this). */
  dispose(): void {
    this.running = false;
    this.forwardTo = null;
    this.generation += 1; // digits still loading start no run
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.run?.dispose();
    this.run = null;
    this.traces = [];
  }

  handle(m: ToWorker): void {
    try {
      switch (m.type) {
        case "configure":
          this.configure(m.settings, m.mnist, m.steps ?? null);
          break;
        case "reset":
          this.forwardTo = null;
          if (this.settings) this.rebuild(this.settings);
          break;
        case "play":
          this.running = true;
          this.schedule();
          break;
        case "pause":
          this.running = false;
          if (this.updateLeft > 0) this.sendSnapshot(true); // stopped inside an update
          this.updateLeft = 0;
          break;
        case "step":
          this.running = false;
          this.updateLeft = 0;
          this.run?.step(1);
          this.sendSnapshot(true);
          break;
        case "drawn":
          this.awaitingDraw = false;
          this.schedule();
          break;
        case "trace":
          this.traces.push(m.sample);
          this.serveTraces();
          break;
        case "predict-drawn":
          this.predictDrawn(m.pixels);
          break;
        case "confusion":
          this.confusionOn = m.on;
          // A paused run sends no snapshot by itself: send one now with the counts.
          if (m.on && this.run && this.forwardTo === null) this.sendSnapshot(true);
          break;
        case "neuron-maps":
          this.neuronMaps = m.on;
          if (m.on && this.run && !this.running && this.forwardTo === null) this.sendSnapshot(true);
          break;
        case "set-parameter":
          if (!this.run) throw new Error("there is no network to change");
          this.run.setParameter(m.change);
          // A running run shows it in its next snapshot, a fast-forward in its last.
          if (!this.running && this.forwardTo === null) this.sendSnapshot(true);
          break;
      }
    } catch (e) {
      this.running = false;
      this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  private configure(next: Settings, mnistUrls: IdxUrls, steps: number | null): void {
    this.stepsPerUpdate = next.speed;
    this.updateLeft = Math.min(this.updateLeft, next.speed);
    this.batchCost.forget(); // a new network or batch size costs differently
    this.mnistUrls = mnistUrls;
    const previous = this.settings;
    this.settings = { ...next, hidden: [...next.hidden] };
    if (steps !== null) {
      // A fast-forward counts from a fresh run, so the same link gives the same numbers.
      this.forwardTo = steps;
      this.forwardHistory = [];
      this.rebuild(next);
    } else if (this.run && sameRun(this.run.settings, next))
      this.run.retune(next); // a fast-forward under way goes on with the new η, λ or batch
    else if (!this.run && previous && sameRun(previous, next))
      return; // its digits are loading
    else {
      this.forwardTo = null;
      this.rebuild(next);
    }
  }

  /** A new run from `settings`; MNIST's first run waits for the digits to arrive. */
  private rebuild(settings: Settings): void {
    this.running = false;
    this.updateLeft = 0;
    this.run?.dispose();
    this.run = null;
    const generation = ++this.generation;
    if (dataSource(settings.dataset).load.from !== "bundled-idx") {
      this.start(settings, null);
      return;
    }
    if (!this.digits) this.post({ type: "loading", message: "Loading the MNIST digits…" });
    this.loadDigits()
      .then((digits) => {
        // The latest settings: η, λ, batch size or speed may have changed while loading.
        if (generation === this.generation) this.start(this.settings ?? settings, digits);
      })
      .catch((e: unknown) => {
        this.digits = null; // a later run tries again
        if (generation !== this.generation) return;
        this.running = false;
        const message = `cannot load the MNIST digits: ${e instanceof Error ? e.message : String(e)}`;
        this.post({ type: "error", message });
        this.serveTraces(message);
      });
  }

  private loadDigits(): Promise<Dataset> {
    const urls = this.mnistUrls;
    if (!urls) return Promise.reject(new Error("the page did not say where the digits are"));
    if (this.digits?.url !== urls.imagesUrl) {
      this.digits = { url: urls.imagesUrl, data: fetchIdxDataset(this.gs, urls) };
    }
    return this.digits.data;
  }

  private start(settings: Settings, digits: Dataset | null): void {
    try {
      const run = new TrainingRun(this.gs, settings, digits);
      this.run = run;
      const preview = run.preview;
      const transfer =
        preview.kind === "digits"
          ? [preview.digits.pixels.buffer, preview.digits.labels.buffer]
          : [preview.train, preview.test].flatMap((p) => [
              p.x.buffer,
              p.labels.buffer,
              p.values.buffer,
            ]);
      this.post({ type: "configured", layerSizes: run.sizes, preview }, transfer);
      if (this.forwardTo !== null) {
        this.forward(run);
        return;
      }
      this.sendSnapshot(true);
      this.serveTraces();
      // Play pressed while the digits loaded: train now.
      this.schedule();
    } catch (e) {
      this.running = false;
      const message = e instanceof Error ? e.message : String(e);
      this.post({ type: "error", message });
      this.serveTraces(message);
    }
  }

  /**
   * Trains `run` to `forwardTo` mini-batches in slices, reading messages between them (a new
   * configuration or Reset ends it), then sends the one snapshot and pauses (Play continues).
   */
  private forward(run: TrainingRun): void {
    const target = this.forwardTo;
    if (run !== this.run || target === null) return;
    try {
      const left = target - run.steps;
      // Every `every` steps a point for the time charts (numbers only, nothing is drawn), so the
      // one snapshot at N arrives with the curves that led to it.
      const every = Math.max(1, Math.ceil(target / FORWARD_POINTS));
      if (run.steps === 0 && left > 0) this.forwardHistory = [run.historyPoint()];
      if (left > 0) {
        run.step(Math.min(left, FORWARD_CHUNK, every - (run.steps % every)));
        if (run.steps % every === 0 && run.steps < target)
          this.forwardHistory.push(run.historyPoint());
        setTimeout(() => this.forward(run), 0);
        return;
      }
      this.forwardTo = null;
      const history = this.forwardHistory;
      this.forwardHistory = [];
      this.sendSnapshot(true, history);
      this.serveTraces();
      this.schedule(); // Play pressed during the fast-forward
    } catch (e) {
      this.forwardTo = null;
      this.running = false;
      this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  private schedule(): void {
    if (!this.running || this.awaitingDraw || this.timer !== null) return;
    if (this.forwardTo !== null) return; // the fast-forward schedules when it is done
    const wait =
      this.updateLeft > 0 ? 0 : Math.max(0, this.lastUpdate + MIN_UPDATE_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.running || this.awaitingDraw || !this.run) return;
      try {
        if (this.updateLeft === 0) this.updateLeft = this.stepsPerUpdate;
        const chunk = nextChunk(this.updateLeft, this.batchCost.msPerBatch);
        const started = performance.now();
        this.run.step(chunk);
        this.batchCost.record(chunk, performance.now() - started);
        this.updateLeft -= chunk;
        if (this.updateLeft > 0) {
          this.schedule(); // the rest after a look at the messages
          return;
        }
        const snapshot = this.sendSnapshot(false);
        if (snapshot && !Number.isFinite(snapshot.train.loss)) {
          // Further steps only multiply NaNs: stop, and say why (the page pauses on "error").
          this.running = false;
          this.post({
            type: "error",
            message:
              "training diverged (the loss is no longer a number): lower the learning rate η and press Reset",
          });
        }
      } catch (e) {
        this.running = false;
        this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
      }
    }, wait);
  }

  /** Posts a snapshot of the run (unless the page is still drawing the last one) and returns it. */
  private sendSnapshot(force: boolean, history?: HistoryPoint[]): Snapshot | null {
    if (!this.run || (this.awaitingDraw && !force)) return null;
    const snapshot = this.run.snapshot();
    const maps = this.neuronMaps ? this.run.neuronMaps() : null;
    if (maps) snapshot.neuronMaps = maps;
    this.lastUpdate = performance.now();
    this.awaitingDraw = true;
    const input = snapshot.input;
    const transfer: Transferable[] =
      input.kind === "plane"
        ? [input.boundary.values.buffer]
        : input.kind === "line"
          ? [input.curve.x.buffer, input.curve.values.buffer]
          : [input.predictions.predicted.buffer, input.predictions.confidence.buffer];
    const confusion = this.confusionOn ? this.run.confusion() : null;
    if (confusion) {
      snapshot.confusion = confusion;
      transfer.push(confusion.counts.buffer);
    }
    for (const m of maps?.layers ?? []) transfer.push(m.values.buffer);
    for (const l of snapshot.layers) {
      transfer.push(
        l.weights.buffer,
        l.biases.buffer,
        l.weightGradients.buffer,
        l.biasGradients.buffer,
      );
    }
    this.post(
      history?.length ? { type: "snapshot", snapshot, history } : { type: "snapshot", snapshot },
      transfer,
    );
    return snapshot;
  }

  /** Answers a "predict-drawn" with the network's output now (or why there is none). */
  private predictDrawn(pixels: Float32Array): void {
    try {
      if (!this.run) throw new Error("the network is not built yet");
      const output = this.run.predictDrawn(pixels);
      this.post({ type: "drawn-prediction", output }, [output.buffer]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.post({ type: "drawn-prediction-error", message });
    }
  }

  /**
   * Answers the traces asked for, each with a "trace" or a "trace-error", once the run is built
   * and at its step (not mid fast-forward). `failure`: the run could not be built; say why.
   */
  private serveTraces(failure?: string): void {
    const run = this.run;
    if (failure === undefined && (!run || this.forwardTo !== null)) return;
    const asked = this.traces;
    this.traces = [];
    for (const sample of asked) {
      try {
        if (!run || failure !== undefined) throw new Error(failure ?? "there is no run to trace");
        const reply = run.trace(sample);
        this.post(reply, traceBuffers(reply.trace));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        this.post({ type: "trace-error", sample, message });
      }
    }
  }

  private post(message: FromWorker, transfer: Transferable[] = []): void {
    this.scope.postMessage(message, transfer);
  }
}

/** Every array buffer of a trace, each once (transferred, not copied, to the page). */
function traceBuffers(trace: Trace): Transferable[] {
  const arrays: (Float32Array | undefined)[] = [trace.input, trace.target];
  for (const l of trace.layers) {
    arrays.push(l.weights, l.biases, l.z, l.a, l.activationDerivative, l.outputJacobian);
    arrays.push(l.costGradient, l.weightedError, l.delta, l.biasGradient, l.weightGradient);
  }
  for (const u of trace.updated ?? []) arrays.push(u.weights, u.biases);
  const buffers = new Set<ArrayBufferLike>();
  for (const a of arrays) if (a) buffers.add(a.buffer);
  return [...buffers] as Transferable[];
}
