// The page's side of the training worker: sends commands, hands the worker's messages to one
// listener. The worker itself is created by the caller so that Vite can see the worker URL.

import type { FromWorker, ToWorker } from "./protocol.js";
import type { Settings } from "../state/settings.js";
import type { IdxUrls } from "./bundled-mnist.js";
import type { SampleRef } from "../backprop/backprop-input.js";

export class ModelClient {
  constructor(
    private readonly worker: Worker,
    /** The bundled MNIST digits, resolved against the page's URL. */
    private readonly mnistUrls: IdxUrls,
    listener: (message: FromWorker) => void,
    onCrash: (message: string) => void,
  ) {
    worker.addEventListener("message", (e: MessageEvent<FromWorker>) => listener(e.data));
    worker.addEventListener("error", (e) =>
      onCrash(e.message || "the training worker failed to start"),
    );
  }

  configure(settings: Settings): void {
    this.send({ type: "configure", settings, mnist: this.mnistUrls });
  }
  /** A fresh run of `settings` fast-forwarded to exactly `steps` mini-batches, then paused. */
  configureAtStep(settings: Settings, steps: number): void {
    this.send({ type: "configure", settings, mnist: this.mnistUrls, steps });
  }
  reset(): void {
    this.send({ type: "reset" });
  }
  play(): void {
    this.send({ type: "play" });
  }
  pause(): void {
    this.send({ type: "pause" });
  }
  step(): void {
    this.send({ type: "step" });
  }
  drawn(): void {
    this.send({ type: "drawn" });
  }
  /** One sample through the current network; the worker answers "trace" or "trace-error". */
  trace(sample: SampleRef): void {
    this.send({ type: "trace", sample });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
