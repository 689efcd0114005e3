// gs.features.apply and gs.datasets.withFeatures: the formulas, the same bits from both .wasm
// flavours (and the core's correctly rounded sin bits, as tests/core/features_test.cpp checks
// natively), the data set's other fields kept, and bad names and shapes refused by name.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { GradscopeError, init, sharedModule } from "./support/built-package.js";

const shared = sharedModule();

const bitsOf = (f32) => new Uint32Array(f32.buffer, f32.byteOffset, f32.length);

/** One float ulp apart at most (same sign). */
function withinOneUlp(a, b) {
  if (a === b) return true;
  const u = new Uint32Array(Float32Array.of(a, b).buffer);
  return Math.sign(a) === Math.sign(b) && Math.abs(u[0] - u[1]) <= 1;
}

describe("features", () => {
  test("names are the catalogue's, in its order", () => {
    const gs = shared.gs;
    assert.deepEqual(
      gs.features.names,
      gs.catalogue.features.map((f) => f.name),
    );
    assert.deepEqual(gs.features.names, ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]);
  });

  test("each row computes its formula, in the order named", () => {
    const gs = shared.gs;
    const m = 60;
    const x = new Float32Array(2 * m);
    for (let i = 0; i < x.length; ++i) x[i] = Math.fround(Math.sin(7.3 * i) * 2.7);
    const names = ["sinx2", "x1", "x1x2", "x2sq", "x1sq", "x2", "sinx1"];
    const out = gs.features.apply(x, names);
    assert.ok(out instanceof Float32Array);
    assert.equal(out.length, m * names.length);
    for (let j = 0; j < m; ++j) {
      const x1 = x[2 * j];
      const x2 = x[2 * j + 1];
      const row = out.subarray(j * 7, j * 7 + 7);
      assert.equal(row[1], x1);
      assert.equal(row[5], x2);
      assert.equal(row[2], Math.fround(x1 * x2)); // a float product: one rounding
      assert.equal(row[3], Math.fround(x2 * x2));
      assert.equal(row[4], Math.fround(x1 * x1));
      assert.ok(withinOneUlp(row[0], Math.fround(Math.sin(x2))), `sin ${x2}: ${row[0]}`);
      assert.ok(withinOneUlp(row[6], Math.fround(Math.sin(x1))), `sin ${x1}: ${row[6]}`);
    }
    // Plain arrays are accepted as Samples.
    assert.deepEqual(Array.from(gs.features.apply([0.5, -2], ["x2", "x1sq"])), [-2, 0.25]);
  });

  test("sin has the correctly rounded bits, the same from the SIMD and the scalar .wasm", async () => {
    // sin of these float32 inputs rounded to float32 (mpmath at 300 bits).
    const cases = [
      [0.5, 0x3ef57744],
      [-0.75, 0xbf2e7fe1],
      [1, 0x3f576aa4],
      [3, 0x3e1081c3],
      [-3.140625, 0xba7daa1f],
      [100, 0xbf01a12e],
      [12345.5, 0xbf5195c4],
    ];
    const x = Float32Array.from(cases.flatMap(([v]) => [v, -v]));
    const simd = await init({ flavour: "simd" });
    const scalar = await init({ flavour: "scalar" });
    const a = simd.features.apply(x, ["sinx1", "sinx2", "x1sq"]);
    const b = scalar.features.apply(x, ["sinx1", "sinx2", "x1sq"]);
    assert.deepEqual(bitsOf(a), bitsOf(b));
    cases.forEach(([v, bits], j) => {
      assert.equal(bitsOf(a)[3 * j], bits, `sin ${v}`);
      assert.equal(bitsOf(a)[3 * j + 1], (bits ^ 0x80000000) >>> 0, `sin ${-v}`);
    });
    // A grid as the playground uses, all seven features: bit for bit across flavours.
    const grid = new Float32Array(2 * 41 * 41);
    for (let i = 0; i < 41; ++i) {
      for (let j = 0; j < 41; ++j) {
        grid[2 * (41 * i + j)] = -1.2 + (2.4 * j) / 40;
        grid[2 * (41 * i + j) + 1] = -1.2 + (2.4 * i) / 40;
      }
    }
    const all = simd.features.names;
    assert.deepEqual(
      bitsOf(simd.features.apply(grid, all)),
      bitsOf(scalar.features.apply(grid, all)),
    );
  });

  test("bad names and samples are refused by name", () => {
    const gs = shared.gs;
    const x = [0.1, 0.2, 0.3, 0.4];
    const refuses = (f, message) =>
      assert.throws(f, (e) => {
        assert.ok(e instanceof GradscopeError, String(e));
        assert.match(e.message, message);
        return true;
      });
    refuses(
      () => gs.features.apply(x, ["x1", "x3"]),
      /^unknown feature 'x3' \(valid: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2\)$/,
    );
    refuses(
      () => gs.features.apply(x, ["sinx1", "x2", "sinx1"]),
      /^feature 'sinx1' is named twice$/,
    );
    refuses(() => gs.features.apply(x, []), /^the feature list is empty; name at least one$/);
    refuses(() => gs.features.apply(x, "x1"), /^feature names must be an array/);
    refuses(() => gs.features.apply(x, ["x1", 2]), /^feature names\[1\] 2 must be a name/);
    refuses(
      () => gs.features.apply([0.1, 0.2, 0.3], ["x1"]),
      /x has length 3, not a multiple of the width 2/,
    );
    refuses(
      () => gs.features.apply([0.1, NaN], ["x1"]),
      /^sample 0 is not finite \(x1 = 0.1\d*, x2 = nan\)$/,
    );
    refuses(() => gs.features.apply([1e20, 0], ["x1sq"]), /^feature x1sq of sample 0 overflows/);
    refuses(
      () => gs.features.apply([0, 3e6], ["sinx2"]),
      /^feature sinx2 needs \|x2\| <= 2\^20; sample 0 has x2 = 3000000$/,
    );
  });
});

describe("datasets.withFeatures", () => {
  test("replaces x by the features and keeps y, labels and problem (as copies)", () => {
    const gs = shared.gs;
    const data = gs.datasets.synthetic("circle", { n: 30, noise: 0.1, seed: 4, outputWidth: 2 });
    const names = ["x1", "x2", "x1sq", "x2sq"];
    const f = gs.datasets.withFeatures(data, names);
    assert.equal(f.inputWidth, 4);
    assert.equal(f.n, 30);
    assert.equal(f.outputWidth, 2);
    assert.deepEqual(f.x, gs.features.apply(data.x, names));
    assert.deepEqual(f.y, data.y);
    assert.deepEqual(f.labels, data.labels);
    assert.notEqual(f.y, data.y);
    assert.notEqual(f.labels, data.labels);
    assert.equal(f.problem, data.problem);
    // A network on the features trains on it like on any data set.
    const net = shared.network({ layers: [4, 2], output: "softmax", cost: "log-likelihood" });
    const [report] = net.train(f.x, f.y, { epochs: 1, batchSize: 5 });
    assert.ok(Number.isFinite(report.train.loss));
    // A data set built by hand, without problem, is a classification set (as checkDataset reads it).
    const hand = {
      x: Float32Array.of(0.5, -1),
      y: Float32Array.of(1),
      labels: Int32Array.of(1),
      n: 1,
      inputWidth: 2,
      outputWidth: 1,
    };
    const g = gs.datasets.withFeatures(hand, ["x1x2"]);
    assert.deepEqual(Array.from(g.x), [-0.5]);
    assert.equal(g.problem, "classification");
    // A regression set keeps its problem and its empty labels.
    const plane = gs.datasets.synthetic("plane", { n: 12, seed: 2 });
    const p = gs.datasets.withFeatures(plane, ["x1sq", "x1x2", "sinx2"]);
    assert.equal(p.problem, "regression");
    assert.equal(p.labels.length, 0);
    assert.equal(p.inputWidth, 3);
    assert.deepEqual(p.y, plane.y);
    // An empty set (a test split of 0) still has its names checked.
    const empty = {
      ...hand,
      x: new Float32Array(0),
      y: new Float32Array(0),
      labels: new Int32Array(0),
      n: 0,
    };
    assert.equal(gs.datasets.withFeatures(empty, ["sinx1", "x2"]).inputWidth, 2);
    assert.throws(() => gs.datasets.withFeatures(empty, ["nope"]), /unknown feature 'nope'/);
  });

  test("refuses inputs other than (x1, x2) and bad names", () => {
    const gs = shared.gs;
    const image = {
      x: new Float32Array(6),
      y: Float32Array.of(1, 0),
      labels: Int32Array.of(0, 1),
      n: 2,
      inputWidth: 3,
      outputWidth: 1,
    };
    assert.throws(
      () => gs.datasets.withFeatures(image, ["x1"]),
      /^GradscopeError: withFeatures needs 2-D inputs \(x₁, x₂\); this data set has inputWidth 3$/,
    );
    const data = gs.datasets.synthetic("xor", { n: 10 });
    assert.throws(
      () => gs.datasets.withFeatures(data, ["x1", "x1"]),
      /feature 'x1' is named twice/,
    );
    assert.throws(
      () => gs.datasets.withFeatures({ ...data, n: 9 }, ["x1"]),
      /data.x has 20 values, expected n × 2 = 18/,
    );
  });
});
