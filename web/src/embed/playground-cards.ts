// The cards the playground shows when `show=` says nothing, in its order: the input-space pair
// (decision boundary or test digits, whichever fits the data), the network, the measured charts.

import type { RunViewId } from "./run-view-ids.js";

export const PLAYGROUND_CARDS: readonly RunViewId[] = [
  "decision-boundary",
  "test-digits",
  "network",
  "loss-accuracy",
  "activation-curves",
  "gradient-norms",
  "derivative-distribution",
];
