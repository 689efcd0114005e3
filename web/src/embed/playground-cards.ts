// The cards the playground shows when `show=` says nothing, in its order: the input-space pair
// (decision boundary or test digits, whichever fits the data; for digits the drawing pad), the
// network, the measured charts (with the confusion matrix for classification).

import type { RunViewId } from "./run-view-ids.js";

export const PLAYGROUND_CARDS: readonly RunViewId[] = [
  "decision-boundary",
  "test-digits",
  "draw-digit",
  "network",
  "loss-accuracy",
  "confusion-matrix",
  "activation-curves",
  "gradient-norms",
  "derivative-distribution",
];
