// The confusion matrix's readouts and caption, and the draw-a-digit card's output words, over the
// catalogue's classification data sets and every output activation.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import {
  answerRule,
  cellReadout,
  confusionCaption,
  confusionTotals,
  rowShare,
  type ConfusionCounts,
} from "../../web/src/model/confusion.js";
import {
  argmax,
  barFractions,
  barLabel,
  drawnAnswer,
  outputBarsTitle,
  drawnInput,
  drawnLabel,
} from "../../web/src/model/drawn-digit.js";
import { formatTraced } from "../../web/src/backprop/sample-key.js";

/** A K × K matrix from rows of counts. */
const matrix = (rows: number[][]): ConfusionCounts => ({
  classes: rows.length,
  counts: Int32Array.from(rows.flat()),
});

test("a cell's readout names the count, the row's total and what the samples were predicted as", () => {
  const m = matrix(
    Array.from({ length: 10 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) =>
        i === 3 ? ([0, 0, 0, 45, 0, 7, 0, 0, 0, 0][j] ?? 0) : i === j ? 5 : 0,
      ),
    ),
  );
  assert.equal(cellReadout(m, "mnist", 3, 5), "7 of the 52 test 3s were predicted as 5");
  assert.equal(cellReadout(m, "mnist", 3, 3), "45 of the 52 test 3s were predicted correctly");
  assert.equal(cellReadout(m, "mnist", 3, 0), "0 of the 52 test 3s were predicted as 0");
  const one = matrix([
    [1, 0],
    [1, 0],
  ]);
  assert.equal(
    cellReadout(one, "xor", 0, 0),
    "The only test point of class 0 was predicted correctly",
  );
  assert.equal(
    cellReadout(one, "xor", 1, 0),
    "The only test point of class 1 was predicted as class 0",
  );
  assert.equal(
    cellReadout(one, "xor", 1, 1),
    "The only test point of class 1 was not predicted correctly",
  );
  const single = matrix([
    [1, 1],
    [0, 3],
  ]);
  assert.equal(
    cellReadout(single, "circle", 0, 1),
    "1 of the 2 test points of class 0 was predicted as class 1",
  );
  assert.equal(
    cellReadout(
      matrix([
        [0, 0],
        [2, 2],
      ]),
      "spiral",
      0,
      1,
    ),
    "There are no test points of class 0 in the test set",
  );
  assert.equal(
    cellReadout(
      matrix([
        [1234, 1],
        [0, 0],
      ]),
      "circle",
      0,
      0,
    ),
    "1,234 of the 1,235 test points of class 0 were predicted correctly",
  );
});

test("the caption's accuracy is the diagonal over the total, written as the status line writes it", () => {
  const m = matrix([
    [40, 2, 3],
    [5, 30, 0],
    [1, 1, 18],
  ]);
  assert.deepEqual(confusionTotals(m), { total: 100, correct: 88 });
  const c = confusionCaption(m, "spiral", 3);
  assert.match(
    c,
    /88 of the 100 test points predicted correctly: test accuracy 88 \/ 100 = 88\.0%\.$/,
  );
  assert.doesNotMatch(c, /a ≥ 0\.5/); // three classes: argmax only
  assert.match(c, /\(its most active output unit\)/);
  const two = matrix([
    [3, 1],
    [0, 2],
  ]);
  // Two classes: one output unit answers by a ≥ 0.5, two by the most active; never both rules.
  const one = confusionCaption(two, "xor", 1);
  assert.match(one, /\(class 1 when its one output unit has a ≥ 0\.5, else class 0\)/);
  assert.doesNotMatch(one, /most active/);
  const both = confusionCaption(two, "xor", 2);
  assert.match(both, /\(its most active output unit\)/);
  assert.doesNotMatch(both, /0\.5/);
  assert.match(
    confusionCaption(
      matrix([
        [1, 2],
        [0, 0],
      ]),
      "mnist",
      10,
    ),
    /1 of the 3 test digits .* = 33\.3%\.$/,
  );
  assert.equal(
    confusionCaption(
      matrix([
        [0, 0],
        [0, 0],
      ]),
      "circle",
      1,
    ),
    "No test points to count.",
  );
  // Every classification data set has words for its classes.
  for (const d of catalogue.datasets) {
    if (d.problem !== "classification") continue;
    const k = Math.max(2, d.classes);
    const diag = matrix(
      Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 2 : 1))),
    );
    for (const width of k === 2 ? [1, 2] : [k])
      assert.match(
        confusionCaption(diag, d.name, width),
        new RegExp(
          `\\(${answerRule(width)}\\)\\. The diagonal holds the ${2 * k} of the ${k * (k + 1)} `,
        ),
        d.name,
      );
    assert.ok(cellReadout(diag, d.name, k - 1, 0).startsWith(`1 of the ${k + 1} test `), d.name);
  }
});

test("the answer rule follows the output width, and a width without units is named", () => {
  assert.equal(answerRule(1), "class 1 when its one output unit has a ≥ 0.5, else class 0");
  assert.equal(answerRule(2), "its most active output unit");
  assert.equal(answerRule(10), "its most active output unit");
  assert.throws(() => answerRule(0), /an output layer of 0 units has no answer/);
});

test("shading is the cell's share of its row", () => {
  const m = matrix([
    [3, 1],
    [0, 0],
  ]);
  assert.equal(rowShare(m, 0, 0), 0.75);
  assert.equal(rowShare(m, 0, 1), 0.25);
  assert.equal(rowShare(m, 1, 1), 0);
});

test("the bars are named after the output activation: probabilities only under softmax", () => {
  for (const a of catalogue.activations) {
    const title = outputBarsTitle(a.name);
    if (a.name === "softmax") {
      assert.match(title, /probability .* sum to 1/);
      assert.match(barLabel(a.name, 3, 0.9124), /^digit 3: probability 0\.912$/);
    } else {
      assert.match(title, /activations, not probabilities/, a.name);
      assert.ok(title.startsWith(a.label), a.name);
      assert.match(barLabel(a.name, 3, 0.41), /^digit 3: activation 0\.410$/);
    }
  }
  assert.match(outputBarsTitle("sigmoid"), /each in \[0, 1\]/);
  assert.doesNotMatch(outputBarsTitle("identity"), /each in/);
  assert.equal(argmax([0.1, 0.7, 0.2]), 1);
  assert.equal(argmax([]), -1);
  assert.equal(
    drawnAnswer("softmax", [0.1, 0.7, 0.2]),
    "The network reads your drawing as 1, with probability 0.700.",
  );
  assert.match(
    drawnAnswer("sigmoid", [0.1, 0.2, 0.9]),
    /as 2, its sigmoid σ unit the most active at 0\.900\.$/,
  );
});

test("bar lengths follow the output's range", () => {
  assert.deepEqual(barFractions("softmax", [0.25, 0.75]), [0.25, 0.75]);
  assert.deepEqual(barFractions("tanh", [-1, 0, 1]), [0, 0.5, 1]);
  assert.deepEqual(barFractions("identity", [-2, 1, 4]), [0, 0.25, 1]);
  assert.deepEqual(barFractions("relu", [0, 0]), [0, 0]);
  assert.deepEqual(barFractions("sigmoid", [NaN, 0.5]), [0, 0.5]);
});

test("a drawn digit's input and target fit the network, or the bad value is named", () => {
  const pixels = new Float32Array(784).fill(0.5);
  const { x, y } = drawnInput({ set: "drawn", pixels, target: 3 }, 784, 10);
  assert.equal(x, pixels);
  assert.deepEqual([...y], [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  assert.throws(
    () => drawnInput({ set: "drawn", pixels, target: 3 }, 2, 1),
    /a drawn digit has 784 values; this network takes 2 inputs/,
  );
  assert.throws(
    () => drawnInput({ set: "drawn", pixels, target: 10 }, 784, 10),
    /class 10 is not one of the network's 0 … 9/,
  );
  // Worded as a data sample's label, so the backprop view names the output units "digit j".
  assert.equal(drawnLabel({ set: "drawn", pixels, target: 7 }), "the digit you drew (digit 7)");
  assert.equal(formatTraced({ set: "drawn", pixels, target: 7 }), "drawn");
  assert.equal(formatTraced({ set: "test", index: 4 }), "test:4");
});
