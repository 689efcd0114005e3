// gs.softmax and gs.softmaxJacobian: the core's softmax (the output layer's σ) and its Jacobian
// (wasm/bindings/softmax_adapter.cpp, which checks the inputs and holds the limits), for the
// softmax panel. Results are copies.
import { checked, GradscopeError } from "./checked-call.js";
import type { RawModule } from "./raw-module.js";
import { toFloat32 } from "./samples.js";
import type { Samples } from "./types.js";

/** y = softmax(x): y_i = e^(x_i) / Σ_j e^(x_j), for n ≥ 2 finite logits. */
export function softmax(raw: RawModule, logits: Samples): Float32Array {
  const x = toFloat32(logits, "logits");
  const result = checked(raw, () => raw.softmax(x));
  if (result === undefined) throw new GradscopeError("softmax returned nothing");
  return result;
}

/**
 * J_ij = ∂y_i/∂x_j = y_i (δ_ij − y_j), n × n row-major, for probabilities y (2 … 1024 values in
 * [0, 1] summing to 1 within 1e-4), e.g. softmax's output.
 */
export function softmaxJacobian(raw: RawModule, probabilities: Samples): Float32Array {
  const y = toFloat32(probabilities, "probabilities");
  const result = checked(raw, () => raw.softmaxJacobian(y));
  if (result === undefined) throw new GradscopeError("softmaxJacobian returned nothing");
  return result;
}
