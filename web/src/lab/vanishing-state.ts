// The deep-network experiment's settings and their URL table (keys prefixed "lab" so they never
// collide with the playground's).

import { numberKind, type PropertyKind, type PropertyTable } from "../state/url-table.js";
import type { ExperimentConfig } from "./vanishing-protocol.js";
import { VANISHING_VARIANTS } from "./vanishing-variants.js";

export const MAX_HIDDEN = 8;
const VARIANT_IDS = VANISHING_VARIANTS.map((v) => v.id);

export interface VanishingState {
  labHidden: number;
  labWidth: number;
  labSeed: number;
  labEpochs: number;
  labBatch: number;
  labRate: number;
  labL2: number;
  labVariants: string[];
}

/** Four hidden layers as the book's figure; mini-batch SGD that shows the remedies within a minute. */
export const DEFAULT_VANISHING: VanishingState = {
  labHidden: 4,
  labWidth: 30,
  labSeed: 1,
  labEpochs: 30,
  labBatch: 10,
  labRate: 0.1,
  labL2: 0,
  labVariants: [...VARIANT_IDS],
};

/** generate_gradient.py's training: full batches of the 1,000 images, η = 0.1, λ = 5, 500 epochs. */
export const BOOK_TRAINING: Pick<VanishingState, "labEpochs" | "labBatch" | "labRate" | "labL2"> = {
  labEpochs: 500,
  labBatch: 1000,
  labRate: 0.1,
  labL2: 5,
};

function variantListKind(): PropertyKind<string[]> {
  return {
    parse(text) {
      const ids = text === "" ? [] : text.split(",");
      const bad = ids.find((id) => !VARIANT_IDS.includes(id));
      if (bad !== undefined)
        return new Error(
          `${JSON.stringify(bad.slice(0, 40))} is not one of ${VARIANT_IDS.join(", ")}`,
        );
      if (ids.length === 0) return new Error("no variant chosen");
      return [...new Set(ids)];
    },
    format: (v) => v.join(","),
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  };
}

export const VANISHING_TABLE: PropertyTable<VanishingState> = [
  { key: "labHidden", kind: numberKind(1, MAX_HIDDEN, true) },
  { key: "labWidth", kind: numberKind(1, 100, true) },
  { key: "labSeed", kind: numberKind(0, 2 ** 31 - 1, true) },
  { key: "labEpochs", kind: numberKind(0, 500, true) },
  { key: "labBatch", kind: numberKind(1, 1000, true) },
  { key: "labRate", kind: numberKind(1e-4, 10) },
  { key: "labL2", kind: numberKind(0, 100) },
  { key: "labVariants", kind: variantListKind() },
];

export function experimentConfig(s: VanishingState): ExperimentConfig {
  return {
    hidden: s.labHidden,
    width: s.labWidth,
    seed: s.labSeed,
    variants: s.labVariants,
    epochs: s.labEpochs,
    batchSize: s.labBatch,
    learningRate: s.labRate,
    l2: s.labL2,
    samples: 1000,
    testSamples: 1000,
  };
}

/** Nielsen's numbers (chapter 5) for the book's setting, by number of hidden layers. */
export const BOOK_SPEEDS: Readonly<Record<number, readonly number[]>> = {
  3: [0.012, 0.06, 0.283],
  4: [0.003, 0.017, 0.07, 0.285],
};
