// <gradscope-run>'s attributes (web/src/elements/run-attributes.ts): `config` in the hash syntax,
// one attribute per setting beating it, `steps`, `autoplay`, `controls`, and problem lines that
// name where each bad value was written while the other values stand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONTROL_IDS, DEFAULT_CONTROLS } from "../../web/src/controls/control-catalogue.js";
import {
  readRunOptions,
  readRunSettings,
  RUN_ATTRIBUTES,
  SETTING_ATTRIBUTES,
  hiddenMisused,
  unknownAttributes,
} from "../../web/src/elements/run-attributes.js";
import { RUN_SETTING_KEYS } from "../../web/src/elements/run-attribute-names.js";
import { tableKeys } from "../../web/src/state/url-table.js";
import { DATASET_NAMES } from "../../web/src/state/data-sources.js";
import {
  DEFAULT_SETTINGS,
  parseSettings,
  presetFor,
  SETTINGS_TABLE,
  type Settings,
} from "../../web/src/state/settings.js";

const attrs =
  (map: Record<string, string>) =>
  (name: string): string | null =>
    map[name] ?? null;

test("setting attributes are the settings table's keys in kebab case", () => {
  assert.deepEqual(RUN_SETTING_KEYS, tableKeys(SETTINGS_TABLE));
  assert.equal(SETTING_ATTRIBUTES.length, SETTINGS_TABLE.length);
  assert.ok(SETTING_ATTRIBUTES.includes("learning-rate"));
  assert.ok(SETTING_ATTRIBUTES.includes("batch-size"));
  assert.ok(SETTING_ATTRIBUTES.includes("test-fraction"));
  assert.ok(SETTING_ATTRIBUTES.includes("data-seed"));
  // HTML's global `hidden` hides an element: the layers are `hidden-layers`.
  assert.ok(SETTING_ATTRIBUTES.includes("hidden-layers"));
  assert.ok(!RUN_ATTRIBUTES.includes("hidden"));
  for (const a of RUN_ATTRIBUTES) assert.match(a, /^[a-z][a-z0-9-]*$/, a);
  assert.equal(new Set(RUN_ATTRIBUTES).size, RUN_ATTRIBUTES.length);
});

test("no attributes: the playground's defaults, steps 0, no autoplay, play/step/reset", () => {
  assert.deepEqual(readRunOptions(attrs({})), {
    value: {
      settings: DEFAULT_SETTINGS,
      steps: 0,
      autoplay: false,
      controls: [...DEFAULT_CONTROLS],
    },
    problems: [],
  });
});

test("config reads as the playground's hash does, also with a pasted '#'", () => {
  const text = "dataset=spiral&hidden=8,8,8&activation=sigmoid&learningRate=0.3";
  const expected = parseSettings(new URLSearchParams(text));
  assert.deepEqual(readRunSettings(attrs({ config: text })), expected);
  assert.deepEqual(readRunSettings(attrs({ config: `#${text}` })), expected);
  assert.deepEqual(readRunSettings(attrs({ config: ` ?${text} ` })), expected);
});

test("each setting attribute beats config for its key and sets exactly that key", () => {
  // A value other than the default for every key of the table, written as an attribute.
  const other: Partial<Record<keyof Settings, string>> = {
    dataset: "xor",
    classes: "3",
    features: "x1,x2,x1x2",
    noise: "0.2",
    samples: "300",
    testFraction: "0.3",
    hidden: "3,2",
    activation: "tanh",
    output: "softmax",
    cost: "log-likelihood",
    init: "he",
    learningRate: "0.7",
    batchSize: "7",
    l2: "0.01",
    l1: "0.02",
    points: "cCWCWBAAAAA",
    dataSeed: "17",
    initSeed: "23",
    speed: "9",
  };
  for (const spec of SETTINGS_TABLE) {
    const key = spec.key;
    const text = other[key];
    assert.ok(text !== undefined, `the test names a value for ${key}`);
    const attribute = SETTING_ATTRIBUTES[SETTINGS_TABLE.indexOf(spec)] as string;
    // output and cost are a pair: each one alone is given its partner through config; classes
    // need a set that allows three (the default circle has two: parseSettings narrows them).
    const partner =
      key === "output"
        ? "cost=log-likelihood"
        : key === "cost"
          ? "output=softmax"
          : key === "classes"
            ? "dataset=spiral"
            : "";
    const config = `${key}=${spec.kind.format(DEFAULT_SETTINGS[key] as never)}&${partner}`;
    const { value, problems } = readRunSettings(attrs({ config, [attribute]: text }));
    assert.deepEqual(problems, [], `${attribute}=${text}`);
    const expected = parseSettings(new URLSearchParams(`${partner}&${key}=${text}`)).value;
    assert.deepEqual(value, expected, `${attribute}=${text}`);
    assert.equal(spec.kind.format(value[key] as never), text, `${attribute}=${text}`);
  }
});

test("dataset attribute brings its preset, as a link naming only the data set does", () => {
  for (const dataset of DATASET_NAMES) {
    const { value, problems } = readRunSettings(attrs({ dataset }));
    assert.deepEqual(problems, []);
    assert.deepEqual(value, presetFor(dataset));
  }
});

test("a bad attribute falls back to its default alone, named as the attribute", () => {
  const { value, problems } = readRunSettings(
    attrs({ config: "dataset=spiral&learningRate=0.3&hidden=8,8", "learning-rate": "fast" }),
  );
  assert.deepEqual(problems, ['learning-rate: "fast" is not a number; default used']);
  assert.equal(value.learningRate, presetFor("spiral").learningRate);
  assert.equal(value.dataset, "spiral");
  assert.deepEqual(value.hidden, [8, 8]);
});

test("a bad config value is named as config's key; the attribute of another key stands", () => {
  const { value, problems } = readRunSettings(
    attrs({ config: "dataset=spiral&noise=9&activation=sigmoid", "hidden-layers": "4" }),
  );
  assert.deepEqual(problems, ['config: noise: "9" is outside [0, 0.5]; default used']);
  assert.equal(value.noise, DEFAULT_SETTINGS.noise);
  assert.equal(value.activation, "sigmoid");
  assert.deepEqual(value.hidden, [4]);
});

test("unknown config keys are named; the element's own attributes are pointed to", () => {
  const { problems } = readRunSettings(attrs({ config: "dataset=xor&learningrate=1&steps=200" }));
  assert.deepEqual(problems, [
    'config: unknown setting "learningrate" ignored',
    'config: unknown setting "steps" is an attribute of <gradscope-run>, not a setting; ignored',
  ]);
});

test("a pair that does not fit is reported once, without a wrong origin", () => {
  const { value, problems } = readRunSettings(attrs({ cost: "log-likelihood" }));
  assert.equal(problems.length, 1);
  assert.match(problems[0] as string, /^cost log-likelihood does not fit output sigmoid/);
  assert.equal(value.cost, DEFAULT_SETTINGS.cost);
});

test("a limit of the chosen data set names the attribute that broke it", () => {
  const { value, problems } = readRunSettings(attrs({ dataset: "mnist", samples: "100" }));
  assert.equal(problems.length, 1);
  assert.match(problems[0] as string, /^samples: 100 is outside \[\d+, \d+\] for mnist/);
  assert.equal(value.samples, presetFor("mnist").samples);
});

test("steps, autoplay and controls; bad ones fall back alone", () => {
  const good = readRunOptions(
    attrs({ steps: "200", autoplay: "", controls: "play,new-data", dataset: "xor" }),
  );
  assert.deepEqual(good.problems, []);
  assert.equal(good.value.steps, 200);
  assert.equal(good.value.autoplay, true);
  assert.deepEqual(good.value.controls, ["play", "new-data"]);
  assert.equal(good.value.settings.dataset, "xor");

  for (const on of ["", "autoplay", "true", "1"])
    assert.equal(readRunOptions(attrs({ autoplay: on })).value.autoplay, true, on);
  for (const off of ["false", "0"])
    assert.equal(readRunOptions(attrs({ autoplay: off })).value.autoplay, false, off);
  assert.deepEqual(readRunOptions(attrs({ controls: "none" })).value.controls, []);
  for (const id of CONTROL_IDS)
    assert.deepEqual(readRunOptions(attrs({ controls: id })).value.controls, [id]);

  const bad = readRunOptions(
    attrs({ steps: "-3", autoplay: "yes", controls: "play,jump", dataset: "xor" }),
  );
  assert.deepEqual(bad.problems, [
    'steps: "-3" is outside [0, 1000000]; 0 used',
    'autoplay: "yes" is not 1 or 0; off',
    'controls: "jump" is not a control: use play, step, reset, new-data, new-weights, settings; play,step,reset used',
  ]);
  assert.equal(bad.value.steps, 0);
  assert.equal(bad.value.autoplay, false);
  assert.deepEqual(bad.value.controls, [...DEFAULT_CONTROLS]);
  assert.equal(bad.value.settings.dataset, "xor");
  assert.equal(readRunOptions(attrs({ steps: "2.5" })).problems.length, 1);
});

test("unknown attributes are named, with the one meant when only the spelling differs", () => {
  const names = [
    "id",
    "class",
    "data-x",
    "aria-label",
    "learningrate",
    "learning_rate",
    "Hidden",
    "colour",
  ];
  assert.deepEqual(unknownAttributes(names, RUN_ATTRIBUTES, "gradscope-run"), [
    'unknown attribute "learningrate" of <gradscope-run> ignored; did you mean learning-rate?',
    'unknown attribute "learning_rate" of <gradscope-run> ignored; did you mean learning-rate?',
    'unknown attribute "colour" of <gradscope-run> ignored',
  ]);
  assert.deepEqual(unknownAttributes(RUN_ATTRIBUTES, RUN_ATTRIBUTES, "gradscope-run"), []);
});

test("layer sizes in HTML's hidden attribute are named, pointing to hidden-layers", () => {
  assert.deepEqual(readRunOptions(attrs({ hidden: "8,8" })).problems, [
    'hidden="8,8" is HTML\'s attribute that hides the element; for the hidden layers write hidden-layers="8,8"',
  ]);
  assert.deepEqual(readRunOptions(attrs({ "hidden-layers": "8,8" })).value.settings.hidden, [8, 8]);
  for (const plain of ["", "hidden", "until-found"]) assert.equal(hiddenMisused(plain), null);
  assert.equal(hiddenMisused(null), null);
});
