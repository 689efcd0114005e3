// compileWasm() and init({ wasmModule }): a page compiles the .wasm once and instantiates the one
// WebAssembly.Module wherever it needs a core (its workers), each instance with its own heap.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

import { compileWasm, GradscopeError, init } from "./support/built-package.js";

/** The weights after 20 epochs of XOR from the same seed: equal bits, whatever loaded the core. */
function trainedWeights(gs) {
  const net = gs.createNetwork({ layers: [2, 3, 1], hidden: "tanh", seed: 7 });
  try {
    const x = new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
    const y = new Float32Array([0, 1, 1, 0]);
    net.train(x, y, { epochs: 20, batchSize: 2, learningRate: 0.5 });
    return [...net.getParameters(2).weights];
  } finally {
    net.dispose();
  }
}

async function rejectsWith(promise, pattern) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof GradscopeError, `not a GradscopeError: ${e}`);
    assert.match(e.message, pattern);
    return true;
  });
}

test("a module compiled once instantiates twice, each instance with its own heap", async () => {
  const compiled = await compileWasm();
  assert.equal(compiled.flavour, "simd");
  assert.ok(compiled.module instanceof WebAssembly.Module);
  const a = await init({ wasmModule: compiled.module, flavour: compiled.flavour });
  const b = await init({ wasmModule: compiled.module, flavour: compiled.flavour });
  assert.equal(a.flavour, "simd");
  assert.equal(a.backend, "wasm-simd128");
  const before = b.memory().usedBytes;
  const net = a.createNetwork({ layers: [2, 64, 1] });
  assert.ok(a.memory().usedBytes > before, "the network lives in a's heap");
  assert.equal(b.memory().usedBytes, before, "b's heap is its own");
  net.dispose();
  // The same numbers as a core loaded from its URL.
  const fromUrl = await init({ flavour: "simd" });
  assert.deepEqual(trainedWeights(a), trainedWeights(fromUrl));
  assert.deepEqual(trainedWeights(b), trainedWeights(fromUrl));
});

test("the scalar build compiles too, and flavour 'auto' reads which build a module is", async () => {
  const scalar = await compileWasm({ flavour: "scalar" });
  assert.equal(scalar.flavour, "scalar");
  const gs = await init({ wasmModule: scalar.module });
  assert.equal(gs.flavour, "scalar");
  assert.equal(gs.backend, "scalar");
  const simd = await compileWasm({ flavour: "simd" });
  assert.equal((await init({ wasmModule: simd.module, flavour: "auto" })).flavour, "simd");
});

test("compileWasm reads a wasmUrl as init does", async () => {
  const url = new URL("../../wasm/dist/gradscope-scalar.wasm", import.meta.url);
  const compiled = await compileWasm({ flavour: "scalar", wasmUrl: url });
  assert.equal((await init({ wasmModule: compiled.module, flavour: "scalar" })).backend, "scalar");
});

test("bad values: named in the error, and the core still loads afterwards", async () => {
  const { module } = await compileWasm({ flavour: "simd" });
  await rejectsWith(
    init({ wasmModule: new Uint8Array(8) }),
    /wasmModule must be a WebAssembly.Module \(from compileWasm\(\)\), got a Uint8Array of 8 values/,
  );
  await rejectsWith(
    init({ wasmModule: "gradscope-simd.wasm" }),
    /wasmModule must be a WebAssembly.Module/,
  );
  await rejectsWith(
    init({ wasmModule: module, flavour: "scalar" }),
    /wasmModule is the simd build, not flavour 'scalar'/,
  );
  await rejectsWith(init({ wasmModule: module, flavour: "avx" }), /flavour 'avx' is unknown/);
  await rejectsWith(
    init({ wasmModule: module, wasmUrl: "gradscope-simd.wasm" }),
    /init takes wasmModule or wasmUrl, not both/,
  );
  await rejectsWith(
    init({ wasmModul: module }),
    /unknown option 'wasmModul' in init options; did you mean 'wasmModule'\?/,
  );
  // The smallest valid module (no imports, no memory): not a gradscope module.
  const empty = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  await rejectsWith(
    init({ wasmModule: empty }),
    /cannot instantiate wasmModule: it is not a gradscope module/,
  );
  await rejectsWith(
    compileWasm({ flavor: "simd" }),
    /unknown option 'flavor' in compileWasm options; did you mean 'flavour'\?/,
  );
  await rejectsWith(
    compileWasm({ flavour: "fast" }),
    /flavour 'fast' is unknown \(valid: auto, simd, scalar\)/,
  );
  await rejectsWith(compileWasm(null), /compileWasm options must be an object, got null/);
  await rejectsWith(
    compileWasm({ wasmUrl: "file:///no/such/gradscope.wasm" }),
    /cannot read file:\/\/\/no\/such\/gradscope.wasm: no such file/,
  );
  // Bytes that are not WebAssembly: refused before compiling.
  const text = new URL("../../wasm/dist/index.js", import.meta.url);
  await rejectsWith(
    compileWasm({ wasmUrl: text }),
    /index.js is not a valid simd WebAssembly module for this engine/,
  );
  assert.ok((await readFile(text)).length > 0);
  const gs = await init({ wasmModule: module });
  assert.equal(gs.backend, "wasm-simd128");
});
