// The standalone elements' attribute lists (kept import-free for the registration script) agree
// with their views' URL tables, and <gradscope-chain>'s `neurons` resizes the chain.
import assert from "node:assert/strict";
import { test } from "node:test";
import { attributesOf } from "../../web/src/elements/attribute-store.js";
import { CHAIN_ALIASES, CHAIN_KEYS } from "../../web/src/elements/chain-attributes.js";
import { applyNeurons } from "../../web/src/elements/chain-neurons.js";
import { SOFTMAX_KEYS } from "../../web/src/elements/softmax-attributes.js";
import { VANISHING_KEYS } from "../../web/src/elements/vanishing-attributes.js";
import { CHAIN_TABLE } from "../../web/src/lab/chain-state.js";
import { VANISHING_TABLE } from "../../web/src/lab/vanishing-state.js";
import { SOFTMAX_TABLE } from "../../web/src/softmax/softmax-state.js";
import { tableKeys } from "../../web/src/state/url-table.js";

test("each element lists exactly its view's URL keys (the chain adds neurons)", () => {
  assert.deepEqual(
    CHAIN_KEYS.filter((k) => k !== "chainN"),
    tableKeys(CHAIN_TABLE),
  );
  assert.deepEqual([...SOFTMAX_KEYS], tableKeys(SOFTMAX_TABLE));
  assert.deepEqual([...VANISHING_KEYS], tableKeys(VANISHING_TABLE));
});

test("attribute names: the chain's short aliases, the lab's kebab-case keys", () => {
  assert.deepEqual(attributesOf(CHAIN_KEYS, CHAIN_ALIASES), [
    "neurons",
    "activation",
    "cost",
    "x",
    "y",
    "weights",
    "biases",
  ]);
  assert.deepEqual(attributesOf(VANISHING_KEYS), [
    "lab-hidden",
    "lab-samples",
    "lab-width",
    "lab-seed",
    "lab-epochs",
    "lab-batch",
    "lab-rate",
    "lab-l2",
    "lab-variants",
  ]);
  assert.deepEqual(attributesOf(SOFTMAX_KEYS), ["logits", "target", "nudge"]);
});

const none = new Set<string>();

test("neurons: resizes the default chain or the given one (new neurons w = 1, b = 0)", () => {
  let r = applyNeurons(new URLSearchParams("chainN=6&chainAct=tanh"), none);
  assert.equal(
    r.params.toString(),
    "chainAct=tanh&chainW=0.8%2C-0.9%2C0.7%2C0.6%2C1%2C1&chainB=0.2%2C-0.4%2C0.1%2C0.3%2C0%2C0",
  );
  r = applyNeurons(new URLSearchParams("chainN=2&chainW=3,4,5&chainB=1,1,1"), none);
  assert.equal(r.params.get("chainW"), "3,4");
  assert.equal(r.params.get("chainB"), "1,1");
  assert.equal(r.params.has("chainN"), false);
  assert.deepEqual(r.problems, []);
});

test("neurons: a bad count is named and ignored; bad weights are left to the view", () => {
  let r = applyNeurons(new URLSearchParams("chainN=11&chainW=1,2"), none);
  assert.deepEqual(r.problems, ['chainN: "11" is outside [2, 10]; ignored']);
  assert.equal(r.params.get("chainW"), "1,2");
  r = applyNeurons(new URLSearchParams("chainN=3&chainW=1,x"), none);
  assert.deepEqual(r.problems, []);
  assert.equal(r.params.get("chainW"), "1,x");
});

test("neurons: when a script changes the weights alone, the weights set the length", () => {
  const params = new URLSearchParams("chainN=4&chainW=1,2,3&chainB=0,0,0");
  assert.equal(applyNeurons(params, new Set(["chainW", "chainB"])).params.get("chainW"), "1,2,3");
  assert.equal(applyNeurons(params, new Set(["chainN", "chainW"])).params.get("chainW"), "1,2,3,1");
});

test("biases follow the weights' length unless given with them", () => {
  let r = applyNeurons(new URLSearchParams("chainW=2,2,2"), none);
  assert.equal(r.params.get("chainB"), "0.2,-0.4,0.1");
  r = applyNeurons(new URLSearchParams("chainW=2,2,2,2,2,2"), none);
  assert.equal(r.params.get("chainB"), "0.2,-0.4,0.1,0.3,0,0");
  // Given together with mismatched lengths: the view's reconcileChain names the mismatch.
  r = applyNeurons(new URLSearchParams("chainW=2,2,2&chainB=1,1"), none);
  assert.equal(r.params.get("chainB"), "1,1");
  // A script sets the weights alone: the (reflected) biases follow.
  r = applyNeurons(new URLSearchParams("chainW=2,2&chainB=1,1,1"), new Set(["chainW"]));
  assert.equal(r.params.get("chainB"), "1,1");
});
