// The view catalogue as the page uses it: every data source's input view shows that source's
// kind of data, and every kind of data has views to fill the playground.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { DATA_SOURCES } from "../../web/src/state/data-sources.js";

test("view ids are unique and well-formed", () => {
  const ids = catalogue.views.map((v) => v.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
});

test("each data kind has exactly one input view, the one its sources name", () => {
  const inputViews = new Set(DATA_SOURCES.map((s) => s.inputView));
  for (const kind of new Set(catalogue.datasets.map((d) => d.kind))) {
    const shown = [...inputViews].filter((id) =>
      (catalogue.view(id).dataKinds as readonly string[]).includes(kind),
    );
    assert.equal(shown.length, 1, kind);
  }
});

test("views that need no run, and book sections", () => {
  assert.deepEqual(
    catalogue.views.filter((v) => !v.needsTraining).map((v) => v.id),
    ["activation-curves", "softmax"],
  );
  assert.equal(catalogue.view("gradient-norms").book.chapter, 5);
  assert.throws(() => catalogue.view("nope" as never), /unknown view 'nope'/);
});
