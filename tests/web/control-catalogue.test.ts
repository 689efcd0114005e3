import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CONTROL_IDS,
  controlListKind,
  DEFAULT_CONTROLS,
} from "../../web/src/controls/control-catalogue.js";
import { RUN_VIEW_IDS, runViewListKind } from "../../web/src/embed/run-view-ids.js";
import { catalogue } from "gradscope";

test("controls: default play, step, reset; lists parse in order, refuse unknown and repeated ids", () => {
  assert.deepEqual(DEFAULT_CONTROLS, ["play", "step", "reset"]);
  assert.deepEqual(controlListKind.parse("reset,play"), ["reset", "play"]);
  assert.deepEqual(controlListKind.parse(""), []);
  assert.deepEqual(controlListKind.parse("none"), []);
  const bad = controlListKind.parse("play,pley");
  assert.ok(bad instanceof Error && bad.message.includes('"pley"'), String(bad));
  assert.ok(controlListKind.parse("play,play") instanceof Error);
  for (const id of CONTROL_IDS) assert.deepEqual(controlListKind.parse(id), [id]);
  assert.equal(controlListKind.format([]), "none");
});

test("run views: every catalogue row with host run, none standalone", () => {
  const run = catalogue.views.filter((v) => v.host === "run").map((v) => v.id);
  assert.deepEqual([...RUN_VIEW_IDS], run);
  assert.ok(RUN_VIEW_IDS.includes("gradient-norms" as never));
  assert.ok(!(RUN_VIEW_IDS as readonly string[]).includes("softmax"));
  assert.ok(runViewListKind.parse("softmax") instanceof Error);
  assert.deepEqual(runViewListKind.parse("network,gradient-norms"), ["network", "gradient-norms"]);
});
