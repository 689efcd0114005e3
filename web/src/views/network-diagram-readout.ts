// What the network diagram says about its selection (no DOM): the readout under the canvas and the
// canvas's accessible name. Always computed from the network just drawn, so a rebuilt network
// never shows the last one's numbers: with nothing (or nothing that still exists) selected it says
// so instead of keeping an old line.

import type { LayerSnapshot } from "../model/protocol.js";
import type { Target } from "./network-diagram-geometry.js";
import { formatNumber } from "./number-format.js";

/** The readout while nothing is selected. */
export const NOTHING_SELECTED =
  "Hover over or tap a neuron or a connection (or focus the diagram and use the arrow keys).";

/** How the keyboard moves the selection; the card shows it under the diagram. */
export const DIAGRAM_KEY_HELP =
  "Keys: ← → move between layers and ↑ ↓ between the neurons of a layer. Enter steps into the " +
  "weights arriving at the selected neuron; then ↑ ↓ walk that layer's weights one by one, ← → " +
  "go to the previous or next layer's weights, Home and End to the layer's first and last " +
  "weight, and Enter or Escape back to the neuron.";

/**
 * The readout for `target` in the network of layer sizes `sizes` [n_1 … n_L] with weighted
 * layers `layers` (l = 2 … L): neuron or weight, its layer, its neurons, value and gradient;
 * `inputNames`: the input features a plane set's inputs are (e.g. "x₁²").
 * NOTHING_SELECTED when `target` is null or not part of this network.
 */
export function readoutText(
  target: Target | null,
  sizes: readonly number[],
  layers: readonly LayerSnapshot[],
  inputNames?: readonly string[],
): string {
  if (!target || !targetExists(target, sizes, layers)) return NOTHING_SELECTED;
  if (target.kind === "neuron") {
    const snap = layers.find((s) => s.layer === target.layer);
    const feature = inputNames?.[target.index - 1];
    if (!snap) {
      return feature
        ? `Input neuron x${target.index} (layer l = 1): the feature ${feature} of the point; no weights or bias.`
        : `Input neuron x${target.index} (layer l = 1): no weights or bias.`;
    }
    const b = snap.biases[target.index - 1] ?? NaN;
    const g = snap.biasGradients[target.index - 1] ?? NaN;
    return (
      `Neuron ${target.index} of layer l = ${target.layer}: bias b = ${formatNumber(b)}, ` +
      `∂C/∂b = ${formatNumber(g)}`
    );
  }
  const snap = layers.find((s) => s.layer === target.layer);
  if (!snap) return NOTHING_SELECTED;
  const i = target.row * snap.cols + target.col;
  const j = target.row + 1;
  const k = target.col + 1;
  const l = target.layer;
  return (
    `Weight wˡⱼₖ with l = ${l}, j = ${j}, k = ${k} (from neuron ${k} of layer ${l - 1} to ` +
    `neuron ${j} of layer ${l}): w = ${formatNumber(snap.weights[i] ?? NaN)}, ` +
    `∂C/∂w = ${formatNumber(snap.weightGradients[i] ?? NaN)}`
  );
}

/** True when `target` names a neuron or weight of the network with these sizes and layers. */
export function targetExists(
  target: Target,
  sizes: readonly number[],
  layers: readonly LayerSnapshot[],
): boolean {
  const size = sizes[target.layer - 1];
  if (size === undefined || target.layer < 1) return false;
  if (target.kind === "neuron") {
    return target.index >= 1 && target.index <= size && (target.layer === 1 || hasLayer());
  }
  const snap = layers.find((s) => s.layer === target.layer);
  return (
    snap !== undefined &&
    target.row >= 0 &&
    target.col >= 0 &&
    target.row < snap.rows &&
    target.col < snap.cols
  );

  function hasLayer(): boolean {
    return layers.some((s) => s.layer === target.layer);
  }
}

/** The canvas's accessible name: what it is, and what is selected. */
export function diagramLabel(readout: string): string {
  return readout === NOTHING_SELECTED
    ? "Network diagram: nothing selected. Use the arrow keys to select a neuron, Enter for its weights."
    : `Network diagram. Selected: ${readout}`;
}
