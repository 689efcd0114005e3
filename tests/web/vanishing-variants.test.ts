// The networks the deep-network lab sets side by side (web/src/lab/vanishing-variants.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { VANISHING_VARIANTS, variantLabel } from "../../web/src/lab/vanishing-variants.js";

test("the variants set side by side are the book’s setting and its remedies", () => {
  assert.deepEqual(
    VANISHING_VARIANTS.map((v) => [v.id, v.activation, v.init]),
    [
      ["book", "sigmoid", "scaled"],
      ["relu-he", "relu", "he"],
      ["tanh", "tanh", "scaled"],
      ["leaky-relu-he", "leaky-relu", "he"],
      ["large", "sigmoid", "large"],
    ],
  );
  assert.ok(Object.isFrozen(VANISHING_VARIANTS));
});

test("variantLabel names a variant by its menu label, an unknown id by itself", () => {
  assert.equal(variantLabel("relu-he"), "ReLU + He init");
  assert.equal(variantLabel("book"), "sigmoid, N(0, 1/n_in) (the book)");
  assert.equal(variantLabel("nonsense"), "nonsense");
});
