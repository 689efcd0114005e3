// The page's one compiled .wasm: fetched and compiled on first use, then posted to every worker of
// the pool and instantiated by the views that compute on the main thread (the chain lab, softmax).
// The URL is the package's own (next to its code), so it resolves wherever the page or the
// elements' script is served from.

import { compileWasm, init, type CompiledWasm, type Gradscope } from "gradscope";

let compiled: Promise<CompiledWasm> | null = null;
let mainCore: Promise<Gradscope> | null = null;

/** The page's compiled module (a failed compile is retried by the next call). */
export function pageWasm(): Promise<CompiledWasm> {
  if (!compiled) {
    compiled = compileWasm();
    compiled.catch(() => (compiled = null));
  }
  return compiled;
}

/** One core instance for the main thread's views, from the page's compiled module. */
export function pageCore(): Promise<Gradscope> {
  if (!mainCore) {
    mainCore = pageWasm().then(({ module, flavour }) => init({ wasmModule: module, flavour }));
    mainCore.catch(() => (mainCore = null));
  }
  return mainCore;
}
