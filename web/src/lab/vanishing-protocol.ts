// Messages between the deep-network experiment view and its worker (structured-clone data).

import type { VanishingPoint } from "gradscope";

/** One experiment: every variant trains the same layer shape on the same images. */
export interface ExperimentConfig {
  /** Hidden layers (each `width` units) between the 784 inputs and the 10 outputs. */
  hidden: number;
  width: number;
  seed: number;
  /** Variant ids of VANISHING_VARIANTS to run side by side. */
  variants: string[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  /** Training images the speed is averaged over, and held-out images after them. */
  samples: number;
  testSamples: number;
}

/** Where the images come from: the bundled digits (a URL) or files the learner picked. */
export type DataSource =
  | { kind: "bundled"; imagesUrl: string; labelsUrl: string }
  | { kind: "files"; name: string; images: ArrayBuffer; labels: ArrayBuffer };

export type ToLabWorker =
  { type: "run"; runId: number; config: ExperimentConfig; data: DataSource } | { type: "stop" };

export type FromLabWorker =
  | {
      type: "data";
      runId: number;
      description: string;
      n: number;
      inputWidth: number;
      outputWidth: number;
    }
  | { type: "point"; runId: number; variant: string; point: VanishingPoint }
  /** `worker`: which Web Worker ran this share (pool channels may share one). */
  | { type: "done"; runId: number; stopped: boolean; seconds: number; worker: string }
  | { type: "error"; runId: number; message: string };
