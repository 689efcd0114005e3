// The `classes` setting and the input-space display keys: a link's classes narrowed to the set's
// classRange (with a line saying so), the many-classes preset (softmax + log-likelihood), a change
// of set or classes bringing its preset, and showTest/discretize carried by links and snippets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { patchSettings } from "../../web/src/controls/settings-patch.js";
import { sourcePreset } from "../../web/src/state/data-sources.js";
import {
  DISPLAY_DEFAULTS,
  parseDisplayKeys,
  writeDisplayKeys,
} from "../../web/src/state/display-keys.js";
import {
  classCount,
  layerSizes,
  parseSettings,
  presetFor,
  settingsForDataset,
} from "../../web/src/state/settings.js";
import { embedSnippets, siteAddress } from "../../web/src/share/embed-snippets.js";
import { shareTarget } from "../../web/src/share/share-target.js";

const parse = (text: string) => parseSettings(new URLSearchParams(text));

test("a link's classes: kept within the set's classRange, else the set's own with a line", () => {
  const three = parse("dataset=spiral&classes=3");
  assert.deepEqual(three.problems, []);
  assert.equal(three.value.classes, 3);
  assert.equal(three.value.output, "softmax");
  assert.equal(three.value.cost, "log-likelihood");
  assert.deepEqual(layerSizes(three.value), [2, 16, 16, 16, 3]);
  assert.equal(three.value.noise, 0.02);
  const far = parse("dataset=spiral&classes=9");
  assert.deepEqual(far.problems, ["classes: 9 does not fit; spiral takes 2 to 6; 2 used"]);
  assert.equal(far.value.classes, 2);
  assert.equal(far.value.output, "sigmoid");
  assert.deepEqual(parse("dataset=circle&classes=3").problems, [
    "classes: 3 does not fit; circle has 2 classes; 2 used",
  ]);
  assert.deepEqual(parse("dataset=plane&classes=2").problems, [
    "classes: 2 does not fit; plane has no classes (regression); 0 used",
  ]);
  // Every set's preset is consistent with its own classes.
  for (const d of catalogue.datasets) {
    for (let k = d.classRange[0]; k <= d.classRange[1]; k++) {
      const s = presetFor(d.name, k);
      assert.equal(s.classes, k, d.name);
      assert.deepEqual(parse(`dataset=${d.name}&classes=${k}`), { value: s, problems: [] });
      assert.ok(catalogue.costsAllowedAfter(s.output).includes(s.cost), `${d.name} ${k}`);
      const many = k >= 3 && d.classes < 3;
      assert.equal(
        s.output === "softmax" && s.cost === "log-likelihood",
        many || d.name === "mnist",
        `${d.name} ${k}`,
      );
    }
  }
  assert.equal(classCount("gaussians", 7), 2);
  assert.equal(sourcePreset("plane", 3), sourcePreset("plane"));
});

test("a change of classes or set brings the preset it needs; the classes stay where they fit", () => {
  const spiral = presetFor("spiral");
  const three = patchSettings(spiral, { classes: 3 }).next;
  assert.equal(three.output, "softmax");
  assert.deepEqual(three.hidden, [16, 16, 16]);
  assert.equal(three.noise, 0.02);
  const blobs = settingsForDataset(three, "gaussians");
  assert.equal(blobs.classes, 3);
  assert.equal(blobs.output, "softmax");
  const circle = settingsForDataset(three, "circle");
  assert.equal(circle.classes, 2);
  assert.equal(circle.output, "sigmoid");
  const back = patchSettings(three, { classes: 2 }).next;
  assert.equal(back.output, "sigmoid");
  assert.equal(back.noise, 0.05);
  // Noise chosen by hand stays across presets that do not choose their own (circle → mnist).
  assert.equal(settingsForDataset({ ...presetFor("circle"), noise: 0.3 }, "mnist").noise, 0.3);
  assert.equal(back.cost, "cross-entropy");
  // η chosen by hand stays while only the classes change within one preset (4 → 5).
  const tuned = { ...patchSettings(spiral, { classes: 4 }).next, learningRate: 0.03 };
  assert.equal(patchSettings(tuned, { classes: 5 }).next.learningRate, 0.03);
  const plane = settingsForDataset(spiral, "plane");
  assert.equal(plane.classes, 0);
  assert.equal(plane.output, "identity");
  assert.equal(plane.cost, "quadratic");
});

test("display keys: defaults left out, each change written, bad values named", () => {
  const p = new URLSearchParams("time=epoch");
  writeDisplayKeys(DISPLAY_DEFAULTS, p);
  assert.equal(p.toString(), "time=epoch");
  writeDisplayKeys({ showTest: false, discretize: true }, p);
  assert.equal(p.toString(), "time=epoch&showTest=0&discretize=1");
  assert.deepEqual(parseDisplayKeys(p).value, { showTest: false, discretize: true });
  const bad = parseDisplayKeys(new URLSearchParams("discretize=yes"));
  assert.deepEqual(bad.value, DISPLAY_DEFAULTS);
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0] ?? "", /discretize.*"yes" is not 1 or 0/);
});

test("the share dialog carries the display keys with the input-space card", () => {
  const params = new URLSearchParams("dataset=spiral&classes=4&showTest=0&discretize=1");
  const target = shareTarget("playground", params);
  if (target.kind !== "run") throw new Error("not a run");
  assert.deepEqual(target.settingKeys, [
    ["dataset", "spiral"],
    ["classes", "4"],
  ]);
  assert.deepEqual(target.displayKeys, [
    ["showTest", "0"],
    ["discretize", "1"],
  ]);
  const site = siteAddress("https://example.org/nn/index.html");
  const choose = (show: ("decision-boundary" | "network")[]) =>
    embedSnippets(target, { show, controls: [], steps: 0, autoplay: false }, site);
  const link = new URL(choose([]).link).hash;
  assert.match(link, /showTest=0&discretize=1/);
  const withBoundary = choose(["decision-boundary", "network"]);
  assert.match(withBoundary.iframe ?? "", /showTest=0&amp;discretize=1/);
  assert.match(
    (withBoundary.elements ?? "").replace(/\s+/g, " "),
    /name="decision-boundary" show-test="0" discretize="1"/,
  );
  assert.doesNotMatch(withBoundary.elements ?? "", /name="network" show-test/);
  assert.doesNotMatch(choose(["network"]).iframe ?? "", /discretize/);
});
