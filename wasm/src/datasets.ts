// gs.datasets: the playground's synthetic sets (2-D classification with 2 … 6 classes, 2-D and
// 1-D regression), a seeded split, and the IDX reader of MNIST. Everything returned is a copy.
import { catalogue } from "./catalogue.js";
import { checked, GradscopeError } from "./checked-call.js";
import type { RawIdxArray, RawModule } from "./raw-module.js";
import { checkInteger, checkNumber, checkProblem, checkSeed } from "./argument-checks.js";
import { isArray, isInstance, readFields, readOptions } from "./options.js";
import { showValue } from "./show-value.js";
import { datasetWithFeatures } from "./features.js";
import type { Dataset, FeatureName, IdxArray, SyntheticKind } from "./types.js";

export interface SyntheticOptions {
  /** Number of points, ≥ 2. Default 200. */
  n?: number;
  /**
   * Standard deviation of Gaussian noise added to the coordinates (and, for a regression set,
   * to the target too), in [0, 1]. Default 0.
   */
  noise?: number;
  /** Default 1. */
  seed?: number;
  /**
   * Classification: 1 gives 0/1 targets (two classes only), K one-hot targets. Default 1 for two
   * classes, K for more. Regression: 1 (the default; anything else is refused).
   */
  outputWidth?: number;
  /**
   * The number of classes K, within the row's classRange (spiral: K arms, gaussians: K blobs,
   * 2 … 6); default the row's `classes`. Regression sets have 0.
   */
  classes?: number;
}

export interface SplitOptions {
  /** Share of the samples that go to the test set, in [0, 1); the training set keeps ≥ 1. Default 0.2. */
  testFraction?: number;
  /** Default 1. */
  seed?: number;
}

export interface IdxOptions {
  /** At most this many samples (0 = all). Default 0. */
  limit?: number;
  /** Default 10. */
  numClasses?: number;
}

export interface Datasets {
  readonly kinds: readonly SyntheticKind[];
  /**
   * n samples, deterministic for a seed: classification sets (points in [−1, 1]², classes taking
   * turns) or regression sets (problem 'regression', labels empty, one real-valued target).
   */
  synthetic(kind: SyntheticKind, options?: SyntheticOptions): Dataset;
  /**
   * Splits off the last testFraction (default 0.2) of a seeded permutation as the test set; both
   * parts keep the problem (a regression set's parts have empty labels).
   */
  split(data: Dataset, options?: SplitOptions): { train: Dataset; test: Dataset };
  /** Parses an (unzipped) IDX file of unsigned bytes. */
  parseIdx(bytes: Uint8Array | ArrayBuffer): IdxArray;
  /** Images scaled to [0, 1] as samples, labels as one-hot targets; at most `limit` samples. */
  idxDataset(
    images: IdxArray | Uint8Array | ArrayBuffer,
    labels: IdxArray | Uint8Array | ArrayBuffer,
    options?: IdxOptions,
  ): Dataset;
  /**
   * A plane data set with x replaced by the named features (gs.features.apply): inputWidth = k;
   * y, labels and problem kept (copies).
   */
  withFeatures(data: Dataset, names: readonly FeatureName[]): Dataset;
}

const KINDS: readonly SyntheticKind[] = Object.freeze(
  catalogue.datasets.flatMap((d) => (d.source === "synthetic" ? [d.name] : [])),
);
const SYNTHETIC_KEYS = [
  "n",
  "noise",
  "seed",
  "outputWidth",
  "classes",
] as const satisfies readonly (keyof SyntheticOptions)[];
const SPLIT_KEYS = ["testFraction", "seed"] as const satisfies readonly (keyof SplitOptions)[];
const IDX_DATASET_KEYS = ["limit", "numClasses"] as const satisfies readonly (keyof IdxOptions)[];
const INT_MAX = 2 ** 31 - 1;

const SYNTHETIC_ROWS = catalogue.datasets.filter((d) => d.source === "synthetic");

function dataset(r: Dataset): Dataset {
  const { x, y, labels, n, inputWidth, outputWidth, problem } = r;
  return { x, y, labels, problem: problem ?? "classification", n, inputWidth, outputWidth };
}

const DATASET_KEYS = ["x", "y", "labels", "problem", "n", "inputWidth", "outputWidth"] as const;

/** The data set's fields, each read once (what is checked is what the module gets). */
export function checkDataset(d: unknown): Dataset {
  if (d === null || typeof d !== "object") {
    throw new GradscopeError("data must be a data set object");
  }
  const { x, y, labels, problem, n, inputWidth, outputWidth } = readFields(d, DATASET_KEYS, "data");
  const typed =
    isInstance(x, Float32Array) && isInstance(y, Float32Array) && isInstance(labels, Int32Array);
  if (!typed) {
    throw new GradscopeError("a data set needs x and y as Float32Array and labels as Int32Array");
  }
  return {
    x: x as Float32Array,
    y: y as Float32Array,
    labels: labels as Int32Array,
    problem: problem === undefined ? "classification" : checkProblem(problem, "data set problem"),
    n: checkInteger(n, "n", 0, INT_MAX),
    inputWidth: checkInteger(inputWidth, "inputWidth", 1, INT_MAX),
    outputWidth: checkInteger(outputWidth, "outputWidth", 1, INT_MAX),
  };
}

/** IDX dims read once: 1 … 255 integers ≥ 1 whose product is exactly the data's byte count. */
function idxDims(dims: unknown, data: Uint8Array, name: string): Int32Array {
  if (!isArray(dims)) throw new GradscopeError(`${name}.dims must be an array`);
  const count = dims.length;
  if (count < 1 || count > 255) {
    throw new GradscopeError(`${name}.dims has ${count} entries; IDX arrays have 1 … 255`);
  }
  const out = new Int32Array(count);
  // Multiplying stops once past the byte count, so no product can wrap or lose digits unnoticed.
  let product = 1;
  let beyond = false;
  for (let i = 0; i < count; ++i) {
    const d: unknown = dims[i];
    if (typeof d !== "number" || !Number.isInteger(d) || d < 1 || d > INT_MAX) {
      throw new GradscopeError(
        `${name}.dims[${i}] ${showValue(d)} must be an integer in [1, 2^31)`,
      );
    }
    out[i] = d;
    if (beyond) continue;
    beyond = product > data.length;
    if (!beyond) product *= d;
  }
  if (beyond || product !== data.length) {
    const exact = !beyond && Number.isSafeInteger(product);
    const described = exact ? String(product) : `more than ${data.length}`;
    throw new GradscopeError(
      `${name}: IDX dims describe ${described} values but data has ${data.length} bytes`,
    );
  }
  return out;
}

export function createDatasets(raw: RawModule): Datasets {
  const bytes = (b: unknown, name: string): Uint8Array => {
    if (isInstance(b, Uint8Array)) return b;
    if (isInstance(b, ArrayBuffer)) return new Uint8Array(b);
    throw new GradscopeError(`${name} must be a Uint8Array or ArrayBuffer`);
  };
  const parseIdx = (b: Uint8Array | ArrayBuffer, name = "bytes"): IdxArray => {
    const r = checked(raw, () => raw.parseIdx(bytes(b, name)));
    if (r === undefined) throw new GradscopeError("parseIdx failed");
    return { dims: Array.from(r.dims), data: r.data };
  };
  const idx = (a: IdxArray | Uint8Array | ArrayBuffer, name: string): RawIdxArray => {
    const bytesGiven = isInstance(a, Uint8Array) || isInstance(a, ArrayBuffer);
    const parsed: unknown = bytesGiven ? parseIdx(a, name) : a;
    if (parsed === null || typeof parsed !== "object") {
      throw new GradscopeError(`${name} must be IDX bytes or { dims, data } from parseIdx`);
    }
    const { dims, data } = readFields(parsed, ["dims", "data"], name);
    if (!isArray(dims) || !isInstance(data, Uint8Array)) {
      throw new GradscopeError(`${name} must be IDX bytes or { dims, data } from parseIdx`);
    }
    return { dims: idxDims(dims, data, name), data };
  };
  return {
    kinds: KINDS,
    synthetic(kind, options) {
      if (typeof kind !== "string") {
        throw new GradscopeError(`data set kind must be a string (valid: ${KINDS.join(", ")})`);
      }
      const o = readOptions<SyntheticOptions>(options, SYNTHETIC_KEYS, "synthetic options");
      const n = checkInteger(o.n ?? 200, "sample count", -(2 ** 31), INT_MAX);
      const noise = checkNumber(o.noise ?? 0, "noise");
      const seed = checkSeed(o.seed ?? 1);
      // An unknown kind has no row: the module refuses it, listing the kinds.
      const row = SYNTHETIC_ROWS.find((d) => d.name === kind);
      const classes = checkInteger(o.classes ?? row?.classes ?? 2, "classes", -INT_MAX, INT_MAX);
      const width = checkInteger(
        o.outputWidth ?? (classes > 2 ? classes : 1),
        "output width",
        -(2 ** 31),
        INT_MAX,
      );
      const r = checked(raw, () => raw.makeSynthetic(kind, n, noise, seed, width, classes));
      return dataset(r as Dataset);
    },
    split(data, options) {
      const d = checkDataset(data);
      const o = readOptions<SplitOptions>(options, SPLIT_KEYS, "split options");
      const fraction = checkNumber(o.testFraction ?? 0.2, "testFraction");
      const seed = checkSeed(o.seed ?? 1);
      const r = checked(raw, () => raw.splitDataset(d, fraction, seed));
      if (r === undefined) throw new GradscopeError("split failed");
      return { train: dataset(r.train), test: dataset(r.test) };
    },
    parseIdx: (b) => parseIdx(b),
    idxDataset(images, labels, options) {
      const o = readOptions<IdxOptions>(options, IDX_DATASET_KEYS, "idxDataset options");
      const limit = checkInteger(o.limit ?? 0, "limit", -(2 ** 31), INT_MAX);
      const classes = checkInteger(o.numClasses ?? 10, "numClasses", 2, INT_MAX);
      const im = idx(images, "images");
      const lb = idx(labels, "labels");
      return dataset(checked(raw, () => raw.idxDataset(im, lb, classes, limit)) as Dataset);
    },
    withFeatures: (data, names) => datasetWithFeatures(raw, checkDataset(data), names),
  };
}
