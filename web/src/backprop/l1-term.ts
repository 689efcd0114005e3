// The L1 term of the update as the backprop view shows it (Nielsen ch. 3, with L2 beside it):
// w → (1 − ηλ/n) w − (ηλ₁/n) sgn(w) − η ∂C/∂w, sgn(0) = 0, biases not regularised. Pure: no DOM.

import type { BackpropInput } from "./backprop-input.js";

type Rates = Pick<BackpropInput, "learningRate" | "l1" | "n">;

/** ηλ₁/n, the step every nonzero weight takes towards 0, to 6 significant digits. */
export function l1StepText(input: Rates): string {
  return String(Number(((input.learningRate * input.l1) / input.n).toPrecision(6)));
}

/** The update's operator for the L1 term, in TeX and in words (only when λ₁ > 0). */
export function l1TermOp(input: Rates, l: number): { tex: string; label: string } {
  const step = l1StepText(input);
  return {
    tex: `-\\,\\underbrace{\\tfrac{\\eta\\lambda_1}{n}}_{=\\,${step}}\\operatorname{sgn}(w^{${l}})`,
    label: `minus eta lambda one over n, which is ${step}, times the sign of w ${l}`,
  };
}

/** The update rule for w in TeX and words, with whichever of L2 and L1 are on. */
export function weightRule(input: Pick<BackpropInput, "l2" | "l1">): {
  tex: string;
  label: string;
} {
  const decay = input.l2 > 0;
  const l1 = input.l1 > 0;
  const scaled = decay ? `\\left(1 - \\tfrac{\\eta\\lambda}{n}\\right) w^{l}` : `w^{l}`;
  const sign = l1 ? ` - \\tfrac{\\eta\\lambda_1}{n} \\operatorname{sgn}(w^{l})` : "";
  return {
    tex: `w^{l} \\to ${scaled}${sign} - \\eta \\frac{\\partial C}{\\partial w^{l}}`,
    label:
      `w l becomes ${decay ? "(1 minus eta lambda over n) w l" : "w l"}` +
      `${l1 ? " minus eta lambda one over n times the sign of w l" : ""} minus eta dC by dw l`,
  };
}

/**
 * The update caption's sentence on regularisation, e.g. "λ = 1 and n = 200 training samples:
 * every weight is first scaled by 1 − ηλ/n = 0.9975." with `decay` the factor's text.
 */
export function regularisationSentence(
  input: Pick<BackpropInput, "learningRate" | "l2" | "l1" | "n">,
  decay: string,
): string {
  const { l2, l1, n } = input;
  if (l2 <= 0 && l1 <= 0) return ` and no regularisation (λ = 0, λ₁ = 0).`;
  const parts: string[] = [];
  if (l2 > 0) parts.push(`λ = ${l2}`);
  if (l1 > 0) parts.push(`λ₁ = ${l1}`);
  const what: string[] = [];
  if (l2 > 0) what.push(`every weight is first scaled by 1 − ηλ/n = ${decay}`);
  if (l1 > 0) {
    what.push(
      `every nonzero weight moves ηλ₁/n = ${l1StepText(input)} towards 0 (the L1 term ` +
        `−(ηλ₁/n) sgn(w))`,
    );
  }
  return `, ${parts.join(", ")} and n = ${n} training samples: ${what.join("; then ")}.`;
}

/** Which regularisation terms the cost Cₓ leaves out, e.g. "the L2 term (λ/2n)Σw²". */
export function leftOutTerms(input: Pick<BackpropInput, "l2" | "l1">): string | null {
  const terms: string[] = [];
  if (input.l2 > 0) terms.push("the L2 term (λ/2n)Σw²");
  if (input.l1 > 0) terms.push("the L1 term (λ₁/n)Σ|w|");
  return terms.length ? terms.join(" and ") : null;
}
