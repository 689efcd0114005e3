// The backprop view's sentences about what is traced: computed from the trace's step, sample and
// the run's settings (never typed in), so they stay true for every run. Pure: no DOM.

import type { SampleRef } from "./backprop-input.js";
import { setWord } from "./sample-key.js";
import { CLASS_COLOURS } from "../views/palette.js";

export interface TracedRun {
  step: number;
  sampleLabel: string;
  learningRate: number;
  l2: number;
  /** λ₁ of L1 (absent: 0). */
  l1?: number;
  /** Training-set size. */
  n: number;
}

function count(v: number): string {
  return v.toLocaleString("en");
}

/** A symbol and its value that must not wrap apart: "η\u00a0=\u00a00.5". */
function is(symbol: string, value: string): string {
  return `${symbol}\u00a0=\u00a0${value}`;
}

/**
 * The status line over the steps, e.g. "Snapshot after 500 mini-batches (training paused) ·
 * training sample 12 (class 1) · update with η = 0.5, λ = 1, n = 200 training samples".
 */
export function snapshotCaption(t: TracedRun): string {
  const l1 = t.l1 ?? 0;
  const terms = [
    ...(t.l2 > 0 ? [is("λ", String(t.l2))] : []),
    ...(l1 > 0 ? [is("λ₁", String(l1))] : []),
  ];
  const update =
    terms.length > 0
      ? `${is("η", String(t.learningRate))}, ${terms.join(", ")}, ` +
        `${is("n", count(t.n))}\u00a0training samples`
      : `${is("η", String(t.learningRate))}, no L2 (${is("λ", "0")})`;
  const batches = `${count(t.step)}\u00a0${t.step === 1 ? "mini-batch" : "mini-batches"}`;
  return (
    `Snapshot after ${batches} (training paused) · ` +
    `${t.sampleLabel.replace(/ (\d)/g, "\u00a0$1")} · update with ${update}`
  );
}

/** What the index field's label says: which set and how many samples it has. */
export function indexLabel(set: SampleRef["set"], size: number): string {
  return `Index in the ${setWord(set)} set (0 … ${count(Math.max(0, size - 1))})`;
}

/** Shown while there is no trace for the current run and sample. */
export function waitingCaption(reason: "loading" | "tracing" | "new-run" | "training"): string {
  switch (reason) {
    case "loading":
      return "Waiting for the playground's network…";
    case "tracing":
      return "Tracing the sample through the network…";
    case "new-run":
      return "The playground built a new network (new settings): tracing it afresh…";
    case "training":
      return "Training: pause to trace the network as it is at that step.";
  }
}

/** The 2-D picker's key: each class's colour named in words, and the ring of the traced sample. */
export function pointsLegend(): { colour: string | null; shape: "dot" | "ring"; text: string }[] {
  return [
    { colour: CLASS_COLOURS.zero, shape: "dot", text: "class 0 (orange)" },
    { colour: CLASS_COLOURS.one, shape: "dot", text: "class 1 (blue)" },
    { colour: null, shape: "ring", text: "ringed: the traced sample" },
  ];
}
