// RunController (web/src/run/run-controller.ts) against a fake worker channel and a hand-cranked
// requestAnimationFrame: what it sends the worker, what a subscriber hears and in which frame,
// the replay to a late subscriber, the drawn handshake, failures and dispose.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import type { FromWorker, LayerSnapshot, Snapshot } from "../../web/src/model/protocol.js";
import { RunController, type RunListener } from "../../web/src/run/run-controller.js";
import type { WorkerPort } from "../../web/src/runtime/worker-port.js";
import { DEFAULT_SETTINGS, type Settings } from "../../web/src/state/settings.js";

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  frames = [];
  globalThis.requestAnimationFrame = (cb) => {
    frames.push(cb);
    return frames.length;
  };
});
/** Runs the animation frames requested so far (one frame); returns how many ran. */
function frame(): number {
  const now = frames;
  frames = [];
  for (const cb of now) cb(0);
  return now.length;
}

class FakePort implements WorkerPort {
  sent: { type: string; steps?: number; settings?: Settings }[] = [];
  closed = false;
  private listener: ((data: unknown) => void) | null = null;
  private crash: ((message: string) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as never);
  }
  onMessage(listener: (data: unknown) => void): void {
    this.listener = listener;
  }
  onError(listener: (message: string) => void): void {
    this.crash = listener;
  }
  close(): void {
    this.closed = true;
  }
  receive(message: FromWorker): void {
    this.listener?.(message);
  }
  fail(message: string): void {
    this.crash?.(message);
  }
  types(): string[] {
    return this.sent.map((m) => m.type);
  }
}

function layer(l: number): LayerSnapshot {
  return {
    layer: l,
    rows: 1,
    cols: 1,
    weights: new Float32Array(1),
    biases: new Float32Array(1),
    weightGradients: new Float32Array(1),
    biasGradients: new Float32Array(1),
    biasGradNorm: 0.1 * l,
    weightGradNorm: 0.2 * l,
    meanAbsActDeriv: 0.2,
    derivHistogram: { edges: [], counts: [] },
    saturatedFraction: 0,
  };
}

function snapshot(step: number, loss = 0.5): Snapshot {
  return {
    step,
    epoch: step / 10,
    train: { loss, accuracy: 0.75 },
    test: { loss, accuracy: 0.5 },
    layers: [layer(2), layer(3)],
    input: {
      kind: "plane",
      boundary: {
        resolution: 1,
        extent: 1,
        width: 1,
        values: new Float32Array(1),
        problem: "classification",
      },
    },
  };
}

const preview: FromWorker = {
  type: "configured",
  layerSizes: [2, 4, 1],
  preview: {
    kind: "plane",
    train: { x: new Float32Array(2), labels: new Int32Array(1), values: new Float32Array(0) },
    test: { x: new Float32Array(2), labels: new Int32Array(1), values: new Float32Array(0) },
  },
};

function setup() {
  const port = new FakePort();
  const notices: string[] = [];
  const run = new RunController({
    createPort: () => port,
    dataBaseUrl: "http://example.test/sub/",
    notify: (m) => notices.push(m),
  });
  return { port, run, notices };
}

/** A listener that logs each call as "name:detail". */
function logger(log: string[], tag = ""): RunListener {
  return {
    settings: (s) => log.push(`${tag}settings:${s.dataset}`),
    curves: () => log.push(`${tag}curves`),
    configured: (_p, sizes) => log.push(`${tag}configured:${sizes.join(",")}`),
    snapshot: (s) => log.push(`${tag}snapshot:${s.step}`),
    status: (t) => log.push(`${tag}status:${t.slice(0, 22)}`),
    running: (on) => log.push(`${tag}running:${on}`),
    seeds: (_s, event) => log.push(`${tag}seeds:${event}`),
    diverged: (s) => log.push(`${tag}diverged:${s.step}`),
    failed: (m) => log.push(`${tag}failed:${m}`),
  };
}

test("apply: a new run is configured paused; equal settings send nothing; η alone reconfigures", () => {
  const { port, run } = setup();
  run.apply(DEFAULT_SETTINGS);
  assert.deepEqual(port.types(), ["configure"]);
  assert.match(JSON.stringify(port.sent[0]), /example\.test\/sub\/data\/mnist-10k-images/);
  run.apply({ ...DEFAULT_SETTINGS });
  assert.deepEqual(port.types(), ["configure"]);
  run.play();
  assert.equal(run.running, true);
  run.apply({ ...DEFAULT_SETTINGS, learningRate: 0.01 });
  assert.equal(run.running, true, "η on the same run keeps training");
  run.apply({ ...DEFAULT_SETTINGS, learningRate: 0.01, hidden: [3] });
  assert.equal(run.running, false, "a new network starts paused");
  // The worker stops by itself when it rebuilds: no pause is sent.
  assert.deepEqual(port.types(), ["configure", "play", "configure", "configure"]);
  run.apply(DEFAULT_SETTINGS, 200);
  assert.deepEqual(port.sent.at(-1)?.steps, 200);
});

test("subscribers hear settings, seeds and status; a snapshot is drawn over its frames, then drawn", () => {
  const { port, run } = setup();
  const log: string[] = [];
  const late: string[] = [];
  run.subscribe(logger(log, "0:"));
  run.subscribe({ snapshot: (s) => log.push(`1:snapshot:${s.step}`) }, { frame: 1 });
  run.subscribe({ snapshot: (s) => log.push(`2:snapshot:${s.step}`) }, { frame: 2 });
  assert.deepEqual(log, ["0:running:false", "0:status:Loading the network…"]);
  log.length = 0;
  run.apply(DEFAULT_SETTINGS, 20);
  assert.deepEqual(log, [
    "0:settings:circle",
    "0:seeds:load",
    "0:running:false",
    "0:status:Fast-forwarding to ste",
  ]);
  log.length = 0;
  port.receive({ type: "ready", curves: { z: [0], curves: [] } });
  port.receive(preview);
  port.receive({ type: "snapshot", snapshot: snapshot(20) });
  assert.deepEqual(log, ["0:curves", "0:configured:2,4,1"]);
  assert.equal(run.state?.step, 20);
  log.length = 0;
  // A second snapshot while the first waits for its frames is drawn after it, not dropped.
  port.receive({ type: "snapshot", snapshot: snapshot(21) });
  assert.equal(frame(), 1);
  assert.deepEqual(log, ["0:status:Epoch 2.00 (step 20) ·", "0:snapshot:20"]);
  assert.equal(frame(), 1);
  assert.equal(frame(), 1);
  assert.deepEqual(log.slice(2), ["1:snapshot:20", "2:snapshot:20"]);
  assert.ok(!port.types().includes("drawn"), "the newer snapshot is drawn before the handshake");
  frame();
  frame();
  frame();
  assert.deepEqual(
    port.types().filter((t) => t === "drawn"),
    ["drawn"],
  );
  assert.equal(frame(), 0, "nothing more to draw");

  // A subscriber that comes late is given the current state at once.
  run.subscribe(logger(late));
  assert.deepEqual(late, [
    "settings:circle",
    "curves",
    "configured:2,4,1",
    "snapshot:21",
    "running:false",
    "status:Epoch 2.10 (step 21) ·",
    "seeds:load",
  ]);
});

test("unsubscribe stops the calls; only the frames in use are requested", () => {
  const { port, run } = setup();
  const log: string[] = [];
  const stop = run.subscribe({ snapshot: (s) => log.push(`snapshot:${s.step}`) });
  run.apply(DEFAULT_SETTINGS);
  port.receive(preview);
  port.receive({ type: "snapshot", snapshot: snapshot(1) });
  assert.equal(frame(), 1);
  assert.equal(frame(), 0, "one frame when every subscriber draws in frame 0");
  assert.equal(port.types().at(-1), "drawn");
  stop();
  port.receive({ type: "snapshot", snapshot: snapshot(2) });
  frame();
  assert.deepEqual(log, ["snapshot:1"]);
});

test("Reset and New data announce their seeds; a new seed is a new run", () => {
  const { port, run } = setup();
  const events: string[] = [];
  run.apply(DEFAULT_SETTINGS);
  run.subscribe({ seeds: (s, e) => events.push(`${e}:${s.dataSeed}`) });
  run.reset();
  const next = run.newSeed("dataSeed");
  assert.ok(next && next.dataSeed !== DEFAULT_SETTINGS.dataSeed);
  assert.equal(run.settings?.dataSeed, next.dataSeed);
  assert.deepEqual(events, [
    `load:${DEFAULT_SETTINGS.dataSeed}`,
    `reset:${DEFAULT_SETTINGS.dataSeed}`,
    `load:${next.dataSeed}`,
    `new-data:${next.dataSeed}`,
  ]);
  assert.deepEqual(port.types(), ["configure", "reset", "configure"]);
});

test("a diverged snapshot keeps its status line when the worker then stops; a crash says Stopped", () => {
  const { port, run, notices } = setup();
  const log: string[] = [];
  run.apply(DEFAULT_SETTINGS);
  port.receive(preview);
  run.subscribe(logger(log));
  log.length = 0;
  port.receive({ type: "snapshot", snapshot: snapshot(7, Number.NaN) });
  port.receive({ type: "error", message: "training diverged" });
  frame();
  assert.deepEqual(log, [
    "diverged:7",
    "running:false",
    "failed:training diverged",
    "status:Epoch 0.70 (step 7) · ",
    "snapshot:7",
  ]);
  assert.deepEqual(notices, ["training diverged"]);

  const other = setup();
  const status: string[] = [];
  other.run.subscribe({ status: (t) => status.push(t) });
  other.port.fail("out of memory");
  assert.deepEqual(status, ["Loading the network…", "Stopped: out of memory"]);
  assert.deepEqual(other.notices, ["out of memory"]);
});

test("trace answers in order; dispose closes the channel and rejects what waits", async () => {
  const { port, run } = setup();
  run.apply(DEFAULT_SETTINGS);
  const first = run.trace({ set: "train", index: 0 });
  const second = run.trace({ set: "test", index: 3 });
  port.receive({ type: "trace-error", sample: { set: "train", index: 0 }, message: "too far" });
  await assert.rejects(first, /too far/);
  run.dispose();
  assert.equal(port.closed, true);
  await assert.rejects(second, /closed/);
  await assert.rejects(run.trace({ set: "train", index: 1 }), /closed/);
  port.receive({ type: "snapshot", snapshot: snapshot(1) });
  assert.equal(frame(), 0, "a closed run draws nothing");
});

test("drawn digits: predictions answer in order, a drawn digit is announced, confusion is counted", async () => {
  const { port, run } = setup();
  const changes: string[] = [];
  run.onChange((c) => changes.push(c));
  const first = run.predictDrawn(new Float32Array(784));
  const second = run.predictDrawn(new Float32Array(784));
  assert.deepEqual(port.types(), ["predict-drawn", "predict-drawn"]);
  port.receive({ type: "drawn-prediction", output: Float32Array.of(0.25, 0.75) });
  port.receive({ type: "drawn-prediction-error", message: "the network is not built yet" });
  assert.deepEqual([...(await first)], [0.25, 0.75]);
  await assert.rejects(second, /the network is not built yet/);
  // Two confusion cards: the worker is asked once, and told to stop when the last one goes.
  run.wantConfusion(true);
  run.wantConfusion(true);
  run.wantConfusion(false);
  assert.deepEqual(port.sent.slice(2), [{ type: "confusion", on: true }]);
  run.wantConfusion(false);
  assert.deepEqual(port.sent.slice(2), [
    { type: "confusion", on: true },
    { type: "confusion", on: false },
  ]);
  assert.equal(run.drawnDigit, null);
  const drawn = { set: "drawn", pixels: new Float32Array(784), target: 3 } as const;
  run.sendDrawnDigit(drawn);
  assert.equal(run.drawnDigit, drawn);
  assert.deepEqual(changes, ["drawn"]);
  const waiting = run.predictDrawn(new Float32Array(784));
  run.dispose();
  await assert.rejects(waiting, /closed/);
});
