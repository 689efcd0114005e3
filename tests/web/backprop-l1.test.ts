// L1 on the page's backprop view (web/src/backprop/l1-term.ts and its callers): under λ₁ > 0 the
// update's rule and its lines show the term −(ηλ₁/n) sgn(w) with its number, the captions name λ₁
// and the L1 term Cₓ leaves out; under λ₁ = 0 nothing mentions it. Every combination of λ and λ₁.
import assert from "node:assert/strict";
import { test } from "node:test";
import katex from "katex";
import { backpropSteps } from "../../web/src/backprop/backprop-steps.js";
import { updateCaption } from "../../web/src/backprop/backprop-captions.js";
import { snapshotCaption } from "../../web/src/backprop/backprop-caption.js";
import { l1StepText, leftOutTerms, weightRule } from "../../web/src/backprop/l1-term.js";
import { fixtureInput } from "./backprop-fixtures.js";

const base = {
  sizes: [2, 3, 1],
  activation: "tanh",
  output: "sigmoid",
  cost: "cross-entropy",
  learningRate: 0.5,
  n: 200,
} as const;

function parses(tex: string): boolean {
  try {
    katex.renderToString(tex, { throwOnError: true });
    return true;
  } catch {
    return false;
  }
}

test("ηλ₁/n is computed from the run's numbers", () => {
  assert.equal(l1StepText({ learningRate: 0.5, l1: 0.1, n: 200 }), "0.00025");
  assert.equal(l1StepText({ learningRate: 0.03, l1: 3, n: 100 }), "0.0009");
});

test("the update's rule, lines and captions follow λ and λ₁ in every combination", () => {
  for (const l2 of [0, 1]) {
    for (const l1 of [0, 0.1, 3]) {
      const input = fixtureInput({ ...base, l2, l1 });
      const update = backpropSteps(input).at(-1)!;
      assert.equal(update.kind, "update");
      assert.ok(parses(update.tex), update.tex);
      assert.equal(/lambda_1/.test(update.tex), l1 > 0, update.tex);
      assert.equal(/\\eta\\lambda\}/.test(update.tex), l2 > 0, update.tex);
      assert.equal(/sign of w/.test(update.texLabel), l1 > 0, update.texLabel);
      const ops = update.lines.flat().filter((t) => t.kind === "op");
      for (const t of ops) assert.ok(parses(t.tex), t.tex);
      const l1Ops = ops.filter((t) => /lambda_1/.test(t.tex));
      // One L1 term per weighted layer (l = 2, 3), each with ηλ₁/n's value.
      assert.equal(l1Ops.length, l1 > 0 ? 2 : 0);
      const step = String((0.5 * l1) / 200);
      for (const t of l1Ops) {
        assert.ok(t.tex.includes(`_{=\\,${step}}`), t.tex);
        assert.match(t.tex, /\\operatorname\{sgn\}\(w\^\{[23]\}\)/);
      }
      const caption = updateCaption(input);
      assert.equal(
        caption.includes(`λ₁ = ${l1} and`) || caption.includes(`λ₁ = ${l1},`),
        l1 > 0,
        caption,
      );
      assert.equal(caption.includes(`ηλ₁/n = ${step}`), l1 > 0, caption);
      assert.equal(/the L1 term \(λ₁\/n\)Σ\|w\|/.test(caption), l1 > 0, caption);
      assert.equal(/the L2 term/.test(caption), l2 > 0, caption);
      if (l1 === 0 && l2 === 0) assert.match(caption, /no regularisation \(λ = 0, λ₁ = 0\)/);
      const status = snapshotCaption({ ...input, sampleLabel: "training sample 1 (class 0)" });
      assert.equal(status.includes("λ₁\u00a0=\u00a0"), l1 > 0, status);
      assert.equal(status.includes("no L2"), l1 === 0 && l2 === 0, status);
    }
  }
});

test("the rule's words and the left-out terms", () => {
  assert.equal(weightRule({ l2: 0, l1: 0 }).label, "w l becomes w l minus eta dC by dw l");
  assert.match(weightRule({ l2: 0, l1: 1 }).tex, /w\^\{l\} - \\tfrac\{\\eta\\lambda_1\}\{n\}/);
  assert.equal(leftOutTerms({ l2: 0, l1: 0 }), null);
  assert.equal(leftOutTerms({ l2: 1, l1: 1 }), "the L2 term (λ/2n)Σw² and the L1 term (λ₁/n)Σ|w|");
});
