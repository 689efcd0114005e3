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
