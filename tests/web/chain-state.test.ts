// The chain lab's state (web/src/lab/chain-state.ts): its URL table, the reconciliation of an
// inconsistent link, and resizing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import {
  CHAIN_ACTIVATIONS,
  CHAIN_COSTS,
  CHAIN_TABLE,
  chainCostsAfter,
  DEFAULT_CHAIN,
  reconcileChain,
  resizeChain,
  roundForUrl,
  type ChainState,
} from "../../web/src/lab/chain-state.js";
import { parseParams, writeParams } from "../../web/src/state/url-table.js";

test("menus: element-wise activations, and the costs some of them accept", () => {
  assert.deepEqual(
    CHAIN_ACTIVATIONS,
    catalogue.activations.filter((a) => a.hidden).map((a) => a.name),
  );
  assert.deepEqual(CHAIN_COSTS, ["quadratic", "cross-entropy"]);
  assert.deepEqual(chainCostsAfter("sigmoid"), ["cross-entropy", "quadratic"]);
  assert.deepEqual(chainCostsAfter("tanh"), ["quadratic"]);
});

test("URL round trip, parameters rounded to six digits", () => {
  const s: ChainState = {
    chainAct: "tanh",
    chainCost: "quadratic",
    chainX: -2.5,
    chainY: 0.25,
    chainW: [1 / 3, 100, -7],
    chainB: [0, -0.5, 2e-7],
  };
  const params = new URLSearchParams();
  writeParams(CHAIN_TABLE, s, params);
  assert.equal(params.get("chainW"), "0.333333,100,-7");
  const back = parseParams(CHAIN_TABLE, DEFAULT_CHAIN, params);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.value, { ...s, chainW: s.chainW.map(roundForUrl) });
});

test("rejections: softmax, too few neurons, out-of-range parameters", () => {
  const params = new URLSearchParams("chainAct=softmax&chainW=1&chainB=1,2,3000&chainCost=mse");
  const { value, problems } = parseParams(CHAIN_TABLE, DEFAULT_CHAIN, params);
  assert.deepEqual(value, DEFAULT_CHAIN);
  assert.equal(problems.length, 4);
  assert.match(problems[0] ?? "", /^chainAct: "softmax" is not one of sigmoid, tanh, /);
  assert.match(problems[1] ?? "", /^chainCost: "mse" is not one of quadratic, cross-entropy;/);
  assert.match(problems[2] ?? "", /^chainW: 1 entries, 2 to 10 allowed; default used$/);
  assert.match(problems[3] ?? "", /^chainB: "3000" is outside \[-1000, 1000\]; default used$/);
});

test("reconcile: a cost the activation does not take, a target outside [0, 1], bias count", () => {
  const tanh = reconcileChain({ ...DEFAULT_CHAIN, chainAct: "tanh", chainCost: "cross-entropy" });
  assert.equal(tanh.state.chainCost, "quadratic");
  assert.deepEqual(tanh.problems, [
    "chainCost: cross-entropy needs a sigmoid output, not tanh; quadratic used",
  ]);
  const target = reconcileChain({ ...DEFAULT_CHAIN, chainCost: "cross-entropy", chainY: 2 });
  assert.equal(target.state.chainY, 0);
  assert.deepEqual(target.problems, [
    "chainY: cross-entropy needs a target in [0, 1], not 2; 0 used",
  ]);
  const biases = reconcileChain({ ...DEFAULT_CHAIN, chainB: [1, 2] });
  assert.deepEqual(biases.state.chainB, [0, 0, 0, 0]);
  assert.equal(biases.problems.length, 1);
  const clean = reconcileChain({ ...DEFAULT_CHAIN, chainCost: "cross-entropy", chainY: 1 });
  assert.deepEqual(clean.problems, []);
  assert.notEqual(clean.state.chainW, DEFAULT_CHAIN.chainW, "a copy");
});

test("resize keeps parameters and adds w = 1, b = 0", () => {
  const grown = resizeChain(DEFAULT_CHAIN, 6);
  assert.deepEqual(grown.chainW, [0.8, -0.9, 0.7, 0.6, 1, 1]);
  assert.deepEqual(grown.chainB, [0.2, -0.4, 0.1, 0.3, 0, 0]);
  assert.deepEqual(resizeChain(DEFAULT_CHAIN, 2).chainW, [0.8, -0.9]);
});
