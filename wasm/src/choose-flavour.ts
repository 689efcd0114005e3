// Which .wasm to load for a `flavour` option ('auto', 'simd' or 'scalar'): the one check shared by
// init() and compileWasm().
import { GradscopeError } from "./checked-call.js";
import { showValue } from "./show-value.js";
import { simdSupported } from "./simd-support.js";
import type { Flavour } from "./types.js";

/** The flavour `wanted` (undefined: 'auto') means on this engine; unknown or unsupported: error. */
export function chooseFlavour(wanted: unknown): Flavour {
  const w = wanted ?? "auto";
  if (w !== "auto" && w !== "simd" && w !== "scalar") {
    throw new GradscopeError(`flavour '${showValue(w)}' is unknown (valid: auto, simd, scalar)`);
  }
  const simd = simdSupported();
  if (w === "simd" && !simd) {
    throw new GradscopeError(
      "this engine does not support WebAssembly SIMD; use flavour 'scalar' or 'auto'",
    );
  }
  return w === "auto" ? (simd ? "simd" : "scalar") : w;
}
