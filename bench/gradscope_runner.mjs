// Times gradscope's npm package training one benchmark network, in Node or in a page: the same
// code path a user's script takes (init → createNetwork → createTrainer → steps). One epoch is
// ⌈10,000 / m⌉ mini-batch steps, i.e. every digit once; no evaluation inside the timed region.
export async function runGradscope({
  init,
  flavour,
  env,
  images,
  labels,
  layers,
  batchSize,
  epochs,
  now,
}) {
  const count = labels.length;
  const y = new Float32Array(count * 10);
  labels.forEach((label, i) => {
    y[i * 10 + label] = 1;
  });
  const gs = await init({ flavour });
  if (gs.flavour !== flavour) throw new Error(`asked for flavour ${flavour}, got ${gs.flavour}`);
  const net = gs.createNetwork({
    layers,
    hidden: "sigmoid",
    output: "sigmoid",
    cost: "quadratic",
    init: "scaled",
    seed: 1,
  });
  const trainer = net.createTrainer(images, y, {
    batchSize,
    learningRate: 3.0,
    shuffle: true,
    seed: 1,
  });
  const stepsPerEpoch = Math.ceil(count / batchSize);
  trainer.steps(stepsPerEpoch); // warm-up: heap growth and V8's optimising tier
  const seconds = [];
  for (let e = 0; e < epochs; e++) {
    const start = now();
    trainer.steps(stepsPerEpoch);
    seconds.push((now() - start) / 1000);
  }
  trainer.dispose();
  const accuracy = net.evaluate(images, y).accuracy;
  net.dispose();
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
  return {
    runtime: `wasm-${flavour}`,
    env,
    layers,
    batchSize,
    samplesPerSec: count / median,
    accuracy,
    epochSeconds: seconds.map((s) => Number(s.toFixed(4))),
    harness: "npm package",
  };
}
