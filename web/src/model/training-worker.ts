// The training worker: owns the WebAssembly module and the current run, trains a few mini-batches
// per update and posts a snapshot, waiting until the page has drawn the previous one so that a
// slow page never builds a queue of stale frames.

import { init, type Gradscope } from "gradscope";
import type { FromWorker, ToWorker } from "./protocol.js";
import { TrainingRun } from "./training-run.js";
import { sameRun, type Settings } from "../state/settings.js";

/** The fewest milliseconds between two snapshots: about the display's frame rate. */
const MIN_UPDATE_MS = 16;
const CURVE_POINTS = 201; // z from −5 to 5 in steps of 0.05, so z = 0 is a sample
const CURVE_NAMES = ["sigmoid", "tanh", "relu", "leaky-relu"] as const;

type Scope = {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<ToWorker>) => void): void;
};

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
        this.sendSnapshot(false);
      } catch (e) {
        this.running = false;
        this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
      }
    }, wait);
  }

  private sendSnapshot(force: boolean): void {
    if (!this.run || (this.awaitingDraw && !force)) return;
    const snapshot = this.run.snapshot();
    this.lastUpdate = performance.now();
    this.awaitingDraw = true;
    const transfer: Transferable[] = [snapshot.boundary.values.buffer];
    for (const l of snapshot.layers) {
      transfer.push(l.weights.buffer, l.biases.buffer, l.weightGradients.buffer, l.biasGradients.buffer);
    }
    this.post({ type: "snapshot", snapshot }, transfer);
  }

  private post(message: FromWorker, transfer: Transferable[] = []): void {
    this.scope.postMessage(message, transfer);
  }
}

/** Loads the module, then hands every command to a TrainingWorker; commands that arrive while
 * the module loads are replayed once it is ready. */
function start(scope: Scope): void {
  const early: ToWorker[] = [];
  let worker: TrainingWorker | null = null;
  scope.addEventListener("message", (e) => {
    if (worker) worker.handle(e.data);
    else early.push(e.data);
  });
  init()
    .then((gs) => {
      const ready = new TrainingWorker(gs, scope);
      ready.announce();
      worker = ready;
      for (const m of early.splice(0)) ready.handle(m);
    })
    .catch((e: unknown) => {
      scope.postMessage({
        type: "error",
        message: `could not load the WebAssembly module: ${e instanceof Error ? e.message : String(e)}`,
      });
    });
}

start(self as unknown as Scope);
