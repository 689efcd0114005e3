// The backprop view's sample: the URL key `sample` (web/src/backprop/sample-key.ts), its range
// check against a run's sets, the words for a sample, and the 2-D picker's geometry
// (point-pick.ts) and captions (backprop-caption.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import {
  indexLabel,
  snapshotCaption,
  waitingCaption,
  pointsLegend,
} from "../../web/src/backprop/backprop-caption.js";
import { CLASS_COLOURS, OKABE_ITO } from "../../web/src/views/palette.js";
import { nearestPoint, plotExtent, toCanvas, toInput } from "../../web/src/backprop/point-pick.js";
import {
  checkSampleRange,
  describeSample,
  formatSample,
  parseSampleKeys,
  SAMPLE_DEFAULTS,
  sampleKind,
  writeSampleKeys,
} from "../../web/src/backprop/sample-key.js";
import { dataSource } from "../../web/src/state/data-sources.js";
import { tableKeys } from "../../web/src/state/url-table.js";
import { SAMPLE_TABLE } from "../../web/src/backprop/sample-key.js";

test("no sample= key: training sample 0, no problem", () => {
  assert.deepEqual(parseSampleKeys(new URLSearchParams("dataset=xor")), {
    value: { sample: { set: "train", index: 0 } },
    problems: [],
  });
  assert.deepEqual(tableKeys(SAMPLE_TABLE), ["sample"]);
});

test("train:i and test:i round-trip through the URL; train:0 is left out; other keys stay", () => {
  for (const set of ["train", "test"] as const)
    for (const index of [0, 1, 12, 999, 9_999_999]) {
      const p = new URLSearchParams("view=backprop&steps=500");
      writeSampleKeys({ sample: { set, index } }, p);
      assert.deepEqual(parseSampleKeys(p), { value: { sample: { set, index } }, problems: [] });
      assert.equal(p.has("sample"), !(set === "train" && index === 0));
      if (p.has("sample")) assert.equal(p.get("sample"), `${set}:${index}`);
      assert.equal(p.get("steps"), "500");
      assert.equal(formatSample({ set, index }), `${set}:${index}`);
    }
});

test("a malformed sample= is named in its problem and train:0 is used", () => {
  for (const bad of [
    "",
    "train",
    "train:",
    "train:-1",
    "train:1.5",
    "train:1e3",
    "Train:1",
    "valid:3",
    "test:12345678",
    "test: 3",
    "test:3:4",
    "<img src=x>",
  ]) {
    const { value, problems } = parseSampleKeys(new URLSearchParams({ sample: bad }));
    assert.deepEqual(value, SAMPLE_DEFAULTS, bad);
    assert.equal(problems.length, 1, bad);
    assert.ok(
      problems[0]?.startsWith(
        `sample: ${JSON.stringify(bad)} is not train:<index> or test:<index>`,
      ),
      problems[0],
    );
    assert.match(problems[0] ?? "", /default used$/);
  }
  assert.ok(sampleKind.parse("test:0007") instanceof Object);
  assert.deepEqual(sampleKind.parse("test:0007"), { set: "test", index: 7 });
});

test("the range check names the value and the set's range, for every data set's preset sizes", () => {
  for (const d of catalogue.datasets) {
    const samples = dataSource(d.name).preset.samples;
    const sizes = { train: Math.round(samples / 2), test: samples - Math.round(samples / 2) };
    for (const set of ["train", "test"] as const) {
      const last = sizes[set] - 1;
      assert.equal(checkSampleRange({ set, index: 0 }, sizes), null);
      assert.equal(checkSampleRange({ set, index: last }, sizes), null);
      const problem = checkSampleRange({ set, index: last + 1 }, sizes);
      const word = set === "train" ? "training" : "test";
      assert.equal(
        problem,
        `sample: ${set}:${last + 1} is out of range (${word} samples: 0 … ${last}); train:0 used`,
      );
    }
  }
  assert.match(checkSampleRange({ set: "test", index: 0 }, { train: 5, test: 0 }) ?? "", /none/);
});

test("a sample's words: set, index and its class (2-D sets) or digit (images)", () => {
  for (const d of catalogue.datasets) {
    const noun = d.kind === "image" ? "digit" : "class";
    assert.equal(
      describeSample({ set: "train", index: 12 }, 1, d.kind),
      `training sample 12 (${noun} 1)`,
    );
    assert.equal(describeSample({ set: "test", index: 3 }, 7, d.kind), `test sample 3 (${noun} 7)`);
  }
});

test("the picker's plot: a square holding every point, and the nearest point to a click", () => {
  const x = Float32Array.from([0, 0, 1, 1, -1.2, 0.5, 2, -2]);
  assert.equal(plotExtent(Float32Array.from([0.5, -1])), 1.5); // at least ±1.5
  const e = plotExtent(x, Float32Array.from([0.1, 0.1]));
  assert.ok(e >= 2 && e <= 2.2, String(e));
  assert.equal(plotExtent(Float32Array.from([NaN, 1])), 1.5);
  assert.equal(nearestPoint(x, 0.1, -0.1), 0);
  assert.equal(nearestPoint(x, 0.9, 1.3), 1);
  assert.equal(nearestPoint(x, -3, 1), 2);
  assert.equal(nearestPoint(x, 5, -5), 3);
  assert.equal(nearestPoint(new Float32Array(0), 0, 0), -1);
  // Canvas ↔ input space: x2 grows upwards, and the two maps are inverses.
  assert.deepEqual(toInput(0, 0, 200, 2), [-2, 2]);
  assert.deepEqual(toInput(200, 200, 200, 2), [2, -2]);
  for (const [a, b] of [
    [0.3, -1.1],
    [-2, 2],
    [1.5, 0],
  ] as const) {
    const [px, py] = toCanvas(a, b, 220, 2.5);
    const [u, v] = toInput(px, py, 220, 2.5);
    assert.ok(Math.abs(u - a) < 1e-12 && Math.abs(v - b) < 1e-12);
  }
});

test("captions: the snapshot's step, the sample and the update's η, λ and n", () => {
  const base = { step: 1500, sampleLabel: "test sample 3 (digit 7)", learningRate: 0.1, n: 2000 };
  // Non-breaking spaces keep each symbol with its value (and "sample" with its number).
  const nb = (s: string) => s.replace(/~/g, "\u00a0");
  assert.equal(
    snapshotCaption({ ...base, l2: 0 }),
    nb(
      "Snapshot after 1,500~mini-batches (training paused) · test sample~3 " +
        "(digit~7) · update with η~=~0.1, no L2 (λ~=~0)",
    ),
  );
  assert.ok(
    snapshotCaption({ ...base, l2: 5 }).endsWith(
      nb("update with η~=~0.1, λ~=~5, n~=~2,000~training samples"),
    ),
  );
  assert.match(snapshotCaption({ ...base, step: 1, l2: 0 }), /^Snapshot after 1\u00a0mini-batch /);
  assert.match(
    snapshotCaption({ ...base, step: 0, l2: 0 }),
    /^Snapshot after 0\u00a0mini-batches /,
  );
  assert.equal(indexLabel("train", 200), "Index in the training set (0 … 199)");
  assert.equal(indexLabel("test", 1), "Index in the test set (0 … 0)");
  for (const reason of ["loading", "tracing", "new-run", "training"] as const)
    assert.ok(waitingCaption(reason).length > 10);
});

test("the 2-D picker's key names each class's colour in words, as the palette draws it", () => {
  const key = pointsLegend();
  const dots = key.filter((k) => k.shape === "dot");
  assert.deepEqual(
    dots.map((k) => k.colour),
    [CLASS_COLOURS.zero, CLASS_COLOURS.one],
  );
  for (const [i, k] of dots.entries()) {
    const name = Object.entries(OKABE_ITO).find(([, c]) => c === k.colour)?.[0];
    assert.equal(k.text, `class ${i} (${name})`);
  }
  assert.ok(key.some((k) => k.shape === "ring" && /traced sample/.test(k.text)));
});
