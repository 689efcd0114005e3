// gs.features: TensorFlow Playground's feature column (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂),
// computed by the core (core/features.hpp) so that a run is bit-reproducible across browsers;
// and the data set with its inputs replaced by features (gs.datasets.withFeatures).
import { catalogue, type FeatureName } from "./catalogue.js";
import { checked, GradscopeError } from "./checked-call.js";
import { isArray } from "./options.js";
import type { RawModule } from "./raw-module.js";
import { arrayLength, sampleCount, toFloat32 } from "./samples.js";
import { showValue, thrownMessage } from "./show-value.js";
import type { Dataset, Samples } from "./types.js";

export interface Features {
  /** Every feature name, in the catalogue's order (catalogue.features). */
  readonly names: readonly FeatureName[];
  /**
   * The features of each sample of x (m × 2 row-major: x₁, x₂ per sample) as an m × k
   * Float32Array, k = names.length, in the order named. Unknown, repeated or no names are
   * refused by name; sin needs |x| ≤ 2^20.
   */
  apply(x: Samples, names: readonly FeatureName[]): Float32Array;
}

const NAMES: readonly FeatureName[] = Object.freeze(catalogue.features.map((f) => f.name));

/** The names array read once into plain strings (the core refuses unknown and repeated ones). */
function featureNames(names: unknown): string[] {
  if (!isArray(names)) {
    throw new GradscopeError(
      `feature names must be an array such as ['x1', 'x2'], got ${showValue(names)}`,
    );
  }
  const n = arrayLength(names, "feature names", "an array of feature names");
  const out: string[] = [];
  for (let i = 0; i < n; ++i) {
    let v: unknown;
    try {
      v = names[i];
    } catch (e) {
      throw new GradscopeError(`feature names[${i}] cannot be read (${thrownMessage(e)})`);
    }
    if (typeof v !== "string") {
      throw new GradscopeError(`feature names[${i}] ${showValue(v)} must be a name (a string)`);
    }
    out.push(v);
  }
  return out;
}

/** m × k features of the m samples (x₁, x₂) of x through the core (m = 0: just the names checked). */
function applyFeatures(raw: RawModule, x: Float32Array, m: number, list: string[]): Float32Array {
  const out = checked(raw, () => raw.applyFeatures(x, m, list));
  if (out === undefined) throw new GradscopeError("applyFeatures failed");
  return out;
}

export function createFeatures(raw: RawModule): Features {
  return {
    names: NAMES,
    apply(x, names) {
      const xs = toFloat32(x, "x");
      return applyFeatures(raw, xs, sampleCount(xs, 2, "x"), featureNames(names));
    },
  };
}

/**
 * `data` (already read by checkDataset) with x replaced by its features: inputWidth = k; y,
 * labels (copied) and problem kept.
 */
export function datasetWithFeatures(raw: RawModule, data: Dataset, names: unknown): Dataset {
  if (data.inputWidth !== 2) {
    throw new GradscopeError(
      `withFeatures needs 2-D inputs (x₁, x₂); this data set has inputWidth ${data.inputWidth}`,
    );
  }
  if (data.x.length !== data.n * 2) {
    throw new GradscopeError(`data.x has ${data.x.length} values, expected n × 2 = ${data.n * 2}`);
  }
  const list = featureNames(names);
  const x = applyFeatures(raw, data.x, data.n, list);
  const out: Dataset = {
    x,
    y: data.y.slice(),
    labels: data.labels.slice(),
    n: data.n,
    inputWidth: list.length,
    outputWidth: data.outputWidth,
  };
  if (data.problem !== undefined) out.problem = data.problem;
  return out;
}
