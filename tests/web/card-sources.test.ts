// Each playground card's book section (a link into Nielsen's book) and the equation it names
// (web/src/views/card-sources.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { COSTS } from "../../web/src/state/settings.js";
import { cardSource } from "../../web/src/views/card-sources.js";

test("every view links to its chapter of the book and names an equation", () => {
  for (const view of catalogue.views) {
    for (const cost of COSTS) {
      const s = cardSource(view.id, cost);
      assert.equal(
        s.href,
        `http://neuralnetworksanddeeplearning.com/chap${view.book.chapter}.html`,
      );
      assert.ok(s.section.includes(`chapter ${view.book.chapter}: ${view.book.section}`));
      assert.match(s.equation, /^Shows .+=.+\.$/, view.id);
    }
  }
  assert.match(cardSource("derivative-distribution", "quadratic").equation, /BP2: .*BP1: /);
  assert.match(cardSource("gradient-norms", "quadratic").equation, /BP3: ∂C\/∂bˡⱼ = δˡⱼ/);
});

test("the loss card names the chosen cost's formula", () => {
  assert.match(cardSource("loss-accuracy", "quadratic").equation, /quadratic cost C = ½‖y − aᴸ‖²/);
  assert.match(cardSource("loss-accuracy", "cross-entropy").equation, /cross-entropy cost/);
  assert.match(cardSource("loss-accuracy", "log-likelihood").equation, /log-likelihood cost/);
});
