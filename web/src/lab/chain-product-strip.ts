// The seed's product written out term by term: each factor σ'(z_j), w_j and ∂C/∂a_n with its live
// value and the running product under it, then the result beside backprop's ∂C/∂b_1.

import type { ChainProduct, ChainTerm } from "gradscope";
import { formatNumber, relativeDifference } from "../views/number-format.js";

/** The largest finite float32, 2^128 − 2^104. */
const FLOAT32_MAX = 3.4028234663852886e38;

function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)] ?? d);
}

export function termLabel(t: ChainTerm): string {
  if (t.kind === "sigma-prime") return `σ′(z${subscript(t.j)})`;
  if (t.kind === "weight") return `w${subscript(t.j)}`;
  return `∂C/∂a${subscript(t.j)}`;
}

export class ChainProductStrip {
  private readonly terms: HTMLOListElement;
  private readonly result: HTMLParagraphElement;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.terms = doc.createElement("ol");
    this.terms.className = "chain-terms";
    this.terms.setAttribute("aria-label", "Factors of ∂C/∂b₁ with the running product");
    this.result = doc.createElement("p");
    this.result.className = "chain-result";
    this.result.setAttribute("aria-live", "polite");
    container.append(this.terms, this.result);
  }

  show(p: ChainProduct, maxDerivative: number): void {
    const doc = this.terms.ownerDocument;
    const items = p.terms.map((t, i) => {
      const li = doc.createElement("li");
      li.className = `chain-term term-${t.kind}`;
      const label = doc.createElement("span");
      label.className = "term-label";
      label.textContent = (i > 0 ? "× " : "") + termLabel(t);
      const value = doc.createElement("span");
      value.className = "term-value";
      value.textContent = formatNumber(t.value);
      const running = doc.createElement("span");
      running.className = "term-running";
      running.textContent = `= ${formatNumber(t.running)}`;
      running.title = "running product of this factor and all before it";
      if (t.kind === "sigma-prime" && t.value < 0.01 * maxDerivative) li.classList.add("saturated");
      li.append(label, value, running);
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
