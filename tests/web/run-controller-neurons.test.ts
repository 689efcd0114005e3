// RunController's issue-14 hooks (web/src/run/run-controller.ts) against a fake worker channel:
// the per-neuron maps are asked for while at least one view wants them (counted, one message per
// change), a hand-set parameter is sent and counted (RunState.edits, so a trace at the same step
// is asked afresh), and a view's settings change goes through the owner's changer when there is
// one; the neuron focus (web/src/run/neuron-focus.ts) is one per run and tells only changes.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FromWorker } from "../../web/src/model/protocol.js";
import { RunController } from "../../web/src/run/run-controller.js";
import { neuronFocus } from "../../web/src/run/neuron-focus.js";
import type { WorkerPort } from "../../web/src/runtime/worker-port.js";
import { DEFAULT_SETTINGS, type Settings } from "../../web/src/state/settings.js";

class FakePort implements WorkerPort {
  sent: Record<string, unknown>[] = [];
  private listener: ((data: unknown) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as Record<string, unknown>);
  }
  onMessage(listener: (data: unknown) => void): void {
    this.listener = listener;
  }
  onError(): void {}
  close(): void {}
  receive(message: FromWorker): void {
    this.listener?.(message);
  }
}

function setup() {
  const port = new FakePort();
  const run = new RunController({
    createPort: () => port,
    dataBaseUrl: "http://example.test/",
    notify: () => {},
  });
  return { port, run };
}

test("neuron maps: asked for while any view wants them, one message per change", () => {
  const { port, run } = setup();
  run.wantNeuronMaps(true);
  run.wantNeuronMaps(true);
  run.wantNeuronMaps(false);
  assert.deepEqual(port.sent, [{ type: "neuron-maps", on: true }]);
  run.wantNeuronMaps(false);
  assert.deepEqual(port.sent.at(-1), { type: "neuron-maps", on: false });
  run.wantNeuronMaps(false); // more off than on stays off, without a message
  assert.equal(port.sent.length, 2);
  run.wantNeuronMaps(true);
  assert.deepEqual(port.sent.at(-1), { type: "neuron-maps", on: true });
});

test("a hand-set parameter is sent and counted in the run's state", () => {
  const { port, run } = setup();
  run.apply(DEFAULT_SETTINGS);
  port.receive({
    type: "configured",
    layerSizes: [2, 3, 1],
    preview: {
      kind: "plane",
      train: { x: new Float32Array(2), labels: new Int32Array(1), values: new Float32Array(0) },
      test: { x: new Float32Array(2), labels: new Int32Array(1), values: new Float32Array(0) },
    },
  });
  assert.equal(run.state?.edits, 0);
  const change = { kind: "weight", layer: 2, row: 1, col: 0, value: -0.5 } as const;
  run.setParameter(change);
  assert.deepEqual(port.sent.at(-1), { type: "set-parameter", change });
  assert.equal(run.state?.edits, 1);
  run.dispose();
  run.setParameter(change);
  assert.equal(port.sent.filter((m) => m.type === "set-parameter").length, 1, "none after dispose");
});

test("a view's settings change: through the owner's changer, else applied", () => {
  const { port, run } = setup();
  run.apply(DEFAULT_SETTINGS);
  run.changeSettings({ features: ["x1", "x1sq"] });
  const last = port.sent.at(-1) as { type: string; settings: Settings };
  assert.equal(last.type, "configure");
  assert.deepEqual(last.settings.features, ["x1", "x1sq"]);
  const patches: Partial<Settings>[] = [];
  run.setSettingsChanger((p) => patches.push(p));
  const before = port.sent.length;
  run.changeSettings({ features: ["x2"] });
  assert.deepEqual(patches, [{ features: ["x2"] }]);
  assert.equal(port.sent.length, before, "the owner decides");
});

test("the neuron focus is one per run and tells its listeners only changes", () => {
  const a = setup().run;
  const b = setup().run;
  assert.equal(neuronFocus(a), neuronFocus(a));
  assert.notEqual(neuronFocus(a), neuronFocus(b));
  const heard: string[] = [];
  const stop = neuronFocus(a).listen((r) => heard.push(r ? `${r.layer}:${r.index}` : "none"));
  neuronFocus(a).set({ layer: 2, index: 1 });
  neuronFocus(a).set({ layer: 2, index: 1 });
  neuronFocus(a).set(null);
  neuronFocus(a).set(null);
  neuronFocus(b).set({ layer: 3, index: 1 });
  stop();
  neuronFocus(a).set({ layer: 2, index: 2 });
  assert.deepEqual(heard, ["2:1", "none"]);
  assert.deepEqual(neuronFocus(a).neuron, { layer: 2, index: 2 });
});
