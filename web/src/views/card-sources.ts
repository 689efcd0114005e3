// Where each playground card comes from: the section of Nielsen's "Neural Networks and Deep
// Learning" it illustrates (from the package's view catalogue) and the equation it shows, named as
// the book names it (BP1–BP4 are chapter 2's four equations of backpropagation).

import {
  catalogue,
  type ActivationName,
  type CostName,
  type DatasetName,
  type HiddenActivationName,
  type ViewId,
} from "gradscope";

/** The settings an equation line depends on. */
export interface SourceSettings {
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  /** The run's data set (the input-space card's line follows its kind); absent: a plane. */
  dataset?: DatasetName;
}

/** Where the input-space card evaluates the feedforward: over the plane or along the line. */
function evaluatedOver(s: SourceSettings): string {
  const d = s.dataset === undefined ? null : catalogue.dataset(s.dataset);
  if (d?.kind === "line") return "evaluated along the line x ∈ [−1.5, 1.5] (one input, one output)";
  if (d?.problem === "regression") return "its one output evaluated over the input plane";
  return "evaluated over the input plane";
}

/**
 * "aˡ = σ(wˡaˡ⁻¹ + bˡ)" (Nielsen's eq. 25), or per layer kind when the hidden and output activations
 * differ. Layer indices, not a prime: on this page ′ means a derivative.
 */
function feedforward(s: SourceSettings): string {
  const hidden = catalogue.activation(s.activation).symbol;
  const output = catalogue.activation(s.output).symbol;
  const layer = (f: string, l: string, prev: string) => `${f}(w${l}a${prev} + b${l})`;
  if (hidden === output) return `aˡ = ${layer(hidden, "ˡ", "ˡ⁻¹")}`;
  return (
    `aˡ = ${layer(hidden, "ˡ", "ˡ⁻¹")} in the hidden layers, ` +
    `aᴸ = ${layer(output, "ᴸ", "ᴸ⁻¹")} at the output`
  );
}

/** The cost's formula as the loss card names it. */
const COST_FORMULA: Record<CostName, string> = {
  quadratic: "the quadratic cost C = ½‖y − aᴸ‖²",
  "cross-entropy": "the cross-entropy cost C = −Σⱼ [yⱼ ln aⱼᴸ + (1 − yⱼ) ln(1 − aⱼᴸ)]",
  "log-likelihood": "the log-likelihood cost C = −ln aᴸ of the true class",
};

/** Each view's equation; the loss card's depends on the chosen cost. */
const EQUATION: Record<ViewId, (s: SourceSettings) => string> = {
  "activation-curves": (s) =>
    `${catalogue.activation(s.activation).symbol}(z) and ` +
    `${catalogue.activation(s.activation).symbol}′(z), the factors of chapter 5's product ` +
    "∂C/∂b₁ = σ′(z₁) w₂ σ′(z₂) … wₗ σ′(zₗ) ∂C/∂aₗ",
  "derivative-distribution": () =>
    "BP2: δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ), and BP1: δᴸ = ∇ₐC ⊙ σ′(zᴸ) at the output",
  "gradient-norms": () => "BP3: ∂C/∂bˡⱼ = δˡⱼ, the speed of learning ‖∂C/∂bˡ‖ of layer l",
  "loss-accuracy": (s) => COST_FORMULA[s.cost],
  "decision-boundary": (s) => `the feedforward ${feedforward(s)}, ${evaluatedOver(s)}`,
  network: (s) => `${feedforward(s)}: each line a weight wˡⱼₖ, each ring a bias bˡⱼ`,
  "test-digits": () => "the guess = argmaxⱼ aᴸⱼ, the output neuron with the largest activation",
  "draw-digit": (s) =>
    `the feedforward ${feedforward(s)} of your drawing, made MNIST's 28 × 28 = 784 inputs`,
  "confusion-matrix": () =>
    "the test accuracy = Σᵢ Cᵢᵢ / Σᵢⱼ Cᵢⱼ, where Cᵢⱼ counts test samples of class i predicted as j",
  backprop: () =>
    "BP1–BP4 for one sample: δᴸ, δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ), ∂C/∂bˡ = δˡ, ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ",
  softmax: () => "aⱼ = exp(zⱼ) / Σₖ exp(zₖ) and its Jacobian ∂aᵢ/∂zⱼ = aᵢ ([i = j] − aⱼ)",
};

export interface CardSource {
  href: string;
  /** e.g. "Nielsen, chapter 5: The vanishing gradient problem". */
  section: string;
  /** e.g. "Shows BP3: ∂C/∂bˡⱼ = δˡⱼ, …". */
  equation: string;
}

export function cardSource(view: ViewId, settings: SourceSettings): CardSource {
  const { book } = catalogue.view(view);
  return {
    href: book.url,
    section: `Nielsen, chapter ${book.chapter}: ${book.section}`,
    equation: `Shows ${EQUATION[view](settings)}.`,
  };
}
