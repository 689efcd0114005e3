import assert from "node:assert/strict";
import { test } from "node:test";
import { carryPresent } from "../../web/src/state/carry-present.js";

const on = new URLSearchParams("story=exploding&present=1");

test("a followed link keeps lecture mode (present=1)", () => {
  assert.equal(
    carryPresent("#view=chain&chainW=100,100", on),
    "#view=chain&chainW=100,100&present=1",
  );
  assert.equal(carryPresent("#", on), "#present=1");
});

test("without lecture mode, or when the link says present itself, the link is unchanged", () => {
  assert.equal(carryPresent("#view=chain", new URLSearchParams("story=exploding")), "#view=chain");
  assert.equal(carryPresent("#view=chain", new URLSearchParams("present=0")), "#view=chain");
  assert.equal(carryPresent("#view=chain&present=0", on), "#view=chain&present=0");
});
