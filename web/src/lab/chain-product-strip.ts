// The product written out factor by factor in the order backprop multiplies it, from the output
// back to the input: ∂C/∂a_n, × σ′(z_n) (BP1: δ_n), × w_n (BP2: ∂C/∂a_(n−1)), × σ′(z_(n−1))
// (BP2: δ_(n−1)), …, × σ′(z_1) (δ_1 = ∂C/∂b_1). Each box shows the factor's value and the running
// value it makes, named; then the result beside backprop's ∂C/∂b_1.

import type { ChainProduct } from "gradscope";
import { formatNumber, relativeDifference } from "../views/number-format.js";
import { backwardSteps, termLabel } from "./chain-backward.js";

/** The largest finite float32, 2^128 − 2^104. */
const FLOAT32_MAX = 3.4028234663852886e38;

export class ChainProductStrip {
  private readonly terms: HTMLOListElement;
  private readonly result: HTMLParagraphElement;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.terms = doc.createElement("ol");
    this.terms.className = "chain-terms";
    this.terms.setAttribute(
      "aria-label",
      "Factors of ∂C/∂b₁ from the output back to the input, with the running value each makes",
    );
    this.result = doc.createElement("p");
    this.result.className = "chain-result";
    this.result.setAttribute("aria-live", "polite");
    container.append(this.terms, this.result);
  }

  show(p: ChainProduct, maxDerivative: number): void {
    const doc = this.terms.ownerDocument;
    const span = (cls: string, text: string) => {
      const s = doc.createElement("span");
      s.className = cls;
      s.textContent = text;
      return s;
    };
    const items = backwardSteps(p).map((step, i) => {
      const t = step.factor;
      const li = doc.createElement("li");
      li.className = `chain-term term-${t.kind}`;
      li.dataset.quantity = step.quantity;
      const running = span("term-running", "= ");
      running.append(
        span("running-name", step.name),
        " = ",
        span("running-value", formatNumber(step.running)),
      );
      running.title = "the product of this factor and every factor to its left";
      if (t.kind === "sigma-prime" && t.value < 0.01 * maxDerivative) li.classList.add("saturated");
      li.append(
        span("term-label", (i > 0 ? "× " : "") + termLabel(t)),
        span("term-value", formatNumber(t.value)),
        running,
        span("term-equation", step.equation === "start" ? "start" : step.equation),
      );
      return li;
    });
    this.terms.replaceChildren(...items);
    const diff = relativeDifference(p.dCdb1, p.backpropDCdb1);
    // Float32 backprop against the same factors multiplied in double: a few float ulps apart,
    // unless float32 overflowed (past ~3.4e38 it holds only ∞, and ∞ − ∞ is NaN).
    const overflow = !Number.isFinite(p.backpropDCdb1);
    const agree = !overflow && diff < 1e-4;
    this.result.replaceChildren();
    const strong = doc.createElement("strong");
    strong.textContent = `∂C/∂b₁ = ${formatNumber(p.dCdb1)}`;
    const check = doc.createElement("span");
    check.className = agree ? "agree" : "disagree";
    check.textContent =
      " · backprop (the four equations, float32): " +
      (overflow
        ? "overflows float32: its largest number is about 3.4e38, so a float32 network gets ∞ " +
          "instead of the value above and training breaks down; smaller weights |w| avoid it"
        : `${formatNumber(p.backpropDCdb1)} — ` +
          (agree
            ? `equal to float precision (relative difference ${diff.toExponential(1)})`
            : `differs by ${diff.toExponential(1)}`));
    const cost = doc.createElement("span");
    cost.className = "chain-cost";
    cost.textContent =
      ` · C = ${formatNumber(p.cost)}` +
      (Math.abs(p.cost) > FLOAT32_MAX ? " (also beyond float32's largest number)" : "");
    this.result.append(strong, check, cost);
  }
}
