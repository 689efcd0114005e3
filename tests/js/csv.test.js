// gs.datasets.fromCSV (issue 14): the learner's own points from CSV text. Malformed text of every
// kind is refused with a GradscopeError naming the line and the column; good text round-trips.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { GradscopeError, sharedModule } from "./support/built-package.js";
import { CSV_MAX_CHARS, CSV_MAX_ROWS, fromCSV } from "../../wasm/dist/index.js";

const shared = sharedModule();
const classes = { problem: "classification" };
const values = { problem: "regression" };

/** Asserts fromCSV(text, options) throws a GradscopeError naming `line` and `column`. */
function refusedAt(text, options, line, column, pattern) {
  assert.throws(
    () => shared.gs.datasets.fromCSV(text, options),
    (e) => {
      assert.ok(e instanceof GradscopeError, `not a GradscopeError: ${e?.name}: ${e?.message}`);
      assert.ok(
        e.message.includes(`line ${line}, column ${column}:`),
        `"${e.message}" should name line ${line}, column ${column}`,
      );
      if (pattern) assert.match(e.message, pattern);
      assert.ok(e.message.length <= 300, `message of ${e.message.length} chars`);
      return true;
    },
  );
}

/** Asserts a GradscopeError matching `pattern` (the refusals that are not about a line). */
function refused(text, options, pattern) {
  assert.throws(
    () => shared.gs.datasets.fromCSV(text, options),
    (e) => e instanceof GradscopeError && pattern.test(e.message),
  );
}

/** Rows of `n` points: x1 = i/n, x2 = −i/n, label i mod 3. */
function rows(n) {
  return Array.from({ length: n }, (_, i) => `${i / n},${-i / n},${i % 3}`).join("\n");
}

describe("fromCSV refuses malformed text, naming the line and column", () => {
  const cases = [
    ["a missing column", "0.1,0.2,0\n0.3,0.4\n", classes, 2, 3, /label is missing/],
    ["a missing value column", "x1,x2,value\n0.1\n", values, 2, 2, /x2 is missing/],
    ["an extra column", "0.1,0.2,0\n0.3,0.4,1,7\n", classes, 2, 4, /extra column "7"/],
    ["a trailing comma", "0.1,0.2,1,\n0.3,0.4,0\n", classes, 1, 4, /extra column ""/],
    ["text in a number", "0.1,0.2,0\n0.5,abc,1\n", classes, 2, 2, /"abc" is not a number/],
    ["an empty field", "0.1,,0\n0.3,0.4,1\n", classes, 1, 2, /x2 is empty/],
    ["NaN", "0.1,0.2,0\nNaN,0.4,1\n", classes, 2, 1, /"NaN" is not a number/],
    ["Infinity", "0.1,0.2,0\n0.3,Infinity,1\n", classes, 2, 2, /"Infinity" is not a number/],
    ["-Infinity as a value", "0.1,0.2,-Infinity\n", values, 1, 3, /not a number \(value\)/],
    ["1e999 (overflows)", "0.1,0.2,0\n1e999,0.4,1\n", classes, 2, 1, /too large/],
    ["4e38 (beyond float32)", "0.1,0.2,4e38\n", values, 1, 3, /too large for a 32-bit float/],
    ["a hexadecimal number", "0x10,0.2,0\n0.1,0.2,1\n", classes, 1, 1, /"0x10" is not a number/],
    ["a Unicode minus", "0.1,0.2,0\n−0.5,0.2,1\n", classes, 2, 1, /"−0.5" is not a number/],
    ["a decimal comma (semicolons)", "0,5;0,3;1\n", classes, 1, 2, /not a number/],
    ["quotes", 'x1,x2,label\n"0.1",0.2,0\n0.3,0.4,1\n', classes, 2, 1, /quotes are not supported/],
    ["empty text", "", classes, 1, 1, /no data rows/],
    ["blank lines only", "\n  \n\n", values, 4, 1, /no data rows/],
    ["a header only", "x1,x2,label\n", classes, 2, 1, /no data rows after the header on line 1/],
    ["a header of two columns", "x1,x2\n0.1,0.2\n", values, 1, 3, /header has 2 columns/],
    ["a negative label", "0.1,0.2,0\n0.3,0.4,-1\n", classes, 2, 3, /label "-1" is not a class/],
    ["a non-integer label", "0.1,0.2,0\n0.3,0.4,1.5\n", classes, 2, 3, /"1.5" is not a class/],
    ["too many classes", "0.1,0.2,0\n0.3,0.4,6\n", classes, 2, 3, /0 … 5 \(at most 6 classes\)/],
    [
      "a label beyond `classes`",
      "0,0,0\n0,1,1\n1,1,2\n",
      { ...classes, classes: 2 },
      3,
      3,
      /0 … 1/,
    ],
    ["one class only", "x1,x2,label\n0.1,0.2,0\n0.3,0.4,0\n", classes, 2, 3, /every label is 0/],
    [
      "a point outside the extent",
      "0.1,0.2,0\n1.6,0.2,1\n",
      { ...classes, extent: 1.5 },
      2,
      1,
      /x1 1.6 is outside/,
    ],
    ["a carriage return inside a line", "0.1,0.2\r,0\n", classes, 1, 2, /carriage return/],
    ["a tab-separated file", "0.1\t0.2\t0\n", classes, 1, 2, /header has 1 column;.*not tabs/],
    [
      "a semicolon row",
      "0.1,0.2,0\n0.3;0.4;1\n",
      classes,
      2,
      2,
      /x2 is missing \(1 column;.*not semicolons/,
    ],
  ];
  for (const [what, text, options, line, column, pattern] of cases) {
    test(what, () => refusedAt(text, options, line, column, pattern));
  }

  test("blank lines are skipped but counted: an error after them names its own line", () => {
    refusedAt("x1,x2,label\n\n0.1,0.2,0\n\n  \n0.3,zz,1\n", classes, 6, 2, /"zz"/);
    refusedAt("0.1,0.2,0\r\n\r\n0.3,0.4,x\r\n", classes, 3, 3, /"x" is not a number/);
  });

  test(`more than ${CSV_MAX_ROWS} rows: refused at the first row over the cap`, () => {
    refusedAt(
      `x1,x2,label\n${rows(CSV_MAX_ROWS + 1)}`,
      classes,
      CSV_MAX_ROWS + 2,
      1,
      /more than 10,000 rows/,
    );
  });

  test(`more than ${CSV_MAX_CHARS} characters: refused before reading, where the cap falls`, () => {
    // 1,000,001 characters: the cap falls on the last line, in its first column.
    const line = "0.25,0.5,1\n"; // 11 characters
    const count = Math.ceil((CSV_MAX_CHARS + 1) / line.length);
    const text = line.repeat(count).slice(0, CSV_MAX_CHARS + 1);
    const capLine = Math.floor(CSV_MAX_CHARS / line.length) + 1;
    const capColumn =
      (CSV_MAX_CHARS % line.length > 4 ? 2 : 1) + (CSV_MAX_CHARS % line.length > 8 ? 1 : 0);
    refusedAt(text, classes, capLine, capColumn, /past 1,000,000 characters/);
  });

  test("what is not text or not a known option names the bad value", () => {
    refused(42, classes, /text must be a string, got 42/);
    refused(new Uint8Array(3), classes, /text must be a string, got a Uint8Array of 3 values/);
    refused(null, classes, /got null/);
    refused("0,0,0\n1,1,1", undefined, /needs options \{ problem/);
    refused(
      "0,0,0\n1,1,1",
      { problme: "classification" },
      /unknown option 'problme'.*did you mean 'problem'/,
    );
    refused("0,0,0\n1,1,1", { problem: "clasification" }, /problem 'clasification' is unknown/);
    refused("0,0,0\n1,1,1", {}, /problem is missing/);
    refused("0,0,0\n1,1,1", { ...classes, classes: 7 }, /classes 7 must be an integer in \[2, 6\]/);
    refused("0,0,0\n1,1,1", { ...values, classes: 2 }, /classes is for classification/);
    refused(
      "0,0,0\n1,1,1",
      { ...values, outputWidth: 2 },
      /outputWidth 2 must be 1 for regression/,
    );
    refused("0,0,0\n1,1,2", { ...classes, outputWidth: 2 }, /outputWidth 2 does not fit 3 classes/);
    refused("0,0,0\n1,1,1", { ...classes, extent: -1 }, /extent -1 must be a finite number > 0/);
  });
});

describe("fromCSV reads good text exactly", () => {
  test("two classes: header optional, BOM and CRLF accepted, one 0/1 output", () => {
    const plain = fromCSV("0.5,-0.25,1\n-1,0.75,0\n", classes);
    const dressed = fromCSV("\uFEFFx1, x2 ,label\r\n 0.5 ,-0.25,1\r\n\r\n-1,0.75,0", classes);
    for (const d of [plain, dressed]) {
      assert.equal(d.problem, "classification");
      assert.equal(d.n, 2);
      assert.equal(d.inputWidth, 2);
      assert.equal(d.outputWidth, 1);
      assert.deepEqual([...d.x], [0.5, -0.25, -1, 0.75]);
      assert.deepEqual([...d.y], [1, 0]);
      assert.deepEqual([...d.labels], [1, 0]);
    }
  });

  test("K classes: one-hot targets; `classes` may leave classes absent; outputWidth 2 for two", () => {
    const three = fromCSV("0,0,2\n0,1,0\n1,1,1\n", classes);
    assert.equal(three.outputWidth, 3);
    assert.deepEqual([...three.y], [0, 0, 1, 1, 0, 0, 0, 1, 0]);
    const wide = fromCSV("0,0,0\n0,1,0\n", { ...classes, classes: 4 });
    assert.equal(wide.outputWidth, 4);
    assert.deepEqual([...wide.labels], [0, 0]);
    const softmax = fromCSV("0,0,0\n0,1,1\n", { ...classes, outputWidth: 2 });
    assert.deepEqual([...softmax.y], [1, 0, 0, 1]);
  });

  test("regression: labels empty, one output holding the value", () => {
    const d = fromCSV("x1,x2,value\n0.1,0.2,3.5\n-0.3,0.4,-1e-3\n", values);
    assert.equal(d.problem, "regression");
    assert.equal(d.outputWidth, 1);
    assert.equal(d.labels.length, 0);
    assert.deepEqual([...d.y], [Math.fround(3.5), Math.fround(-1e-3)]);
  });

  test("round trip: points written as CSV read back bit for bit, at the row cap too", () => {
    const n = CSV_MAX_ROWS;
    const d = fromCSV(`x1,x2,label\n${rows(n)}\n`, classes);
    assert.equal(d.n, n);
    assert.equal(d.outputWidth, 3);
    const text = Array.from(
      { length: d.n },
      (_, i) => `${d.x[2 * i]},${d.x[2 * i + 1]},${d.labels[i]}`,
    ).join("\n");
    const again = fromCSV(text, classes);
    assert.deepEqual(again.x, d.x);
    assert.deepEqual(again.y, d.y);
    assert.deepEqual(again.labels, d.labels);
  });

  test("a CSV data set trains and splits like a synthetic one (the module takes it)", () => {
    const d = shared.gs.datasets.fromCSV(`${rows(60)}\n`, classes);
    const { train, test: held } = shared.gs.datasets.split(d, { testFraction: 0.25, seed: 3 });
    assert.equal(train.n + held.n, 60);
    const net = shared.network({ layers: [2, 4, 3], output: "softmax", cost: "log-likelihood" });
    const before = net.evaluate(train.x, train.y).loss;
    net.train(train.x, train.y, { epochs: 20, learningRate: 0.5, batchSize: 10 });
    assert.ok(net.evaluate(train.x, train.y).loss < before);
  });
});
