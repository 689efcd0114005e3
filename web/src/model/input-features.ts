// The network's inputs for a plane data set: the chosen features of (x₁, x₂) (settings.features,
// catalogue.features), computed by the core so that runs stay bit-reproducible. The data points
// and the boundary's grid stay in (x₁, x₂) for drawing; the network sees these. Worker side.

import type { Dataset, Gradscope } from "gradscope";
import type { Settings } from "../state/settings.js";
import { takesFeatures } from "./feature-labels.js";

/** `d` with its x replaced by the chosen features (a plane set), else `d` itself. */
export function withInputFeatures(gs: Gradscope, d: Dataset, s: Settings): Dataset {
  return takesFeatures(s) ? gs.datasets.withFeatures(d, s.features) : d;
}

/** The grid cells' network inputs: the chosen features of (x₁, x₂) (m × k), or `grid` itself. */
export function gridInputs(gs: Gradscope, grid: Float32Array, s: Settings): Float32Array {
  return takesFeatures(s) ? gs.features.apply(grid, s.features) : grid;
}
