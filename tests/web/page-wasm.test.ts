// The page's one compiled .wasm (web/src/runtime/page-wasm.ts): every caller gets the same
// compile, and the main thread's views share one core instantiated from it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pageCore, pageWasm } from "../../web/src/runtime/page-wasm.js";

test("one compile per page, one main-thread core from it", async () => {
  const first = pageWasm();
  assert.equal(pageWasm(), first, "the same promise: compiled once");
  const wasm = await first;
  assert.equal(wasm.flavour, "simd");
  assert.ok(wasm.module instanceof WebAssembly.Module);
  const core = await pageCore();
  assert.equal(await pageCore(), core, "the chain and softmax views share one instance");
  assert.equal(core.flavour, wasm.flavour);
  assert.equal(core.backend, "wasm-simd128");
  assert.equal(core.softmax([0, 0]).join(), "0.5,0.5");
});
