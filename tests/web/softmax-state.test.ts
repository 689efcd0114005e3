// The softmax panel's state (web/src/softmax/softmax-state.ts): its URL table round trips, bad
// values are named and defaulted, links that disagree with themselves are reconciled, classes are
// added and removed, presets fit every class count, and typed logits are read or named as bad.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addClass,
  applyPreset,
  DEFAULT_SOFTMAX,
  LOGIT_LIMIT,
  MAX_CLASSES,
  MIN_CLASSES,
  readLogitText,
  reconcileSoftmax,
  removeClass,
  SOFTMAX_PRESETS,
  SOFTMAX_TABLE,
  withLogit,
  type SoftmaxState,
} from "../../web/src/softmax/softmax-state.js";
import { parseParams, sameState, tableKeys, writeParams } from "../../web/src/state/url-table.js";

const read = (hash: string) =>
  parseParams(SOFTMAX_TABLE, DEFAULT_SOFTMAX, new URLSearchParams(hash));

test("the keys are logits, target and nudge", () => {
  assert.deepEqual(tableKeys(SOFTMAX_TABLE), ["logits", "target", "nudge"]);
});

test("URL round trip: write, read back, same state (logits rounded to six digits)", () => {
  const s: SoftmaxState = { logits: [1.5, -0.3, 2, 1 / 3], target: 4, nudge: { j: 2, h: -0.125 } };
  const params = new URLSearchParams();
  writeParams(SOFTMAX_TABLE, s, params);
  assert.equal(params.toString(), "logits=1.5%2C-0.3%2C2%2C0.333333&target=4&nudge=2%3A-0.125");
  const back = parseParams(SOFTMAX_TABLE, DEFAULT_SOFTMAX, params);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.value.logits, [1.5, -0.3, 2, 0.333333]);
  assert.ok(sameState(SOFTMAX_TABLE, back.value, { ...s, logits: [1.5, -0.3, 2, 0.333333] }));
  // Written again, the text is unchanged.
  const again = new URLSearchParams();
  writeParams(SOFTMAX_TABLE, back.value, again);
  assert.equal(again.toString(), params.toString());
});

test("the brief's example link reads as written", () => {
  const { value, problems } = read("logits=1.5,-0.3,2&target=2&nudge=3:0.01");
  assert.deepEqual(problems, []);
  assert.deepEqual(value, { logits: [1.5, -0.3, 2], target: 2, nudge: { j: 3, h: 0.01 } });
});

test("bad values are named, and each falls back to its default", () => {
  const cases: [string, RegExp][] = [
    ["logits=1,abc,2", /^logits: "abc" is not a number; default used$/],
    ["logits=1", /^logits: 1 entries, 2 to 10 allowed; default used$/],
    ["logits=0,0,0,0,0,0,0,0,0,0,0", /^logits: 11 entries, 2 to 10 allowed/],
    ["logits=1,101", /^logits: "101" is outside \[-100, 100\]/],
    ["logits=1,NaN", /^logits: "NaN" is not a number/],
    ["logits=1,Infinity", /^logits: "Infinity" is not a number/],
    ["logits=", /^logits: 0 entries/],
    ["target=0", /^target: "0" is outside \[1, 10\]/],
    ["target=1.5", /^target: "1.5" is not an integer/],
    ["nudge=2", /^nudge: "2" is not j:h/],
    ["nudge=2:x", /^nudge: step "x" is not a number/],
    ["nudge=2:11", /^nudge: step "11" is outside \[-10, 10\]/],
    ["nudge=0:1", /^nudge: class "0" is outside \[1, 10\]/],
    ["nudge=1:2:3", /^nudge: "1:2:3" is not j:h/],
  ];
  for (const [hash, message] of cases) {
    const { value, problems } = read(hash);
    assert.equal(problems.length, 1, hash);
    assert.match(problems[0] ?? "", message, hash);
    assert.deepEqual(value, DEFAULT_SOFTMAX, hash);
  }
});

test("a target or nudge beyond the logits is reconciled, and said so", () => {
  const { value } = read("logits=1,2&target=5&nudge=3:0.5");
  const { state, problems } = reconcileSoftmax(value);
  assert.deepEqual(state, { logits: [1, 2], target: 1, nudge: { j: 1, h: 0.5 } });
  assert.deepEqual(problems, [
    "target: class 5 but only 2 logits; class 1 used",
    "nudge: logit 3 but only 2 logits; logit 1 used",
  ]);
  assert.deepEqual(reconcileSoftmax(DEFAULT_SOFTMAX).problems, []);
});

test("classes are added with z = 0 and removed from the end, within 2 … 10", () => {
  let s: SoftmaxState = { logits: [1, 2], target: 2, nudge: { j: 2, h: 1 } };
  assert.equal(removeClass(s), s, "two classes is the least");
  for (let n = 3; n <= MAX_CLASSES; n++) {
    s = addClass(s);
    assert.equal(s.logits.length, n);
    assert.equal(s.logits[n - 1], 0);
  }
  assert.equal(addClass(s), s, "ten classes is the most");
  s = { ...s, target: MAX_CLASSES, nudge: { j: MAX_CLASSES, h: 1 } };
  const fewer = removeClass(s);
  assert.equal(fewer.logits.length, MAX_CLASSES - 1);
  assert.equal(fewer.target, MAX_CLASSES - 1, "the target moves to the new last class");
  assert.equal(fewer.nudge.j, MAX_CLASSES - 1);
  assert.deepEqual(withLogit(fewer, 2, -7).logits.slice(0, 3), [1, -7, 0]);
});

test("every preset gives n logits within the limits for every class count", () => {
  for (const preset of SOFTMAX_PRESETS) {
    for (let n = MIN_CLASSES; n <= MAX_CLASSES; n++) {
      const s = applyPreset({ ...DEFAULT_SOFTMAX, logits: Array(n).fill(1) }, preset);
      assert.equal(s.logits.length, n, preset.id);
      assert.ok(
        s.logits.every((z) => Math.abs(z) <= LOGIT_LIMIT),
        preset.id,
      );
      const params = new URLSearchParams();
      writeParams(SOFTMAX_TABLE, s, params);
      assert.deepEqual(parseParams(SOFTMAX_TABLE, DEFAULT_SOFTMAX, params).problems, []);
    }
  }
  const saturated = SOFTMAX_PRESETS.find((p) => p.id === "saturated");
  assert.deepEqual(saturated?.logits(3), [12, 0, 0], "the brief's saturated example");
});

test("typed logits: numbers (with a typographic minus) or a message naming the text", () => {
  assert.equal(readLogitText(" 3 "), 3);
  assert.equal(readLogitText("−2.5"), -2.5);
  assert.equal(readLogitText("1e1"), 10);
  assert.equal(readLogitText("100"), 100);
  const bad: [string, string][] = [
    ["", "type a number"],
    ["abc", '"abc" is not a number'],
    ["1e999", "1e999 is outside −100 … 100"],
    ["0x10", '"0x10" is not a number'],
    ["Infinity", '"Infinity" is not a number'],
    ["NaN", '"NaN" is not a number'],
    ["150", "150 is outside −100 … 100"],
    ["-100.5", "-100.5 is outside −100 … 100"],
  ];
  for (const [text, message] of bad) {
    const v = readLogitText(text);
    assert.ok(v instanceof Error, text);
    assert.equal(v.message, message);
  }
});
