// How the training worker splits an update into chunks (web/src/model/chunk-plan.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { init } from "gradscope";
import {
  BatchCost,
  CHUNK_BUDGET_MS,
  chunkLimit,
  nextChunk,
} from "../../web/src/model/chunk-plan.js";

test("chunkLimit: as many mini-batches as fit the budget, at least one", () => {
  assert.equal(chunkLimit(undefined), 1, "unmeasured: one mini-batch, which measures the cost");
  assert.equal(chunkLimit(10, 40), 4);
  assert.equal(chunkLimit(15, 40), 2);
  assert.equal(chunkLimit(80, 40), 1, "a batch slower than the budget: one per chunk");
  assert.equal(chunkLimit(0.001, 40), 40000);
  assert.equal(chunkLimit(0, 40), Number.MAX_SAFE_INTEGER);
  assert.equal(chunkLimit(NaN), 1);
  assert.equal(chunkLimit(-1), 1);
  assert.equal(chunkLimit(CHUNK_BUDGET_MS / 3), 3);
});

test("nextChunk: an update of 500 slow mini-batches is 500 chunks; of fast ones, a few", () => {
  const chunks = (total: number, msPerBatch: number | undefined, budget = 40): number[] => {
    const out: number[] = [];
    for (let left = total; left > 0;) {
      const n = nextChunk(left, out.length === 0 ? undefined : msPerBatch, budget);
      assert.ok(n >= 1 && n <= left);
      out.push(n);
      left -= n;
    }
    return out;
  };
  // speed=500&batchSize=500 on a 10×100 MNIST network: ~60 ms a mini-batch.
  assert.deepEqual(chunks(500, 60), Array(500).fill(1));
  assert.deepEqual(chunks(500, 0.1), [1, 400, 99]);
  assert.deepEqual(chunks(3, 0.01), [1, 2]);
  assert.equal(nextChunk(0, 5), 0, "an update with nothing left");
  assert.throws(() => nextChunk(-1, 5), RangeError);
  assert.throws(() => nextChunk(2.5, 5), RangeError);
});

test("BatchCost: a running average of measured chunks, forgotten on demand", () => {
  const cost = new BatchCost();
  assert.equal(cost.msPerBatch, undefined);
  cost.record(4, 40); // 10 ms each
  assert.equal(cost.msPerBatch, 10);
  cost.record(2, 60); // 30 ms each
  assert.equal(cost.msPerBatch, 20);
  cost.record(0, 100); // nothing trained: no sample
  cost.record(1, NaN);
  assert.equal(cost.msPerBatch, 20);
  cost.forget();
  assert.equal(cost.msPerBatch, undefined);
});

test("chunking trains the same mini-batches in the same order: identical parameters", async () => {
  const gs = await init();
  const data = gs.datasets.synthetic("spiral", { n: 300, noise: 0.1, seed: 7 });
  const train = (chunkSizes: number[]) => {
    const net = gs.createNetwork({ layers: [2, 8, 8, 1], hidden: "tanh", seed: 3 });
    const trainer = net.createTrainer(data.x, data.y, { batchSize: 7, learningRate: 0.3, seed: 5 });
    for (const n of chunkSizes) trainer.steps(n);
    const json = JSON.stringify(net.toJSON());
    trainer.dispose();
    net.dispose();
    return json;
  };
  // 103 mini-batches (past two epochs of 43) in one call, and as the worker would chunk them.
  const chunks: number[] = [];
  const costs = [undefined, 3, 12, 1, 50, 0.5];
  for (let left = 103, i = 0; left > 0; i++) {
    const n = nextChunk(left, costs[i % costs.length], 10);
    chunks.push(n);
    left -= n;
  }
  assert.ok(chunks.length > 5, `${chunks}`);
  assert.equal(train(chunks), train([103]));
  assert.notEqual(train([102]), train([103]), "the comparison sees a single mini-batch");
});
