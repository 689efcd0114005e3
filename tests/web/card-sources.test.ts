// Each playground card's book section (a link into Nielsen's book) and the equation it names
// (web/src/views/card-sources.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { COSTS } from "../../web/src/state/settings.js";
import { cardSource } from "../../web/src/views/card-sources.js";
import { HIDDEN_ACTIVATIONS } from "../../web/src/state/settings.js";

const sig = (cost: (typeof COSTS)[number]) =>
  ({ activation: "sigmoid", output: "sigmoid", cost }) as const;

test("every view links to its chapter of the book and names an equation", () => {
  for (const view of catalogue.views) {
    for (const cost of COSTS) {
      const s = cardSource(view.id, { activation: "sigmoid", output: "sigmoid", cost });
      assert.equal(
        s.href,
        `http://neuralnetworksanddeeplearning.com/chap${view.book.chapter}.html`,
      );
      assert.ok(s.section.includes(`chapter ${view.book.chapter}: ${view.book.section}`));
      assert.match(s.equation, /^Shows .+=.+\.$/, view.id);
    }
  }
  assert.match(cardSource("derivative-distribution", sig("quadratic")).equation, /BP2: .*BP1: /);
  assert.match(cardSource("gradient-norms", sig("quadratic")).equation, /BP3: ∂C\/∂bˡⱼ = δˡⱼ/);
});

test("the loss card names the chosen cost's formula", () => {
  assert.match(
    cardSource("loss-accuracy", sig("quadratic")).equation,
    /quadratic cost C = ½‖y − aᴸ‖²/,
  );
  assert.match(cardSource("loss-accuracy", sig("cross-entropy")).equation, /cross-entropy cost/);
  assert.match(cardSource("loss-accuracy", sig("log-likelihood")).equation, /log-likelihood cost/);
});

test("the feedforward and activation lines name the chosen activation, not σ under ReLU or tanh", () => {
  for (const activation of HIDDEN_ACTIVATIONS) {
    for (const { output, cost } of catalogue.pairs) {
      const s = { activation, output, cost };
      const hidden = catalogue.activation(activation).symbol;
      const out = catalogue.activation(output).symbol;
      for (const view of ["decision-boundary", "network", "draw-digit"] as const) {
        const line = cardSource(view, s).equation;
        assert.ok(line.includes(`aˡ = ${hidden}(wˡaˡ⁻¹ + bˡ)`), line);
        assert.ok(line.includes(`${out}(w`), line);
        if (hidden !== out)
          assert.ok(line.includes(`aᴸ = ${out}(wᴸaᴸ⁻¹ + bᴸ) at the output`), line);
        // On this page ′ marks a derivative: the feedforward line has none.
        assert.doesNotMatch(line, /′/, line);
        if (hidden !== "σ" && out !== "σ") assert.doesNotMatch(line, /σ/, line);
      }
      const curves = cardSource("activation-curves", s).equation;
      assert.ok(curves.startsWith(`Shows ${hidden}(z) and ${hidden}′(z),`), curves);
    }
  }
  assert.match(
    cardSource("decision-boundary", { activation: "relu", output: "sigmoid", cost: "quadratic" })
      .equation,
    /aˡ = ReLU\(wˡaˡ⁻¹ \+ bˡ\) in the hidden layers, aᴸ = σ\(wᴸaᴸ⁻¹ \+ bᴸ\) at the output/,
  );
});
