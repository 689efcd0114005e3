// What the about/help page says that can be checked: the package's example (run as printed by
// tests/web/about-content.test.ts) and the install line.

export const INSTALL_COMMAND = "npm install gradscope";

/** A 10-line program: train a small network, then print each layer's speed of learning. */
export const PACKAGE_EXAMPLE = `import { init } from 'gradscope';

const gs = await init();
const data = gs.datasets.synthetic('xor', { n: 400, seed: 1 });
const net = gs.createNetwork({ layers: [2, 8, 8, 1], hidden: 'tanh',
  output: 'sigmoid', cost: 'cross-entropy', seed: 42 });
net.train(data.x, data.y, { epochs: 40, batchSize: 10, learningRate: 0.3 });
for (const layer of net.diagnostics(data.x, data.y))  // l = 2 … L
  console.log(layer.layer, layer.biasGradNorm);  // ‖∂C/∂bˡ‖: its speed
net.dispose();`;

export const BOOK_URL = "http://neuralnetworksanddeeplearning.com/";

/** The symbols the page and its cards use, each with what it means (the about page's glossary). */
export const GLOSSARY: readonly (readonly [string, string])[] = [
  [
    "l, L",
    "a layer's number: l = 1 is the input layer, l = 2 the first hidden layer, L the output layer (Nielsen's numbering)",
  ],
  ["η", "the learning rate: each step moves w and b by −η times the mini-batch's mean gradient"],
  ["λ", "the L2 regularisation strength: weight decay of ηλ/n per step for n training examples"],
  [
    "λ₁",
    "the L1 regularisation strength: each step moves every nonzero weight ηλ₁/n towards 0 (w → w − (ηλ₁/n) sgn(w) − η ∂C₀/∂w)",
  ],
  ["n_in", "the number of inputs of a neuron (the size of the layer before it)"],
  ["He init", "weights drawn from N(0, 2/n_in), meant for ReLU layers (He et al., 2015)"],
  ["δˡ", "the error of layer l: δˡ = ∂C/∂zˡ, the quantity backpropagation carries back"],
  [
    "BP1–BP4",
    "chapter 2's four equations of backpropagation: δᴸ at the output (BP1), δˡ from δˡ⁺¹ (BP2), ∂C/∂bˡ = δˡ (BP3), ∂C/∂wˡ = δˡ (aˡ⁻¹)ᵀ (BP4)",
  ],
  ["⊙", "the element-wise (Hadamard) product of two vectors"],
  [
    "σ, σ′",
    "the activation function and its derivative (the chosen activation's own symbol, e.g. ReLU′, where it is not the sigmoid)",
  ],
  ["‖∂C/∂bˡ‖", "the length of layer l's bias gradient: Nielsen's speed of learning of layer l"],
];
