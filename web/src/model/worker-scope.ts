// The start of every module worker of the page (training-worker.ts, lab/vanishing-worker.ts):
// listen at once, so no command is lost while the WebAssembly module loads, then hand every
// command to the handler the loader resolves to, the early ones first and in order.

/** A dedicated worker's global scope, typed by the messages it receives (In) and posts (Out). */
export interface WorkerScope<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<In>) => void): void;
}

/** The worker's own global scope, typed by its protocol. */
export function workerScope<In, Out>(): WorkerScope<In, Out> {
  return self as unknown as WorkerScope<In, Out>;
}

/**
 * Queues commands until `load` resolves to their handler, then replays them and hands on the
 * rest; a failed load is passed to `loadFailed` with its message (the worker posts it as an error).
 */
export function serveWhenLoaded<In, Out>(
  scope: WorkerScope<In, Out>,
  load: () => Promise<(message: In) => void>,
  loadFailed: (message: string) => void,
): void {
  const early: In[] = [];
  let handle: ((message: In) => void) | null = null;
  scope.addEventListener("message", (e) => {
    if (handle) handle(e.data);
    else early.push(e.data);
  });
  load()
    .then((ready) => {
      handle = ready;
      for (const m of early.splice(0)) ready(m);
    })
    .catch((e: unknown) => loadFailed(e instanceof Error ? e.message : String(e)));
}
