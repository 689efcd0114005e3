// The MNIST lab's pure parts: the named training settings and their URL key, how the networks are
// shared out over workers, the colours of the two chart families, and the conclusions drawn from
// a run (web/src/lab/vanishing-{state,split,colours,conclusions}.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { VanishingPoint } from "gradscope";
import {
  catchUpEpoch,
  runConclusions,
  slowerText,
} from "../../web/src/lab/vanishing-conclusions.js";
import { hiddenLayerStyle, variantColour } from "../../web/src/lab/vanishing-colours.js";
import { VanishingResults } from "../../web/src/lab/vanishing-results.js";
import { assignVariants, splitSamples, workerCount } from "../../web/src/lab/vanishing-split.js";
import {
  DEFAULT_VANISHING,
  experimentConfig,
  trainingSettingOf,
  TRAINING_SETTINGS,
  VANISHING_TABLE,
} from "../../web/src/lab/vanishing-state.js";
import { VANISHING_VARIANTS } from "../../web/src/lab/vanishing-variants.js";
import { parseParams, writeParams } from "../../web/src/state/url-table.js";

test("the book's training is named apart from the speed figure, and reaches the worker", () => {
  const byId = Object.fromEntries(TRAINING_SETTINGS.map((t) => [t.id, t]));
  assert.deepEqual(byId.book?.values, {
    labSamples: 9000,
    labEpochs: 30,
    labBatch: 10,
    labRate: 0.1,
    labL2: 5,
  });
  assert.deepEqual(byId["speed-figure"]?.values, {
    labSamples: 1000,
    labEpochs: 500,
    labBatch: 1000,
    labRate: 0.1,
    labL2: 5,
  });
  assert.notEqual(byId.book?.name, byId["speed-figure"]?.name);
  assert.equal(trainingSettingOf(DEFAULT_VANISHING)?.id, "quick");
  const book = { ...DEFAULT_VANISHING, ...byId.book?.values };
  assert.equal(trainingSettingOf(book)?.id, "book");
  assert.equal(trainingSettingOf({ ...book, labEpochs: 2 }), undefined);
  const config = experimentConfig(book);
  assert.equal(config.samples, 9000);
  assert.equal(config.testSamples, 1000);
  const params = new URLSearchParams();
  writeParams(VANISHING_TABLE, book, params);
  assert.equal(params.get("labSamples"), "9000");
  assert.deepEqual(parseParams(VANISHING_TABLE, DEFAULT_VANISHING, params).value, book);
  assert.match(
    parseParams(VANISHING_TABLE, DEFAULT_VANISHING, new URLSearchParams("labSamples=9001"))
      .problems[0] ?? "",
    /labSamples/,
  );
});

test("9,000 + 1,000 of the bundled 10,000 digits are used as asked; small files split in half", () => {
  assert.deepEqual(splitSamples(10000, 9000, 1000), { samples: 9000, testSamples: 1000 });
  assert.deepEqual(splitSamples(10000, 1000, 1000), { samples: 1000, testSamples: 1000 });
  assert.deepEqual(splitSamples(1200, 1000, 1000), { samples: 600, testSamples: 600 });
  assert.deepEqual(splitSamples(3, 1000, 1000), { samples: 1, testSamples: 2 });
});

test("one worker per core, never more than networks; every network in exactly one share", () => {
  assert.equal(workerCount(2, 5), 2);
  assert.equal(workerCount(16, 5), 5);
  assert.equal(workerCount(undefined, 5), 1);
  assert.equal(workerCount(0, 3), 1);
  const ids = VANISHING_VARIANTS.map((v) => v.id);
  for (let w = 1; w <= 6; ++w) {
    const shares = assignVariants(ids, workerCount(w, ids.length));
    assert.equal(shares.length, Math.min(w, ids.length));
    assert.deepEqual(shares.flat().sort(), [...ids].sort());
    const sizes = shares.map((s) => s.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${sizes}`);
  }
});

test("one colour meaning per chart family: networks keep theirs, layers never use one", () => {
  const ids = VANISHING_VARIANTS.map((v) => v.id);
  const networkColours = ids.map(variantColour);
  assert.equal(new Set(networkColours).size, ids.length, "each network its own colour");
  const layerColours = Array.from({ length: 8 }, (_, l) => hiddenLayerStyle(l + 1));
  for (const c of layerColours) assert.ok(!networkColours.includes(c.stroke), c.stroke);
  const distinct = new Set(layerColours.map((c) => `${c.stroke}${c.dash ? "-" : ""}`));
  assert.equal(distinct.size, 8, "eight hidden layers look different");
  assert.throws(() => variantColour("nonsense"));
});

const point = (epoch: number, speeds: number[], acc: number): VanishingPoint => ({
  epoch,
  speeds,
  train: { loss: 1, accuracy: acc },
  test: { loss: 1, accuracy: acc },
});

test("conclusions come from the run's numbers, and none before it", () => {
  const r = new VanishingResults(["book", "relu-he"]);
  assert.deepEqual(runConclusions(r, 4), []);
  r.add("book", point(0, [0.00235, 0.0113, 0.0404, 0.229], 0.085));
  r.add("book", point(1, [7e-5, 3.6e-4, 2e-3, 8e-3], 0.11));
  r.add("book", point(2, [0.068, 0.17, 0.11, 0.061], 0.758));
  r.add("relu-he", point(0, [0.43, 0.66, 0.91, 1.2], 0.1));
  const said = runConclusions(r, 4);
  assert.equal(said.length, 2);
  assert.equal(
    said[0],
    "sigmoid, N(0, 1/n_in) (the book): in this run at initialisation hidden layer 1 learned 97.45× slower than " +
      "hidden layer 4; after epoch 2 hidden layer 1 learned 1.115× faster than hidden layer 4; the first layer " +
      "came within 10× of the last at epoch 2; held-out accuracy went from 8.5% to 75.8%.",
  );
  assert.match(
    said[1] ?? "",
    /^ReLU \+ He init: in this run at initialisation hidden layer 1 learned 2\.791× slower/,
  );
  assert.equal(catchUpEpoch(r.of("book"), 4), 2);
  assert.equal(slowerText(1, 1.01), "about as fast as");
  assert.equal(slowerText(0, 1), null);
});
