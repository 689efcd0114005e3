// The page's side of the training worker: sends commands, hands the worker's messages to one
// listener. The channel is made by the caller (a dedicated Worker or a pool channel, WorkerPort).

import type { FromWorker, ToWorker } from "./protocol.js";
import type { Settings } from "../state/settings.js";
import type { IdxUrls } from "./bundled-mnist.js";
import type { TracedSample } from "../backprop/backprop-input.js";
import type { WorkerPort } from "../runtime/worker-port.js";
import type { ParameterChange } from "./parameter-change.js";

export class ModelClient {
  constructor(
    private readonly port: WorkerPort,
    /** The bundled MNIST digits, resolved against the page's URL. */
    private readonly mnistUrls: IdxUrls,
    listener: (message: FromWorker) => void,
    onCrash: (message: string) => void,
  ) {
    port.onMessage((data) => listener(data as FromWorker));
    port.onError((message) => onCrash(message || "the training worker failed to start"));
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
  trace(sample: TracedSample): void {
    this.send({ type: "trace", sample });
  }
  /** A drawn digit through the current network; the worker answers "drawn-prediction(-error)". */
  predictDrawn(pixels: Float32Array): void {
    this.send({ type: "predict-drawn", pixels });
  }
  /** Whether snapshots carry the test set's confusion matrix. */
  confusion(on: boolean): void {
    this.send({ type: "confusion", on });
  }
  /** Whether snapshots carry the per-neuron maps (while a network card is shown). */
  neuronMaps(on: boolean): void {
    this.send({ type: "neuron-maps", on });
  }
  /** One weight or bias set by hand; the worker answers with a snapshot. */
  setParameter(change: ParameterChange): void {
    this.send({ type: "set-parameter", change });
  }
  /** Ends the channel (the worker, if it was a dedicated one). */
  close(): void {
    this.port.close();
  }

  private send(message: ToWorker): void {
    this.port.postMessage(message);
  }
}
