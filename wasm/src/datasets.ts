// gs.datasets: the playground's synthetic 2-D sets, a seeded split, and the IDX reader of MNIST.
// Everything returned is a copy.
import { catalogue } from "./catalogue.js";
import { checked, GradscopeError } from "./checked-call.js";
import type { RawModule } from "./raw-module.js";
import { checkInteger, checkNumber } from "./argument-checks.js";
import type { Dataset, IdxArray, SyntheticKind } from "./types.js";

export interface SyntheticOptions {
  /** Number of points, ≥ 2. Default 200. */
  n?: number;
  /** Standard deviation of Gaussian noise added to the coordinates, in [0, 1]. Default 0. */
  noise?: number;
  /** Default 1. */
  seed?: number;
  /** 1: targets 0/1; 2: one-hot. Default 1. */
  outputWidth?: number;
}

export interface Datasets {
  readonly kinds: readonly SyntheticKind[];
  /** n points in [−1, 1]², two classes alternating, deterministic for a seed. */
  synthetic(kind: SyntheticKind, options?: SyntheticOptions): Dataset;
  /** Splits off the last testFraction (default 0.2) of a seeded permutation as the test set. */
  split(
    data: Dataset,
    options?: { testFraction?: number; seed?: number },
  ): { train: Dataset; test: Dataset };
  /** Parses an (unzipped) IDX file of unsigned bytes. */
  parseIdx(bytes: Uint8Array | ArrayBuffer): IdxArray;
  /** Images scaled to [0, 1] as samples, labels as one-hot targets; at most `limit` samples. */
  idxDataset(
    images: IdxArray | Uint8Array | ArrayBuffer,
    labels: IdxArray | Uint8Array | ArrayBuffer,
    options?: { limit?: number; numClasses?: number },
  ): Dataset;
}

const KINDS: readonly SyntheticKind[] = Object.freeze(
  catalogue.datasets.flatMap((d) => (d.source === "synthetic" ? [d.name] : [])),
);

function dataset(r: Dataset): Dataset {
  const { x, y, labels, n, inputWidth, outputWidth } = r;
  return { x, y, labels, n, inputWidth, outputWidth };
}

function checkDataset(d: Dataset): void {
  if (d === null || typeof d !== "object") {
    throw new GradscopeError("data must be a data set object");
  }
  const typed =
    d.x instanceof Float32Array && d.y instanceof Float32Array && d.labels instanceof Int32Array;
  if (!typed) {
    throw new GradscopeError("a data set needs x and y as Float32Array and labels as Int32Array");
  }
  checkInteger(d.n, "n", 0, 2 ** 31 - 1);
  checkInteger(d.inputWidth, "inputWidth", 1, 2 ** 31 - 1);
  checkInteger(d.outputWidth, "outputWidth", 1, 2 ** 31 - 1);
}

export function createDatasets(raw: RawModule): Datasets {
  const bytes = (b: unknown, name: string): Uint8Array => {
    if (b instanceof Uint8Array) return b;
    if (b instanceof ArrayBuffer) return new Uint8Array(b);
    throw new GradscopeError(`${name} must be a Uint8Array or ArrayBuffer`);
  };
  const parseIdx = (b: Uint8Array | ArrayBuffer, name = "bytes"): IdxArray => {
    const r = checked(raw, () => raw.parseIdx(bytes(b, name)));
    if (r === undefined) throw new GradscopeError("parseIdx failed");
    return { dims: Array.from(r.dims), data: r.data };
  };
  const idx = (a: IdxArray | Uint8Array | ArrayBuffer, name: string) => {
    const parsed = a instanceof Uint8Array || a instanceof ArrayBuffer ? parseIdx(a, name) : a;
    const ok =
      parsed !== null &&
      typeof parsed === "object" &&
      Array.isArray(parsed.dims) &&
      parsed.data instanceof Uint8Array;
    if (!ok) {
      throw new GradscopeError(`${name} must be IDX bytes or { dims, data } from parseIdx`);
    }
    return { dims: Int32Array.from(parsed.dims), data: parsed.data };
  };
  return {
    kinds: KINDS,
    synthetic(kind, options = {}) {
      if (typeof kind !== "string") {
        throw new GradscopeError(`data set kind must be a string (valid: ${KINDS.join(", ")})`);
      }
      const n = checkInteger(options.n ?? 200, "sample count", -(2 ** 31), 2 ** 31 - 1);
      const noise = checkNumber(options.noise ?? 0, "noise");
      const seed = checkNumber(options.seed ?? 1, "seed");
      const width = checkInteger(options.outputWidth ?? 1, "output width", -(2 ** 31), 2 ** 31 - 1);
      const r = checked(raw, () => raw.makeSynthetic(kind, n, noise, seed, width));
      return dataset(r as Dataset);
    },
    split(data, options = {}) {
      checkDataset(data);
      const fraction = checkNumber(options.testFraction ?? 0.2, "testFraction");
      const seed = checkNumber(options.seed ?? 1, "seed");
      const r = checked(raw, () => raw.splitDataset(data, fraction, seed));
      if (r === undefined) throw new GradscopeError("split failed");
      return { train: dataset(r.train), test: dataset(r.test) };
    },
    parseIdx: (b) => parseIdx(b),
    idxDataset(images, labels, options = {}) {
      const limit = checkInteger(options.limit ?? 0, "limit", -(2 ** 31), 2 ** 31 - 1);
      const classes = checkInteger(options.numClasses ?? 10, "numClasses", 2, 2 ** 31 - 1);
      const im = idx(images, "images");
      const lb = idx(labels, "labels");
      return dataset(checked(raw, () => raw.idxDataset(im, lb, classes, limit)) as Dataset);
    },
  };
}
