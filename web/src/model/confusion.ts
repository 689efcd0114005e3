// The confusion matrix's numbers and words: test samples counted by true class (rows) and the
// network's answer (columns), as net.confusionMatrix returns them. What the card writes (the
// caption's accuracy, a cell's readout) is computed here from the counts and the data set. Pure.

import { catalogue, type DatasetName } from "gradscope";
import { formatPercent } from "../views/number-format.js";

/** K × K counts, row-major: counts[i·K + j] test samples of class i predicted as class j. */
export interface ConfusionCounts {
  classes: number;
  counts: Int32Array;
}

/** Samples of true class `row`. */
export function rowTotal(m: ConfusionCounts, row: number): number {
  let sum = 0;
  for (let j = 0; j < m.classes; j++) sum += m.counts[row * m.classes + j] ?? 0;
  return sum;
}

/** Every sample counted, and those on the diagonal (predicted as their own class). */
export function confusionTotals(m: ConfusionCounts): { total: number; correct: number } {
  let total = 0;
  let correct = 0;
  for (let i = 0; i < m.classes; i++) {
    total += rowTotal(m, i);
    correct += m.counts[i * m.classes + i] ?? 0;
  }
  return { total, correct };
}

/** A cell's share of its row (0 when the row is empty): the cell's shading. */
export function rowShare(m: ConfusionCounts, row: number, col: number): number {
  const total = rowTotal(m, row);
  return total === 0 ? 0 : (m.counts[row * m.classes + col] ?? 0) / total;
}

/** "3" for a digit, "class 3" for a point of a plane data set. */
export function className(dataset: DatasetName, k: number): string {
  return catalogue.dataset(dataset).kind === "image" ? String(k) : `class ${k}`;
}

/** "test 3s" / "test 3" for digits, "test points of class 3" / "test point of class 3" otherwise. */
function samplesOf(dataset: DatasetName, k: number, n: number): string {
  if (catalogue.dataset(dataset).kind === "image") return n === 1 ? `test ${k}` : `test ${k}s`;
  return n === 1 ? `test point of class ${k}` : `test points of class ${k}`;
}

/**
 * The readout of cell (row, col), e.g. "7 of the 52 test 3s were predicted as 5", "45 of the 52
 * test 3s were predicted correctly", "The only test 3 was predicted as 5", "There are no test 3s".
 */
export function cellReadout(
  m: ConfusionCounts,
  dataset: DatasetName,
  row: number,
  col: number,
): string {
  const count = m.counts[row * m.classes + col] ?? 0;
  const total = rowTotal(m, row);
  const read = row === col ? "predicted correctly" : `predicted as ${className(dataset, col)}`;
  if (total === 0) return `There are no ${samplesOf(dataset, row, 2)} in the test set`;
  if (total === 1)
    return count === 1
      ? `The only ${samplesOf(dataset, row, 1)} was ${read}`
      : `The only ${samplesOf(dataset, row, 1)} was not ${read}`;
  const n = (v: number) => v.toLocaleString("en");
  return `${n(count)} of the ${n(total)} ${samplesOf(dataset, row, total)} ${count === 1 ? "was" : "were"} ${read}`;
}

/**
 * How the network's answer is taken from its output layer of `outputWidth` units: one unit
 * answers class 1 when a ≥ 0.5; more units answer the most active one's class.
 */
export function answerRule(outputWidth: number): string {
  if (!Number.isInteger(outputWidth) || outputWidth < 1)
    throw new Error(`an output layer of ${outputWidth} units has no answer`);
  return outputWidth === 1
    ? "class 1 when its one output unit has a ≥ 0.5, else class 0"
    : "its most active output unit";
}

/**
 * The caption under the grid: the rule for the network's answer (the one for the run's output
 * width) and the accuracy as the diagonal's share of all test samples, the same figure
 * (formatPercent) the status line and the loss chart give as test accuracy.
 */
export function confusionCaption(
  m: ConfusionCounts,
  dataset: DatasetName,
  outputWidth: number,
): string {
  const { total, correct } = confusionTotals(m);
  const n = (v: number) => v.toLocaleString("en");
  const what = catalogue.dataset(dataset).kind === "image" ? "test digits" : "test points";
  if (total === 0) return `No ${what} to count.`;
  return (
    `Rows: the true class; columns: the network's answer (${answerRule(outputWidth)}). ` +
    `The diagonal holds the ` +
    `${n(correct)} of the ${n(total)} ${what} predicted correctly: test accuracy ` +
    `${n(correct)} / ${n(total)} = ${formatPercent(correct / total)}.`
  );
}
