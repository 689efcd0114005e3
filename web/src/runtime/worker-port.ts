// A two-way message channel to code running off the main thread: a dedicated Worker, or one
// channel of the page's worker pool (several runs share a few workers). The page's clients
// (ModelClient, the lab) talk to a WorkerPort, so they do not care which.

export interface WorkerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  /** Every message the other side posts on this channel, in order. */
  onMessage(listener: (data: unknown) => void): void;
  /** The worker failed (to start, or later): `message` says why. */
  onError(listener: (message: string) => void): void;
  /** Ends the channel (a dedicated worker is terminated). */
  close(): void;
}

/** A dedicated Worker as a WorkerPort. */
export function portOfWorker(worker: Worker): WorkerPort {
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (listener) =>
      worker.addEventListener("message", (e: MessageEvent<unknown>) => listener(e.data)),
    onError: (listener) =>
      worker.addEventListener("error", (e) => listener(e.message || "the worker failed to start")),
    close: () => worker.terminate(),
  };
}
