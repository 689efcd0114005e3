import assert from "node:assert/strict";
import { test } from "node:test";
import { CONTROL_IDS, DEFAULT_CONTROLS } from "../../web/src/controls/control-catalogue.js";
import { PLAYGROUND_CARDS } from "../../web/src/embed/playground-cards.js";
import { RUN_VIEW_IDS } from "../../web/src/embed/run-view-ids.js";
import {
  PAGE_DEFAULTS,
  parsePageKeys,
  shownControls,
  writePageKeys,
} from "../../web/src/state/page-keys.js";

const parse = (hash: string) => parsePageKeys(new URLSearchParams(hash));

test("embed keys: absent, the playground's cards and every control; embedded, play/step/reset", () => {
  const plain = parse("dataset=xor");
  assert.deepEqual(plain.problems, []);
  assert.equal(plain.value.embed, false);
  assert.deepEqual(plain.value.show, PLAYGROUND_CARDS);
  assert.deepEqual(shownControls(plain.value), CONTROL_IDS);
  const embedded = parse("embed=1");
  assert.equal(embedded.value.embed, true);
  assert.deepEqual(embedded.value.show, PLAYGROUND_CARDS);
  assert.deepEqual(shownControls(embedded.value), DEFAULT_CONTROLS);
  assert.deepEqual(shownControls(parse("embed=0").value), CONTROL_IDS);
});

test("embed keys: show and controls keep the order written, in and out of embed mode", () => {
  const { value, problems } = parse("embed=1&show=gradient-norms,network&controls=play");
  assert.deepEqual(problems, []);
  assert.deepEqual(value.show, ["gradient-norms", "network"]);
  assert.deepEqual(shownControls(value), ["play"]);
  assert.deepEqual(shownControls(parse("controls=settings,reset").value), ["settings", "reset"]);
  // An empty list: no controls at all ("none" for hosts that drop empty values).
  assert.deepEqual(shownControls(parse("embed=1&controls=none").value), []);
  assert.deepEqual(shownControls(parse("embed=1&controls=").value), []);
  for (const id of RUN_VIEW_IDS) assert.deepEqual(parse(`show=${id}`).value.show, [id]);
});

test("embed keys: bad values name the bad text and fall back to the mode's default", () => {
  const bad = parse("embed=yes&show=network,softmax&controls=play,pley");
  assert.equal(bad.value.embed, false);
  assert.deepEqual(bad.value.show, PLAYGROUND_CARDS);
  assert.equal(bad.value.controls, null);
  assert.equal(bad.problems.length, 3, bad.problems.join("\n"));
  assert.match(bad.problems[0] ?? "", /^embed: "yes" is not 1 or 0; default used$/);
  assert.match(
    bad.problems[1] ?? "",
    /^show: "softmax" is not a view of a run: use .*; default used$/,
  );
  assert.match(bad.problems[2] ?? "", /^controls: "pley" is not a control: use .*; default used$/);
  // Embedded, a bad controls= falls back to the embedded default, not to every control.
  assert.deepEqual(shownControls(parse("embed=1&controls=x").value), DEFAULT_CONTROLS);
  assert.match(parse("show=network,network").problems[0] ?? "", /"network" is named twice/);
});

test("embed keys: defaults write no key; chosen values round trip through the hash", () => {
  const params = new URLSearchParams("dataset=xor");
  writePageKeys(PAGE_DEFAULTS, params);
  assert.equal(params.toString(), "dataset=xor");
  const chosen = {
    ...PAGE_DEFAULTS,
    embed: true,
    show: [...RUN_VIEW_IDS].reverse(),
    controls: [...CONTROL_IDS],
  };
  writePageKeys(chosen, params);
  assert.deepEqual(parsePageKeys(params), { value: chosen, problems: [] });
  writePageKeys({ ...chosen, controls: [] }, params);
  assert.equal(params.get("controls"), "none");
  assert.deepEqual(parsePageKeys(params).value.controls, []);
});
