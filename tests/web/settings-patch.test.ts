// A settings form's change applied to the settings (web/src/controls/settings-patch.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { patchSettings } from "../../web/src/controls/settings-patch.js";
import {
  DEFAULT_SETTINGS,
  OUTPUT_ACTIVATIONS,
  presetFor,
  settingsForDataset,
} from "../../web/src/state/settings.js";

test("a plain change sets that key alone", () => {
  const { next, note } = patchSettings(DEFAULT_SETTINGS, { learningRate: 0.7 });
  assert.deepEqual(next, { ...DEFAULT_SETTINGS, learningRate: 0.7 });
  assert.equal(note, null);
  const layers = patchSettings(DEFAULT_SETTINGS, { hidden: [3, 2] }).next;
  assert.deepEqual(layers.hidden, [3, 2]);
});

test("a new data set family brings its preset; the same family keeps the network", () => {
  const mnist = patchSettings(DEFAULT_SETTINGS, { dataset: "mnist" }).next;
  assert.deepEqual(mnist, settingsForDataset(DEFAULT_SETTINGS, "mnist"));
  assert.deepEqual(mnist.hidden, presetFor("mnist").hidden);
  const xor = patchSettings(DEFAULT_SETTINGS, { dataset: "xor" }).next;
  assert.deepEqual(xor.hidden, DEFAULT_SETTINGS.hidden);
});

test("every output: a cost that does not fit switches to the first that does, with a note", () => {
  for (const output of OUTPUT_ACTIVATIONS) {
    const allowed = catalogue.costsAllowedAfter(output);
    const { next, note } = patchSettings(DEFAULT_SETTINGS, { output });
    assert.ok(allowed.includes(next.cost), `${output}: ${next.cost}`);
    if (allowed.includes(DEFAULT_SETTINGS.cost)) assert.equal(note, null, output);
    else
      assert.equal(
        note,
        `cost ${DEFAULT_SETTINGS.cost} does not fit output ${output}; switched to ${allowed[0]}`,
      );
  }
});
