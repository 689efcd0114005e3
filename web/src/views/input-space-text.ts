// What the input-space card says about the run it shows, computed from the settings and the
// catalogue so that it is true for every data set: its title ("Decision boundary", "Output over
// the plane", "Fitted curve"), its caption, the legend's entries and the canvas's label. Pure.

import { catalogue, type ActivationName, type DatasetName } from "gradscope";
import { outputWidth } from "../state/data-sources.js";
import type { DisplayKeys } from "../state/display-keys.js";
import { classCount } from "../state/settings.js";
import { classColour } from "./output-colours.js";

/** The settings the card's words depend on. */
export interface InputSpaceSettings {
  dataset: DatasetName;
  output: ActivationName;
  classes: number;
}

/** What the view draws: class regions, a value heatmap over the plane, or a curve over x. */
export type InputSpaceMode = "classes" | "values" | "curve";

export function inputSpaceMode(dataset: DatasetName): InputSpaceMode {
  const d = catalogue.dataset(dataset);
  if (d.kind === "line") return "curve";
  return d.problem === "regression" ? "values" : "classes";
}

/**
 * Whether "Discretize output" means something for `mode`: only class regions have flat colours
 * to snap to. A value map or a curve is always drawn continuously and hides the toggle.
 */
export function discretizeApplies(mode: InputSpaceMode): boolean {
  return mode === "classes";
}

/** The display keys as the view draws them for `mode`: discretize only where it applies. */
export function effectiveDisplay(display: DisplayKeys, mode: InputSpaceMode): DisplayKeys {
  return { ...display, discretize: display.discretize && discretizeApplies(mode) };
}

const TITLES: Record<InputSpaceMode, string> = {
  classes: "Decision boundary",
  values: "Output over the plane",
  curve: "Fitted curve",
};

export function inputSpaceTitle(dataset: DatasetName): string {
  return TITLES[inputSpaceMode(dataset)];
}

/** The canvas's accessible name. */
export function inputSpaceLabel(dataset: DatasetName): string {
  switch (inputSpaceMode(dataset)) {
    case "classes":
      return "Decision boundary: the class the network picks over the input plane x1, x2, with the data points";
    case "values":
      return "The network's output value over the input plane x1, x2, with the data points";
    case "curve":
      return "The network's output as a curve over x, with the data points (x, y)";
  }
}

/** The sentence on the points: which are drawn and how each set is marked. */
function pointsSentence(mode: InputSpaceMode, display: DisplayKeys): string {
  if (mode === "curve") {
    return display.showTest
      ? "Filled dots are training points, hollow rings test points."
      : "Only the training points are drawn (show test data is off).";
  }
  return display.showTest
    ? "Training points have a white ring, test points a dark one."
    : "Only the training points are drawn (show test data is off).";
}

export function inputSpaceCaption(s: InputSpaceSettings, keys: DisplayKeys): string {
  const mode = inputSpaceMode(s.dataset);
  const display = effectiveDisplay(keys, mode);
  const points = pointsSentence(mode, display);
  if (mode === "curve") {
    return (
      "The network's output aᴸ as a curve for x from −1.5 to 1.5 over the data points (x, y). " +
      "The data lie in [−1, 1]: beyond it the curve shows how the network extrapolates. " +
      points
    );
  }
  if (mode === "values") {
    const shading = "shaded continuously";
    return (
      "The network's output aᴸ over the input plane on a diverging scale " +
      `(orange below 0, white at 0, blue above), ${shading}; each point is coloured by its ` +
      `target value y on the same scale. ${points}`
    );
  }
  const k = classCount(s.dataset, s.classes);
  const units = outputWidth(s.dataset, s.output, s.classes);
  const strength = display.discretize
    ? "each region in its class's flat colour (discretized), so the boundary shows as an edge"
    : "fainter where the network is less sure";
  if (units === 1) {
    return (
      "The network's output over the input plane: orange where its one unit says class 0 " +
      `(below 0.5), blue where it says class 1, ${strength}` +
      (display.discretize ? "" : "; white where it says 0.5, the decision boundary") +
      `. ${points}`
    );
  }
  return (
    `Each part of the input plane in the colour of the class whose output unit is largest ` +
    `(argmax over the ${units} units, ${k} classes), ${strength}. ${points}`
  );
}

/** The legend's swatches: one per class, or none (the value map has its own scale bar). */
export function inputSpaceLegend(s: InputSpaceSettings): [colour: string, text: string][] {
  const mode = inputSpaceMode(s.dataset);
  // An image set has no plane to colour (its card says so), and more classes than colours.
  if (mode !== "classes" || catalogue.dataset(s.dataset).kind === "image") return [];
  const k = classCount(s.dataset, s.classes);
  const units = outputWidth(s.dataset, s.output, s.classes);
  if (units === 1) {
    return [
      [classColour(0), "class 0 / output near 0"],
      [classColour(1), "class 1 / output near 1"],
    ];
  }
  return Array.from({ length: k }, (_, i) => [classColour(i), `class ${i}`]);
}
