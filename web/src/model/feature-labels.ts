// Which runs take input features, and the features' names as the page shows them (pure: the
// catalogue only). The worker's side, which computes them, is input-features.ts.

import { catalogue, type FeatureName } from "gradscope";
import type { Settings } from "../state/settings.js";

/** True when the settings' data set takes input features (a plane set: two inputs x₁, x₂). */
export function takesFeatures(s: Pick<Settings, "dataset">): boolean {
  return catalogue.dataset(s.dataset).kind === "plane";
}

/** The names the page shows for features, in the given order, e.g. ["x₁", "x₁²"]. */
export function featureLabels(features: readonly FeatureName[]): string[] {
  return features.map((f) => catalogue.features.find((row) => row.name === f)?.label ?? f);
}
