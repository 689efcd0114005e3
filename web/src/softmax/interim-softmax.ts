// TEMPORARY until h-trace's gs.softmax / gs.softmaxJacobian are merged: same signatures.
import type { Samples } from "gradscope";
export interface SoftmaxCore {
  softmax(logits: Samples): Float32Array;
  softmaxJacobian(probabilities: Samples): Float32Array;
}
export const interimCore: SoftmaxCore = {
  softmax(logits) {
    const z = Float32Array.from(logits as ArrayLike<number>);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((x, y) => x + y, 0);
    return e.map((v) => v / s);
  },
  softmaxJacobian(p) {
    const a = Float32Array.from(p as ArrayLike<number>);
    const n = a.length;
    const J = new Float32Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) J[i * n + j] = (a[i] as number) * ((i === j ? 1 : 0) - (a[j] as number));
    return J;
  },
};
