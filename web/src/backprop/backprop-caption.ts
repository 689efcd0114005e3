// The backprop view's sentences about what is traced: computed from the trace's step, sample and
// the run's settings (never typed in), so they stay true for every run. Pure: no DOM.

import type { SampleRef } from "./backprop-input.js";
import { setWord } from "./sample-key.js";

export interface TracedRun {
  step: number;
  sampleLabel: string;
  learningRate: number;
  l2: number;
  /** Training-set size. */
  n: number;
}

function count(v: number): string {
  return v.toLocaleString("en");
}

/** The status line over the steps, e.g. "Snapshot at step 500 · training sample 12 (class 1) …". */
export function snapshotCaption(t: TracedRun): string {
  const update =
    t.l2 > 0
      ? `η = ${t.learningRate}, λ = ${t.l2}, n = ${count(t.n)}`
      : `η = ${t.learningRate}, no L2 (λ = 0)`;
  return (
    `Snapshot at step ${count(t.step)} (${count(t.step)} mini-batches trained; training paused) · ` +
    `${t.sampleLabel} · update with ${update}`
  );
}

/** What the index field's label says: which set and how many samples it has. */
export function indexLabel(set: SampleRef["set"], size: number): string {
  return `Index in the ${setWord(set)} set (0 … ${count(Math.max(0, size - 1))})`;
}

/** Shown while there is no trace for the current run and sample. */
export function waitingCaption(reason: "loading" | "tracing" | "new-run"): string {
  switch (reason) {
    case "loading":
      return "Waiting for the playground's network…";
    case "tracing":
      return "Tracing the sample through the network…";
    case "new-run":
      return "The playground built a new network (new settings): tracing it afresh…";
  }
}
