// The backprop stepper's steps and sentences on traces from the real package (net.trace in Node,
// the core in wasm): every hidden activation × (output, cost) pair × 0–3 hidden layers. The steps
// show every field of the trace, and the sentences agree with the numbers the core computed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue, init, type Trace } from "gradscope";
import { HIDDEN_ACTIVATIONS } from "../../web/src/state/settings.js";
import type { BackpropInput } from "../../web/src/backprop/backprop-input.js";
import { backpropSteps, deltaNorm } from "../../web/src/backprop/backprop-steps.js";
import { bp1Caption, updateCaption } from "../../web/src/backprop/backprop-captions.js";
import { arrayAtPath, outputUnits } from "./backprop-fixtures.js";

test("steps and captions over every setting, on net.trace from the package", async () => {
  const gs = await init();
  let checked = 0;
  for (const activation of HIDDEN_ACTIVATIONS) {
    for (const { output, cost, bp1 } of catalogue.pairs) {
      for (let depth = 0; depth <= 3; ++depth) {
        const nOut = outputUnits(output);
        const layerSizes = [2, ...Array.from({ length: depth }, (_, i) => 4 + i), nOut];
        const net = gs.createNetwork({
          layers: layerSizes,
          hidden: activation,
          output,
          cost,
          seed: 7,
        });
        try {
          const y = nOut === 1 ? [1] : Array.from({ length: nOut }, (_, j) => (j === 1 ? 1 : 0));
          for (const [eta, l2] of [
            [0.1, 0],
            [0.5, 2],
            [40, 0],
          ] as const) {
            const trace: Trace = net.trace([0.3, -0.8], y, { learningRate: eta, l2, n: 50 });
            const input: BackpropInput = {
              trace,
              step: 0,
              sample: { set: "train", index: 0 },
              sampleLabel: "training sample 0 (class 1)",
              layerSizes,
              activation,
              output,
              cost,
              learningRate: eta,
              l2,
              l1: 0,
              n: 50,
            };
            assert.equal(trace.bp1Form, bp1);
            const steps = backpropSteps(input);
            const shown = new Set<string>();
            for (const step of steps) {
              for (const term of step.lines.flat()) {
                const arrays =
                  term.kind === "array"
                    ? [term.array]
                    : term.kind === "outer"
                      ? [term.product, term.left, term.top]
                      : [];
                for (const a of arrays) {
                  assert.equal(a.values, arrayAtPath(trace, a.path), `${step.id} ${a.path}`);
                  shown.add(a.path);
                }
              }
            }
            trace.layers.forEach((layer, i) => {
              for (const [key, value] of Object.entries(layer))
                if (value instanceof Float32Array)
                  assert.ok(shown.has(`layers[${i}].${key}`), `layers[${i}].${key}`);
            });
            const text = updateCaption(input);
            const { cost: before, costAfter: after } = trace;
            if (Number.isFinite(before) && Number.isFinite(after!)) {
              assert.equal(/fell/.test(text), after! < before, text);
              assert.equal(/rose/.test(text), after! > before, text);
            }
            assert.equal(/no BP2 step/.test(bp1Caption(input)), depth === 0);
            const bp2 = steps.filter((s) => s.kind === "bp2");
            assert.equal(bp2.length, depth);
            for (const s of bp2) {
              // Judged from the output layer L to this layer, not from the last ratio alone.
              const L = depth + 2;
              const smaller = deltaNorm(trace, s.layer).norm < deltaNorm(trace, L).norm;
              assert.equal(/vanishing gradient/.test(s.caption), smaller, s.caption);
            }
            ++checked;
          }
        } finally {
          net.dispose();
        }
      }
    }
  }
  assert.equal(checked, HIDDEN_ACTIVATIONS.length * catalogue.pairs.length * 4 * 3);
});
