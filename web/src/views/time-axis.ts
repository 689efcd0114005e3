// The one x-axis unit of the playground's time charts (loss and accuracy, gradient norms):
// mini-batch steps or epochs, chosen by the reader and kept in the URL (`time=`).

export const TIME_UNITS = ["step", "epoch"] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Steps: the unit training runs in (Step trains one mini-batch), and exact integers. */
export const DEFAULT_TIME_UNIT: TimeUnit = "step";

/** The axis label of each unit. */
export function timeAxisLabel(unit: TimeUnit): string {
  return unit === "step" ? "training step (mini-batches)" : "epoch (passes over the training set)";
}

/** The x column for `unit` from a history that records both. */
export function timeColumn<T>(h: { step: T; epoch: T }, unit: TimeUnit): T {
  return unit === "step" ? h.step : h.epoch;
}
