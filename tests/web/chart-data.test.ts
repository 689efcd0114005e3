import assert from "node:assert/strict";
import { test } from "node:test";
import {
  alignRuns,
  csvFileName,
  formatCell,
  tableRows,
  toCsv,
} from "../../web/src/views/chart-data.js";

test("table cells: integers in full, 6 significant digits, words for non-finite, blank for none", () => {
  assert.equal(formatCell(123456), "123456");
  assert.equal(formatCell(0.1 + 0.2), "0.3");
  assert.equal(formatCell(2.345678e-9), "2.34568e-9");
  assert.equal(formatCell(4.5e12 + 0.5), "4.50000e12");
  assert.equal(formatCell(NaN), "not a number");
  assert.equal(formatCell(-Infinity), "−∞");
  assert.equal(formatCell(null), "");
  assert.equal(formatCell(undefined), "");
  assert.equal(formatCell(0), "0");
});

test("rows run over the longest column; short columns leave blanks", () => {
  assert.deepEqual(tableRows([[1, 2], [0.5, null], [7]]), [
    ["1", "0.5", "7"],
    ["2", "", ""],
  ]);
  assert.deepEqual(tableRows([]), []);
});

test("CSV keeps every double exactly, quotes what needs quoting, ends lines in CRLF", () => {
  const v = 1 / 3;
  const csv = toCsv(
    ["step", 'l = 2, "output"'],
    [
      [1, 2],
      [v, null],
    ],
  );
  assert.equal(csv, `step,"l = 2, ""output"""\r\n1,${v}\r\n2,\r\n`);
  const back = Number(csv.split("\r\n")[1]?.split(",")[1]);
  assert.equal(back, v);
  assert.equal(toCsv(["x"], [[NaN, Infinity]]), "x\r\nNaN\r\nInfinity\r\n");
});

test("CSV refuses a header that does not match the columns", () => {
  assert.throws(() => toCsv(["a"], [[1], [2]]), /1 column names for 2 columns/);
});

test("file names come from the chart's title", () => {
  assert.equal(
    csvFileName("‖∂C/∂bˡ‖: speed of learning per layer (log scale)"),
    "c-bl-speed-of-learning-per-layer-log-scale.csv",
  );
  assert.equal(csvFileName("Loss and accuracy"), "loss-and-accuracy.csv");
  assert.equal(csvFileName("‖‖"), "chart.csv");
});

test("two runs share one x axis: the sorted union, undefined where a run has no point", () => {
  const joined = alignRuns(
    { x: [1, 3, 5], ys: [[10, null, 50]] },
    {
      x: [2, 3, 6],
      ys: [
        [0.2, 0.3, 0.6],
        [2, 3, 6],
      ],
    },
  );
  assert.deepEqual(joined.x, [1, 2, 3, 5, 6]);
  assert.deepEqual(joined.ys, [
    [10, undefined, null, 50, undefined],
    [undefined, 0.2, 0.3, undefined, 0.6],
    [undefined, 2, 3, undefined, 6],
  ]);
  assert.deepEqual(alignRuns({ x: [], ys: [[]] }, { x: [1], ys: [[4]] }), {
    x: [1],
    ys: [[undefined], [4]],
  });
});
