import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue, names } from "gradscope";
import { cardNotApplicable } from "../../web/src/cards/card-applies.js";

test("card applies: every view × data set, a sentence exactly where the catalogue excludes the kind", () => {
  for (const view of catalogue.views) {
    for (const dataset of names(catalogue.datasets)) {
      const kind = catalogue.dataset(dataset).kind;
      const text = cardNotApplicable(view.id, dataset);
      const fitsKind = (view.dataKinds as readonly string[]).includes(kind);
      const problem = catalogue.dataset(dataset).problem;
      const fitsProblem = (view.problems as readonly string[]).includes(problem);
      assert.equal(text === null, fitsKind && fitsProblem, `${view.id} on ${dataset}`);
      if (text === null) continue;
      // It names the view, the run's data set, and what the view needs instead.
      assert.ok(text.includes(`“${view.title}”`), text);
      assert.ok(text.includes(`trains on ${dataset} (`), text);
      if (fitsKind) {
        // The data's kind fits, its problem does not (a confusion matrix on regression data).
        assert.ok(text.includes(`needs a ${view.problems.join(" or ")} problem`), text);
        assert.ok(text.includes(`is a ${problem} problem`), text);
        continue;
      }
      for (const k of view.dataKinds) {
        const need = { plane: "2-D input", line: "1-D input", image: "image input" }[k];
        assert.ok(text.includes(need), `${text} names ${need}`);
      }
      assert.ok(text.endsWith("."), text);
    }
  }
});

test("card applies: the two input-space views exclude each other's data", () => {
  assert.equal(
    cardNotApplicable("decision-boundary", "mnist"),
    "The view “Decision boundary” needs 2-D input (points in a plane) or 1-D input (a function of x); this run trains on mnist (images of 784 pixels).",
  );
  assert.equal(
    cardNotApplicable("test-digits", "spiral"),
    "The view “Test digits and the network's guesses” needs image input (pictures of pixels); this run trains on spiral (points in a plane).",
  );
  assert.equal(cardNotApplicable("decision-boundary", "spiral"), null);
  assert.equal(cardNotApplicable("network", "mnist"), null);
});

test("card applies: the confusion matrix needs classes, the drawing pad images", () => {
  assert.equal(
    cardNotApplicable("confusion-matrix", "plane"),
    "The view “Confusion matrix” needs a classification problem; this run is a regression problem and trains on plane (points in a plane).",
  );
  assert.equal(cardNotApplicable("confusion-matrix", "spiral"), null);
  assert.equal(cardNotApplicable("confusion-matrix", "mnist"), null);
  assert.match(
    cardNotApplicable("confusion-matrix", "sine") ?? "",
    /needs 2-D input .* or image input/,
  );
  assert.equal(cardNotApplicable("draw-digit", "mnist"), null);
  assert.match(cardNotApplicable("draw-digit", "xor") ?? "", /“Draw a digit” needs image input/);
});
