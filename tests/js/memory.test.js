// Memory: dispose() frees a network, 10,000 create/train/dispose cycles keep the wasm heap
// bounded, and the FinalizationRegistry frees networks that were dropped without dispose().
import assert from "node:assert/strict";
import { test } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";

import { init } from "./support/built-package.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

test("10,000 small networks created, trained and disposed: the heap stays put", async () => {
  const gs = await init();
  const d = gs.datasets.synthetic("xor", { n: 20, seed: 1 });
  const cycle = (i) => {
    const net = gs.createNetwork({ layers: [2, 4, 1], hidden: "tanh", seed: i });
    net.train(d.x, d.y, { epochs: 1, batchSize: 5 });
    net.diagnostics(d.x, d.y);
    net.dispose();
  };
  for (let i = 0; i < 10; ++i) cycle(i); // first-use allocations (embind's type tables) happen here
  const start = gs.memory();
  for (let i = 0; i < 10_000; ++i) cycle(i);
  const end = gs.memory();
  assert.equal(end.heapBytes, start.heapBytes, "the heap grew");
  assert.equal(end.usedBytes, start.usedBytes, "malloc bytes in use changed: a leak");
});

test("a network dropped without dispose() is freed by the FinalizationRegistry", async () => {
  const gs = await init();
  const before = gs.memory().usedBytes;
  (() => {
    for (let i = 0; i < 20; ++i) gs.createNetwork({ layers: [100, 100, 10], seed: i });
  })();
  const held = gs.memory().usedBytes;
  assert.ok(held - before > 20 * 100 * 100 * 4, `20 networks hold ${held - before} bytes`);
  for (let i = 0; i < 100 && gs.memory().usedBytes !== before; ++i) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.equal(gs.memory().usedBytes, before);
});

test("results stay right when the heap grows between calls", async () => {
  const gs = await init();
  const net = gs.createNetwork({ layers: [2, 5, 2], seed: 4 });
  const x = Float32Array.from([0.1, 0.2, -0.3, 0.4]);
  const before = net.predict(x);
  const params = net.getParameters(2);
  const heap = gs.memory().heapBytes;
  // 2000 × 3000 floats = 24 MB of weights: more than the initial 16 MB heap.
  const big = gs.createNetwork({ layers: [3000, 2000, 1], seed: 1 });
  assert.ok(gs.memory().heapBytes > heap, "the heap should have grown");
  assert.deepEqual(net.predict(x), before);
  assert.deepEqual(net.getParameters(2), params);
  assert.equal(big.getParameters(2).weights.length, 6_000_000);
  big.dispose();
  net.dispose();
});
