// The package's catalogue (wasm/src/catalogue.ts) against the core's tables (core/catalogue.hpp,
// listed by the coreCatalogue binding) and against what the core accepts: the same rows in the
// same order, every listed combination constructs, every unlisted one is refused with the core's
// message.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { loadModule } from "../../wasm/dist/load-module.js";
import { GradscopeError, sharedModule } from "./support/built-package.js";
import * as root from "../../wasm/dist/index.js";

const { catalogue } = root;

const shared = sharedModule();

describe("catalogue", () => {
  test("is exported from the package root, usable before init(), and as gs.catalogue", () => {
    assert.equal(typeof root.catalogue.costsAllowedAfter, "function");
    assert.ok(Object.isFrozen(catalogue) && Object.isFrozen(catalogue.activations));
    assert.equal(shared.gs.catalogue, catalogue);
  });

  test("has the core's rows, in the core's order", async () => {
    const raw = await loadModule("scalar");
    const core = raw.coreCatalogue();
    const pick = (rows, keys) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
    const activationKeys = [
      "name",
      "maxDerivative",
      "derivativeRange",
      "zeroDerivative",
      "hidden",
      "output",
      "outputRange",
      "minOutputUnits",
    ];
    assert.deepEqual(
      pick(catalogue.activations, activationKeys),
      pick(core.activations, activationKeys),
    );
    assert.deepEqual(pick(catalogue.costs, ["name"]), core.costs);
    assert.deepEqual(pick(catalogue.initialisers, ["name"]), core.initialisers);
    assert.deepEqual(pick(catalogue.problems, ["name", "measure"]), core.problems);
    const datasetKeys = ["name", "kind", "problem", "inputFeatures", "classes", "classRange"];
    assert.deepEqual(
      pick(
        catalogue.datasets.filter((d) => d.source === "synthetic"),
        datasetKeys,
      ),
      core.datasets,
    );
    // The other rows have no generator in the core, so no core row to match: "idx" rows are
    // read by gs.datasets.idxDataset (MNIST), "points" rows are the learner's own data (Edit data,
    // CSV). Their columns must still agree with the problem they state.
    for (const d of catalogue.datasets.filter((r) => r.source !== "synthetic")) {
      assert.ok(["idx", "points"].includes(d.source), d.name);
      const [lo, hi] = d.classRange;
      if (d.problem === "regression") {
        assert.deepEqual([d.classes, lo, hi], [0, 0, 0], d.name);
      } else {
        assert.ok(lo >= 2 && lo <= d.classes && d.classes <= hi, d.name);
      }
      assert.equal(d.inputFeatures, d.kind === "line" ? 1 : d.kind === "plane" ? 2 : 784, d.name);
    }
    assert.deepEqual(pick(catalogue.pairs, ["output", "cost", "bp1"]), core.pairs);
    // The feature column: the core computes exactly the features the package lists.
    assert.deepEqual(pick(catalogue.features, ["name"]), core.features);
    for (const p of catalogue.problems) {
      assert.ok(
        catalogue.datasets.some((d) => d.problem === p.name),
        p.name,
      );
    }
  });

  test("every listed (hidden, output, cost) combination constructs; every other is refused", () => {
    let built = 0;
    let refused = 0;
    for (const hidden of catalogue.activations) {
      for (const output of catalogue.activations) {
        for (const cost of catalogue.costs) {
          const options = {
            layers: [2, 3, 3],
            hidden: hidden.name,
            output: output.name,
            cost: cost.name,
          };
          const listed =
            hidden.hidden && catalogue.costsAllowedAfter(output.name).includes(cost.name);
          assert.equal(
            listed,
            hidden.hidden && catalogue.pair(output.name, cost.name) !== undefined,
          );
          if (listed) {
            shared.network(options);
            ++built;
            continue;
          }
          assert.throws(
            () => shared.network(options),
            (e) => {
              assert.ok(e instanceof GradscopeError, String(e));
              // The core's own message: the refused activation or the pair, by name.
              if (!hidden.hidden) {
                assert.equal(
                  e.message,
                  `${hidden.name} is an output activation only, not a hidden one`,
                );
              } else {
                assert.match(
                  e.message,
                  new RegExp(`^${cost.name} cost needs .*, got '${output.name}'$`),
                );
              }
              return true;
            },
          );
          ++refused;
        }
      }
    }
    const hiddenCount = catalogue.activations.filter((a) => a.hidden).length;
    assert.equal(built, hiddenCount * catalogue.pairs.length);
    assert.equal(built + refused, catalogue.activations.length ** 2 * catalogue.costs.length);
  });

  test("names match what the core parses, and nothing else parses", () => {
    const gs = shared.gs;
    for (const a of catalogue.activations) {
      if (a.name === "softmax") continue; // not element-wise: no scalar σ
      assert.equal(gs.activations.maxDerivative(a.name), a.maxDerivative);
      assert.equal(gs.activations.derivative(a.name, 0) <= a.derivativeRange[1], true);
    }
    assert.deepEqual(
      gs.activations.names,
      catalogue.activations.map((a) => a.name),
    );
    for (const i of catalogue.initialisers) {
      shared.network({ layers: [2, 1], init: i.name });
    }
    for (const d of catalogue.datasets.filter((r) => r.source === "synthetic")) {
      for (let k = d.classRange[0]; k <= d.classRange[1]; ++k) {
        const set = gs.datasets.synthetic(d.name, { n: 12, classes: k });
        assert.equal(set.inputWidth, d.inputFeatures);
        assert.equal(set.problem, d.problem);
        // Default output width: 1 for two classes and for regression, K one-hot for K > 2.
        assert.equal(set.outputWidth, k > 2 ? k : 1, `${d.name} ${k}`);
        assert.equal(set.labels.length, d.problem === "regression" ? 0 : 12);
        if (d.problem === "classification") assert.equal(new Set(set.labels).size, k);
      }
    }
    assert.deepEqual(
      gs.datasets.kinds,
      catalogue.datasets.filter((r) => r.source === "synthetic").map((r) => r.name),
    );
    const list = (rows) => rows.map((r) => r.name).join(", ");
    assert.throws(
      () => shared.network({ layers: [2, 1], hidden: "swish" }),
      new RegExp(`unknown activation 'swish' \\(valid: ${list(catalogue.activations)}\\)`),
    );
    assert.throws(
      () => shared.network({ layers: [2, 1], cost: "mse" }),
      new RegExp(`unknown cost 'mse' \\(valid: ${list(catalogue.costs)}\\)`),
    );
    assert.throws(
      () => shared.network({ layers: [2, 1], init: "xavier" }),
      new RegExp(`unknown init 'xavier' \\(valid: ${list(catalogue.initialisers)}\\)`),
    );
    const synthetic = catalogue.datasets.filter((r) => r.source === "synthetic");
    assert.throws(
      () => gs.datasets.synthetic("moons"),
      new RegExp(`unknown data set 'moons' \\(valid: ${list(synthetic)}\\)`),
    );
  });

  test("views: one row per id, with a book section, a title and the data kinds they show", () => {
    const ids = catalogue.views.map((v) => v.id);
    assert.deepEqual(ids, [
      "activation-curves",
      "derivative-distribution",
      "gradient-norms",
      "loss-accuracy",
      "decision-boundary",
      "network",
      "test-digits",
      "backprop",
      "softmax",
    ]);
    const kinds = new Set(catalogue.datasets.map((d) => d.kind));
    for (const v of catalogue.views) {
      assert.match(v.book.url, /^http:\/\/neuralnetworksanddeeplearning\.com\/chap[1-6]\.html$/);
      assert.ok(v.title.length > 0 && v.book.section.length > 0, v.id);
      assert.ok(v.dataKinds.length > 0 && v.dataKinds.every((k) => kinds.has(k)), v.id);
    }
    assert.equal(catalogue.view("test-digits").title, "Test digits and the network's guesses");
  });

  test("costsAllowedAfter puts the book's pairing first", () => {
    assert.deepEqual(catalogue.costsAllowedAfter("sigmoid"), ["cross-entropy", "quadratic"]);
    assert.deepEqual(catalogue.costsAllowedAfter("softmax"), [
      "log-likelihood",
      "cross-entropy",
      "quadratic",
    ]);
    assert.deepEqual(catalogue.costsAllowedAfter("tanh"), ["quadratic"]);
  });
});
