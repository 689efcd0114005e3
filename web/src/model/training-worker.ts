// The training worker: owns the WebAssembly module and the current run, trains a few mini-batches
// per update and posts a snapshot, waiting until the page has drawn the previous one so that a
// slow page never builds a queue of stale frames.

import { init, type Gradscope } from "gradscope";
import type { FromWorker, Snapshot, ToWorker } from "./protocol.js";
import { TrainingRun } from "./training-run.js";
import { serveWhenLoaded, workerScope, type WorkerScope } from "./worker-scope.js";
import { sameRun, type Settings } from "../state/settings.js";

/** The fewest milliseconds between two snapshots: about the display's frame rate. */
const MIN_UPDATE_MS = 16;
const CURVE_POINTS = 201; // z from −5 to 5 in steps of 0.05, so z = 0 is a sample
const CURVE_NAMES = ["sigmoid", "tanh", "relu", "leaky-relu"] as const;

type Scope = WorkerScope<ToWorker, FromWorker>;

class TrainingWorker {
  private run: TrainingRun | null = null;
  private running = false;
  private stepsPerUpdate = 1;
  private awaitingDraw = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastUpdate = 0;

  constructor(
    private readonly gs: Gradscope,
    private readonly scope: Scope,
  ) {}

  announce(): void {
    const z = Array.from({ length: CURVE_POINTS }, (_, i) => (i - (CURVE_POINTS - 1) / 2) / 20);
    const curves = CURVE_NAMES.map((name) => {
      const c = this.gs.activations.curve(name, z);
      return { name, value: [...c.value], derivative: [...c.derivative] };
    });
    this.post({ type: "ready", curves: { z, curves } });
  }

  handle(m: ToWorker): void {
    try {
      switch (m.type) {
        case "configure":
          this.configure(m.settings);
          break;
        case "reset":
          if (this.run) this.rebuild(this.run.settings);
          break;
        case "play":
          this.running = true;
          this.schedule();
          break;
        case "pause":
          this.running = false;
          break;
        case "step":
          this.running = false;
          this.run?.step(1);
          this.sendSnapshot(true);
          break;
        case "drawn":
          this.awaitingDraw = false;
          this.schedule();
          break;
      }
    } catch (e) {
      this.running = false;
      this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  private configure(next: Settings): void {
    this.stepsPerUpdate = next.speed;
    if (this.run && sameRun(this.run.settings, next)) this.run.retune(next);
    else this.rebuild(next);
  }

  private rebuild(settings: Settings): void {
    this.running = false;
    this.run?.dispose();
    this.run = null;
    const run = new TrainingRun(this.gs, settings);
    this.run = run;
    const points = run.points;
    this.post({ type: "configured", layerSizes: run.sizes, train: points.train, test: points.test }, [
      points.train.x.buffer,
      points.train.labels.buffer,
      points.test.x.buffer,
      points.test.labels.buffer,
    ]);
    this.sendSnapshot(true);
  }

  private schedule(): void {
    if (!this.running || this.awaitingDraw || this.timer !== null) return;
    const wait = Math.max(0, this.lastUpdate + MIN_UPDATE_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.running || this.awaitingDraw || !this.run) return;
      try {
        this.run.step(this.stepsPerUpdate);
        const snapshot = this.sendSnapshot(false);
        if (snapshot && !Number.isFinite(snapshot.train.loss)) {
          // Further steps only multiply NaNs: stop, and say why (the page pauses on "error").
          this.running = false;
          this.post({
            type: "error",
            message: "training diverged (the loss is no longer a number): lower the learning rate η and press Reset",
          });
        }
      } catch (e) {
        this.running = false;
        this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
      }
    }, wait);
  }

  /** Posts a snapshot of the run (unless the page is still drawing the last one) and returns it. */
  private sendSnapshot(force: boolean): Snapshot | null {
    if (!this.run || (this.awaitingDraw && !force)) return null;
    const snapshot = this.run.snapshot();
    this.lastUpdate = performance.now();
    this.awaitingDraw = true;
    const transfer: Transferable[] = [snapshot.boundary.values.buffer];
    for (const l of snapshot.layers) {
      transfer.push(l.weights.buffer, l.biases.buffer, l.weightGradients.buffer, l.biasGradients.buffer);
    }
    this.post({ type: "snapshot", snapshot }, transfer);
    return snapshot;
  }

  private post(message: FromWorker, transfer: Transferable[] = []): void {
    this.scope.postMessage(message, transfer);
  }
}

const scope = workerScope<ToWorker, FromWorker>();
serveWhenLoaded(
  scope,
  async () => {
    const worker = new TrainingWorker(await init(), scope);
    worker.announce();
    return (m) => worker.handle(m);
  },
  (message) => scope.postMessage({ type: "error", message: `could not load the WebAssembly module: ${message}` }),
);
