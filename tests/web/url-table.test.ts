// The URL tables (web/src/state/url-table.ts, the playground's SETTINGS_TABLE and the page-level
// PAGE_TABLE): text → value → text round trips, and rejections that name the bad text.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  PAGE_DEFAULTS,
  PAGE_TABLE,
  parsePageKeys,
  writePageKeys,
} from "../../web/src/state/page-keys.js";
import { DEFAULT_SETTINGS, SETTINGS_TABLE, type Settings } from "../../web/src/state/settings.js";
import {
  enumKind,
  integerListKind,
  numberKind,
  parseParams,
  sameState,
  tableKeys,
  unknownKeys,
  writeParams,
} from "../../web/src/state/url-table.js";

test("settings round trip: write, read back, same state", () => {
  const s: Settings = {
    ...DEFAULT_SETTINGS,
    dataset: "spiral",
    hidden: [8, 4, 2],
    activation: "relu",
    output: "identity",
    cost: "quadratic",
    learningRate: 0.03,
    dataSeed: 123456,
    initSeed: 654321,
  };
  const params = new URLSearchParams();
  writeParams(SETTINGS_TABLE, s, params);
  assert.deepEqual([...params.keys()], tableKeys(SETTINGS_TABLE));
  const back = parseParams(
    SETTINGS_TABLE,
    DEFAULT_SETTINGS,
    new URLSearchParams(params.toString()),
  );
  assert.deepEqual(back.problems, []);
  assert.ok(sameState(SETTINGS_TABLE, back.value, s));
  assert.deepEqual(back.value, s);
});

test("bad values keep the default and say why; other keys are left to their owners", () => {
  const params = new URLSearchParams(
    "activation=swish&hidden=4,0&learningRate=abc&initSeed=1.5&noise=0.9&chainW=1,2&x=1",
  );
  const { value, problems } = parseParams(SETTINGS_TABLE, DEFAULT_SETTINGS, params);
  assert.deepEqual(value, DEFAULT_SETTINGS);
  assert.equal(problems.length, 5);
  assert.match(problems[0] ?? "", /^noise: "0.9" is outside \[0, 0.5\]; default used$/);
  assert.match(problems[1] ?? "", /^hidden: "0" is outside \[1, 100\]; default used$/);
  assert.match(problems[2] ?? "", /^activation: "swish" is not one of sigmoid, tanh, relu, /);
  assert.match(problems[3] ?? "", /^learningRate: "abc" is not a number; default used$/);
  assert.match(problems[4] ?? "", /^initSeed: "1.5" is not an integer; default used$/);
  const known = new Set([...tableKeys(SETTINGS_TABLE), "chainW"]);
  assert.deepEqual(unknownKeys(params, known), ['unknown setting "x" ignored']);
});

test("over-long values are refused before parsing", () => {
  const { problems } = parseParams(
    SETTINGS_TABLE,
    DEFAULT_SETTINGS,
    new URLSearchParams(`hidden=${"1,".repeat(150)}1`),
  );
  assert.deepEqual(problems, ["hidden: value longer than 200 characters, default used"]);
});

test("property kinds", () => {
  const e = enumKind(["a", "b"] as const);
  assert.equal(e.parse("a"), "a");
  assert.ok(e.parse("c") instanceof Error);
  const n = numberKind(-1, 1);
  for (const bad of ["", "1e", "0x1", "Infinity", "NaN", " 1", "2"]) {
    assert.ok(n.parse(bad) instanceof Error, bad);
  }
  assert.equal(n.parse("-.5"), -0.5);
  assert.equal(n.parse("1e-3"), 0.001);
  const list = integerListKind(3, 1, 9);
  assert.deepEqual(list.parse(""), []);
  assert.deepEqual(list.parse("1,2,3"), [1, 2, 3]);
  assert.match(String(list.parse("1,2,3,4")), /4 entries, at most 3 allowed/);
  assert.equal(list.format([4, 5]), "4,5");
  assert.ok(list.equals([1, 2], [1, 2]) && !list.equals([1, 2], [1]));
});

test("page keys: the first view writes no key, another view round trips", () => {
  assert.deepEqual(tableKeys(PAGE_TABLE), [
    "view",
    "steps",
    "autoplay",
    "story",
    "present",
    "embed",
    "show",
    "controls",
  ]);
  const params = new URLSearchParams("dataset=xor&view=chain");
  assert.deepEqual(parsePageKeys(params), {
    value: { ...PAGE_DEFAULTS, view: "chain" },
    problems: [],
  });
  writePageKeys(PAGE_DEFAULTS, params);
  assert.equal(params.toString(), "dataset=xor");
  writePageKeys({ ...PAGE_DEFAULTS, view: "vanishing" }, params);
  assert.equal(params.toString(), "dataset=xor&view=vanishing");
  assert.deepEqual(parsePageKeys(params).value, { ...PAGE_DEFAULTS, view: "vanishing" });
});

test("page keys: a malformed view id is refused and the default kept", () => {
  for (const bad of ["<svg onload=alert(3)>", "Chain", "", "a b"]) {
    const { value, problems } = parsePageKeys(new URLSearchParams({ view: bad }));
    assert.deepEqual(value, PAGE_DEFAULTS, bad);
    assert.equal(problems.length, 1, bad);
    assert.match(problems[0] ?? "", /^view: ".*" is not a view; default used$/);
  }
});

test("a key given more than once: the first value is read and the repeat named", () => {
  const r = parseParams(
    SETTINGS_TABLE,
    DEFAULT_SETTINGS,
    new URLSearchParams("dataset=xor&dataset=%3Cb%3E&noise=0.1"),
  );
  assert.equal(r.value.dataset, "xor");
  assert.deepEqual(r.problems, ['dataset: given 2 times; only the first ("xor") is read']);
  const page = parsePageKeys(new URLSearchParams("view=about&view=chain&view=x"));
  assert.equal(page.value.view, "about");
  assert.deepEqual(page.problems, ['view: given 3 times; only the first ("about") is read']);
});
