// What a view that works on the playground's current network may ask of it (the backprop view):
// the run's state as the page last heard it, pausing, tracing one sample in the worker, and word
// when the run changes. PlaygroundView implements it; the asking view knows nothing else of it.

import type { DrawnSample, TracedSample } from "../backprop/backprop-input.js";
import type { DataPreview, FromWorker, PointSet } from "../model/protocol.js";
import type { Settings } from "../state/settings.js";

export type TraceReply = Extract<FromWorker, { type: "trace" }>;

/** The playground's run as of its latest snapshot. */
export interface RunState {
  /** Counts the runs built (a new network or new data: a "configured" from the worker). */
  readonly run: number;
  /** The settings the page last gave the worker (η, λ and batch size apply without a new run). */
  readonly settings: Settings;
  /** n_1 … n_L. */
  readonly layerSizes: readonly number[];
  /** The run's data as the input-space view shows it: the 2-D points, or the first test digits. */
  readonly preview: DataPreview;
  /** How many samples the training and the test set hold. */
  readonly setSizes: { readonly train: number; readonly test: number };
  /** Mini-batches done at the latest snapshot; null while the run has sent none (loading). */
  readonly step: number | null;
  /** True while the page trains (Play), false when paused. */
  readonly running: boolean;
  /** Weights or biases set by hand so far (the diagram's editor): a trace at the same step differs. */
  readonly edits?: number;
}

/**
 * What changed: a new run (the old trace is void), the same run at another step or settings, or
 * a drawn digit sent to the backprop view ("drawn").
 */
export type RunChange = "run" | "step" | "drawn";

export interface RunSource {
  /** The run now, or null before the first run is built. */
  readonly state: RunState | null;
  /** Stops training (as Pause does). */
  pause(): void;
  /**
   * Traces `sample` through the network as it is when the worker gets to the request (after a
   * fast-forward under way); rejects with the worker's message (e.g. an index out of range).
   */
  trace(sample: TracedSample): Promise<TraceReply>;
  /** The digit last sent from the draw-a-digit card to the backprop view, or null. */
  readonly drawnDigit: DrawnSample | null;
  /** Calls `listener` after each change of the run's state. */
  onChange(listener: (change: RunChange) => void): void;
}

/** The sizes of a run's training and test sets, from its preview. */
export function previewSetSizes(preview: DataPreview): { train: number; test: number } {
  if (preview.kind === "digits") return { train: preview.trainCount, test: preview.testCount };
  // A classification set has a label per point, a regression set a value per point.
  const count = (p: PointSet) => Math.max(p.labels.length, p.values.length);
  return { train: count(preview.train), test: count(preview.test) };
}
