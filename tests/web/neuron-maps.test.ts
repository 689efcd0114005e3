// Per-neuron maps (web/src/model/neuron-maps.ts): the worker's layout (neuron-major columns of
// net.activations, one call per layer), a neuron's map found by reference, the colour scale from
// the activation's range (or the map's own extent), the pixels, and the boundary card's sentence.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import {
  computeNeuronMaps,
  layerActivationName,
  mapPixels,
  mapScale,
  neuronMajor,
  neuronMap,
  neuronMapBytes,
  neuronName,
} from "../../web/src/model/neuron-maps.js";
import { neuronMapCaption } from "../../web/src/views/neuron-map-panel.js";
import { shownIndices } from "../../web/src/views/network-diagram-geometry.js";
import { networkExplanation } from "../../web/src/cards/network-card.js";

test("neuronMajor picks columns of a cells × width matrix, one map after another", () => {
  // 3 cells × 4 neurons: a[c][j] = 10c + j.
  const a = Float32Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4));
  assert.deepEqual([...neuronMajor(a, 3, 4, [0, 2, 3])], [0, 10, 20, 2, 12, 22, 3, 13, 23]);
  assert.throws(() => neuronMajor(a, 3, 5, [0]), /12 values, not 3 cells × 5 neurons/);
});

test("computeNeuronMaps: one activations call per layer l = 1 … L, drawn neurons only", () => {
  const calls: number[] = [];
  const sizes = [2, 20, 1];
  const cells = 4;
  const grid = new Float32Array(cells * 2);
  const source = {
    activations(x: Float32Array, l: number) {
      assert.equal(x, grid);
      calls.push(l);
      const n = sizes[l - 1]!;
      return Float32Array.from({ length: cells * n }, (_, i) => 100 * l + (i % n));
    },
  };
  const maps = computeNeuronMaps(source, grid, sizes, { resolution: 2, extent: 1.5 }, shownIndices);
  assert.deepEqual(calls, [1, 2, 3]);
  assert.deepEqual(
    maps.layers.map((m) => m.neurons.length),
    [2, 16, 1],
  );
  // Layer 2 has 20 neurons: the 16 drawn ones (shownIndices), the last one is neuron 20.
  assert.equal(maps.layers[1]!.neurons.at(-1), 20);
  assert.deepEqual([...neuronMap(maps, { layer: 2, index: 20 })!], [219, 219, 219, 219]);
  assert.deepEqual([...neuronMap(maps, { layer: 1, index: 2 })!], [101, 101, 101, 101]);
  assert.equal(neuronMap(maps, { layer: 2, index: 3 }), null, "neuron 3 of 20 is not drawn");
  assert.equal(neuronMap(maps, { layer: 4, index: 1 }), null);
  assert.equal(neuronMap(null, { layer: 1, index: 1 }), null);
  assert.equal(neuronMapBytes(maps), (2 + 16 + 1) * cells * 4);
  assert.equal(neuronMapBytes(null), 0);
});

test("the colour scale: a bounded activation's range, else the map's own extent", () => {
  for (const a of catalogue.activations) {
    const [lo, hi] = a.outputRange;
    const s = mapScale([-3, 0.5, 2], a.name);
    if (Number.isFinite(lo) && Number.isFinite(hi)) {
      assert.deepEqual([s.low, s.high], [lo, hi], a.name);
      assert.match(s.basis, new RegExp(a.name));
    } else if (Number.isFinite(lo)) {
      assert.deepEqual([s.low, s.high], [lo, lo + 2 - lo], a.name);
    } else {
      assert.deepEqual([s.low, s.high], [-3, 3], a.name);
    }
  }
  // The input layer (no activation): ±its largest |a|; NaN ignored; all zero → ±1.
  assert.deepEqual(mapScale([0.2, NaN, -0.8], null), {
    low: -0.8,
    high: 0.8,
    basis: "this map's largest |a|",
  });
  assert.deepEqual([mapScale([0, 0], null).low, mapScale([0, 0], null).high], [-1, 1]);
});

test("pixels: white in the middle, blue at high, orange at low, grey for not a number", () => {
  const px = mapPixels([0, 1, -1, NaN], { low: -1, high: 1, basis: "" });
  const rgb = (i: number) => [...px.slice(4 * i, 4 * i + 3)];
  assert.deepEqual(rgb(0), [255, 255, 255]);
  assert.deepEqual(rgb(1), [64, 149, 197]); // 25 % white + 75 % #0072B2
  assert.deepEqual(rgb(2), [236, 183, 64]); // 25 % white + 75 % #E69F00
  assert.deepEqual(rgb(3), [153, 153, 153]);
  for (let i = 0; i < 4; i++) assert.equal(px[4 * i + 3], 255);
});

test("which activation a layer's map follows, and the card's words for a neuron", () => {
  const s = { activation: "relu", output: "sigmoid" } as const;
  assert.equal(layerActivationName(1, 4, s), null);
  assert.equal(layerActivationName(2, 4, s), "relu");
  assert.equal(layerActivationName(4, 4, s), "sigmoid");
  assert.equal(
    neuronName({ layer: 1, index: 3 }, 4, ["x1", "x2", "x1sq"]),
    "input 3 (x₁², layer l = 1)",
  );
  assert.equal(
    neuronName({ layer: 2, index: 5 }, 4, []),
    "neuron 5 of layer l = 2 (a hidden layer)",
  );
  assert.equal(
    neuronName({ layer: 4, index: 1 }, 4, []),
    "neuron 1 of layer l = 4 (the output layer)",
  );
  const caption = neuronMapCaption({ layer: 2, index: 1 }, 3, ["x1", "x2"], mapScale([], "tanh"));
  assert.match(caption, /^Showing neuron 1 of layer l = 2 \(a hidden layer\): its activation/);
  assert.match(caption, /orange −1, white 0, blue 1: tanh's range/);
  assert.match(caption, /Move off the neuron to see the output again\.$/);
});

test("the network card says why MNIST has no maps, and that plane sets have them", () => {
  assert.match(networkExplanation("image"), /784-pixel input has no plane/);
  assert.match(networkExplanation("plane"), /activation over the input plane/);
  assert.doesNotMatch(networkExplanation("line"), /784|input plane/);
});
