// The chain editor's headings follow the chain's activation (web/src/lab/chain-editor-labels.ts),
// over every activation the chain offers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { chainEditorLabels } from "../../web/src/lab/chain-editor-labels.js";
import { CHAIN_ACTIVATIONS } from "../../web/src/lab/chain-state.js";

test("the derivative column and the caption name the chain's activation", () => {
  assert.ok(CHAIN_ACTIVATIONS.length >= 3);
  for (const activation of CHAIN_ACTIVATIONS) {
    const symbol = catalogue.activation(activation).symbol;
    const { caption, columns } = chainEditorLabels(activation);
    assert.equal(columns.at(-1), `${symbol}′(z_j)`, activation);
    assert.equal(columns.length, 6);
    assert.ok(caption.includes(`a_j = ${symbol}(z_j)`), caption);
    if (symbol !== "σ") {
      assert.ok(!columns.some((c) => c.includes("σ")), `${activation}: ${columns.join(", ")}`);
      assert.doesNotMatch(caption, /σ/, caption);
    }
  }
  assert.equal(chainEditorLabels("tanh").columns.at(-1), "tanh′(z_j)");
});
