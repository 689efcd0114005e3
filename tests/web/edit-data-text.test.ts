// Edit data's words (web/src/views/edit-data-text.ts): the help and the picker name classes for a
// classification set and target values for a regression set, never both; the button says what a
// press does now.
import assert from "node:assert/strict";
import { test } from "node:test";
import { editHint, editPickLabel, editToggleLabel } from "../../web/src/views/edit-data-text.js";

test("the Edit data button reads 'Done editing' while the mode is on", () => {
  assert.equal(editToggleLabel(false), "Edit data");
  assert.equal(editToggleLabel(true), "Done editing");
});

test("a classification set's help and picker speak of classes only", () => {
  const hint = editHint("classes");
  assert.match(hint, /chosen class\b/);
  assert.match(hint, /next class/);
  assert.doesNotMatch(hint, /value|target|\(or/);
  assert.match(hint, /Drag: erase/);
  assert.equal(editPickLabel("classes"), "Class ");
});

test("a regression set's help and picker speak of target values only", () => {
  const hint = editHint("values");
  assert.match(hint, /chosen target y/);
  assert.match(hint, /opposite value \(−y\)/);
  assert.doesNotMatch(hint, /class|\(or/);
  assert.match(hint, /Drag: erase/);
  assert.equal(editPickLabel("values").trim(), "target y of a new point");
});
