// When a run pauses out of sight and resumes in sight (web/src/elements/visibility-gate.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { VisibilityGate } from "../../web/src/elements/visibility-gate.js";

test("a playing run pauses when it and all its views leave the viewport, resumes when one returns", () => {
  const gate = new VisibilityGate<string>();
  gate.watch("run");
  gate.watch("view-a");
  gate.watch("view-b");
  assert.equal(gate.observe("run", false, true), null);
  assert.equal(gate.observe("view-a", false, true), null);
  assert.equal(gate.observe("view-b", false, true), "pause");
  assert.equal(gate.holding, true);
  // Still out of view: nothing more to do (the run is paused now).
  assert.equal(gate.observe("view-a", false, false), null);
  assert.equal(gate.observe("view-b", true, false), "resume");
  assert.equal(gate.holding, false);
  assert.equal(gate.observe("run", true, true), null);
});

test("a run the reader paused is not resumed by scrolling back", () => {
  const gate = new VisibilityGate<string>();
  gate.watch("run");
  assert.equal(gate.observe("run", false, false), null);
  assert.equal(gate.observe("run", true, false), null);
  // Out of view while playing, then paused by the reader (release) before coming back.
  assert.equal(gate.observe("run", false, true), "pause");
  gate.release();
  assert.equal(gate.observe("run", true, false), null);
});

test("play asked while nothing is in view waits for the viewport", () => {
  const gate = new VisibilityGate<string>();
  gate.watch("run");
  assert.equal(gate.requestPlay(), null, "unobserved targets count as visible");
  gate.observe("run", false, false);
  assert.equal(gate.requestPlay(), "pause");
  assert.equal(gate.observe("run", true, false), "resume");
  assert.equal(gate.requestPlay(), null);
});

test("unwatching the last visible view pauses; observations of strangers are ignored", () => {
  const gate = new VisibilityGate<string>();
  gate.watch("run");
  gate.watch("view");
  gate.observe("run", false, true);
  gate.observe("view", true, true);
  assert.equal(gate.observe("stranger", false, true), null);
  assert.equal(gate.unwatch("view", true), "pause");
  gate.watch("view"); // re-attached: counts as visible until observed
  assert.equal(gate.anyVisible, true);
});
