// Where each playground card comes from: the section of Nielsen's "Neural Networks and Deep
// Learning" it illustrates (from the package's view catalogue) and the equation it shows, named as
// the book names it (BP1–BP4 are chapter 2's four equations of backpropagation).

import { catalogue, type CostName, type ViewId } from "gradscope";

/** The cost's formula as the loss card names it. */
const COST_FORMULA: Record<CostName, string> = {
  quadratic: "the quadratic cost C = ½‖y − aᴸ‖²",
  "cross-entropy": "the cross-entropy cost C = −Σⱼ [yⱼ ln aⱼᴸ + (1 − yⱼ) ln(1 − aⱼᴸ)]",
  "log-likelihood": "the log-likelihood cost C = −ln aᴸ of the true class",
};

/** Each view's equation; the loss card's depends on the chosen cost. */
const EQUATION: Record<ViewId, (cost: CostName) => string> = {
  "activation-curves": () =>
    "σ(z) and σ′(z), the factors of chapter 5's product " +
    "∂C/∂b₁ = σ′(z₁) w₂ σ′(z₂) … wₗ σ′(zₗ) ∂C/∂aₗ",
  "derivative-distribution": () =>
    "BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ), and BP1: δᴸ = ∇ₐC ⊙ σ′(zᴸ) at the output",
  "gradient-norms": () => "BP3: ∂C/∂bˡⱼ = δˡⱼ, the speed of learning ‖∂C/∂bˡ‖ of layer l",
  "loss-accuracy": (cost) => COST_FORMULA[cost],
  "decision-boundary": () => "the feedforward a′ = σ(w a + b), evaluated over the input plane",
  network: () => "a′ = σ(w a + b): each line a weight wˡⱼₖ, each ring a bias bˡⱼ",
  "test-digits": () => "the guess = argmaxⱼ aᴸⱼ, the output neuron with the largest activation",
};

export interface CardSource {
  href: string;
  /** e.g. "Nielsen, chapter 5: The vanishing gradient problem". */
  section: string;
  /** e.g. "Shows BP3: ∂C/∂bˡⱼ = δˡⱼ, …". */
  equation: string;
}

export function cardSource(view: ViewId, cost: CostName): CardSource {
  const { book } = catalogue.view(view);
  return {
    href: book.url,
    section: `Nielsen, chapter ${book.chapter}: ${book.section}`,
    equation: `Shows ${EQUATION[view](cost)}.`,
  };
}
