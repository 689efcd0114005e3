// The page's workers: at most one per core, started when first needed, each instantiating the
// page's one compiled .wasm. open() gives a channel on the least busy worker; a channel is a
// WorkerPort like a dedicated worker, so ModelClient and the lab do not know they share.
// Bookkeeping only: the worker factory and the compiled module come from the caller
// (page-pool.ts), so tests drive it with fakes.

import type { CompiledWasm } from "gradscope";
import type { WorkerPort } from "./worker-port.js";
import { isFromHost, type ChannelKind, type ToHost } from "./pool-protocol.js";

export interface WorkerPoolOptions {
  /** Starts one host worker (host-worker.ts), as a port to the whole worker. */
  startWorker: () => WorkerPort;
  /** The page's compiled .wasm (asked for when the first worker starts). */
  wasm: () => Promise<CompiledWasm>;
  /** navigator.hardwareConcurrency: the most workers (unknown or below 1: one). */
  cores: number | undefined;
}

interface Channel {
  readonly messageListeners: ((data: unknown) => void)[];
  readonly errorListeners: ((message: string) => void)[];
}

interface PoolWorker {
  readonly port: WorkerPort;
  /** Its open channels by id. */
  readonly channels: Map<number, Channel>;
}

/** The most workers for `cores` logical cores (0, fractional or unknown: 1). */
export function poolCap(cores: number | undefined): number {
  return cores !== undefined && Number.isInteger(cores) && cores >= 1 ? cores : 1;
}

export class WorkerPool {
  readonly cap: number;
  private workers: PoolWorker[] = [];
  private nextChannel = 1;

  constructor(private readonly options: WorkerPoolOptions) {
    this.cap = poolCap(options.cores);
  }

  /** Open channels per live worker, in the order the workers started. */
  load(): number[] {
    return this.workers.map((w) => w.channels.size);
  }

  /** A new channel running `kind`, on an idle worker, a new one while under the cap, else the least busy. */
  open(kind: ChannelKind): WorkerPort {
    let worker: PoolWorker;
    try {
      worker = this.leastBusy();
    } catch (e) {
      // The browser refused to start a worker (e.g. a policy): the channel reports it, as a
      // worker that failed to load would, instead of breaking its caller.
      return failedPort(
        `the worker could not start: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const id = this.nextChannel++;
    const channel: Channel = { messageListeners: [], errorListeners: [] };
    worker.channels.set(id, channel);
    this.post(worker, { type: "open", channel: id, kind });
    return {
      postMessage: (data, transfer) => {
        if (worker.channels.has(id))
          this.post(worker, { type: "message", channel: id, data }, transfer);
      },
      onMessage: (listener) => channel.messageListeners.push(listener),
      onError: (listener) => channel.errorListeners.push(listener),
      close: () => {
        if (!worker.channels.delete(id)) return; // closed already, or its worker crashed
        this.post(worker, { type: "close", channel: id });
      },
    };
  }

  private leastBusy(): PoolWorker {
    let best: PoolWorker | undefined;
    for (const w of this.workers) if (!best || w.channels.size < best.channels.size) best = w;
    if (best && (best.channels.size === 0 || this.workers.length >= this.cap)) return best;
    return this.start();
  }

  private start(): PoolWorker {
    const worker: PoolWorker = { port: this.options.startWorker(), channels: new Map() };
    this.workers.push(worker);
    worker.port.onMessage((m) => {
      if (!isFromHost(m)) return;
      const channel = worker.channels.get(m.channel);
      for (const listener of channel?.messageListeners ?? []) listener(m.data);
    });
    worker.port.onError((message) => this.crashed(worker, message));
    this.options.wasm().then(
      (wasm) => this.post(worker, { type: "module", wasm }),
      (e: unknown) =>
        this.post(worker, {
          type: "module-failed",
          message: e instanceof Error ? e.message : String(e),
        }),
    );
    return worker;
  }

  /** A worker that failed: each of its channels hears why; later channels go to other workers. */
  private crashed(worker: PoolWorker, message: string): void {
    if (!this.workers.includes(worker)) return;
    this.workers = this.workers.filter((w) => w !== worker);
    const channels = [...worker.channels.values()];
    worker.channels.clear();
    worker.port.close();
    for (const c of channels) for (const listener of c.errorListeners) listener(message);
  }

  private post(worker: PoolWorker, message: ToHost, transfer?: Transferable[]): void {
    worker.port.postMessage(message, transfer);
  }
}

/** A channel that never ran: every error listener hears `message` once, soon after it registers. */
function failedPort(message: string): WorkerPort {
  return {
    postMessage: () => {},
    onMessage: () => {},
    onError: (listener) => queueMicrotask(() => listener(message)),
    close: () => {},
  };
}
