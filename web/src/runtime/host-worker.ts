// The page's one worker entry (started by the WorkerPool, page-pool.ts): receives the page's
// compiled .wasm and instantiates it once, then serves channels, each running a TrainingWorker or
// a LabWorker on that one core instance. Messages that arrive before the core is ready are kept
// and handled in order once it is.

import { init, type Gradscope } from "gradscope";
import { LabWorker } from "../lab/vanishing-worker.js";
import { TrainingWorker } from "../model/training-worker.js";
import type { FromLabWorker, ToLabWorker } from "../lab/vanishing-protocol.js";
import type { FromWorker, ToWorker } from "../model/protocol.js";
import type { ChannelScope } from "./channel-scope.js";
import type { ChannelKind, FromHost, ToHost } from "./pool-protocol.js";

/** One open channel's worker object. */
interface Served {
  handle(message: unknown): void;
  dispose(): void;
}

interface KindEntry {
  /** Starts the kind's worker object on `gs`, posting through `scope`. */
  start(gs: Gradscope, scope: ChannelScope<never>): Served;
  /** The core could not be loaded: say so on the channel as the kind's protocol does. */
  failed(scope: ChannelScope<never>, message: string): void;
}

/** This worker's name among the page's workers (the lab counts the workers its run used; random,
 * since crypto.randomUUID is missing outside secure contexts). */
const WORKER_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const KINDS: Record<ChannelKind, KindEntry> = {
  training: {
    start(gs, scope) {
      const worker = new TrainingWorker(gs, scope as ChannelScope<FromWorker>);
      worker.announce();
      return { handle: (m) => worker.handle(m as ToWorker), dispose: () => worker.dispose() };
    },
    failed: (scope, message) =>
      (scope as ChannelScope<FromWorker>).postMessage({
        type: "error",
        message: `could not load the WebAssembly module: ${message}`,
      }),
  },
  lab: {
    start(gs, scope) {
      const worker = new LabWorker(gs, scope as ChannelScope<FromLabWorker>, WORKER_ID);
      return { handle: (m) => worker.handle(m as ToLabWorker), dispose: () => worker.dispose() };
    },
    failed: (scope, message) =>
      (scope as ChannelScope<FromLabWorker>).postMessage({
        type: "error",
        runId: 0,
        message: `cannot load the core: ${message}`,
      }),
  },
};

interface HostScope {
  postMessage(message: FromHost, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<ToHost>) => void): void;
}

const host = self as unknown as HostScope;
/** The core once instantiated, or why it could not be; null while waiting for the module. */
let core: { gs: Gradscope } | { failure: string } | null = null;
const early: ToHost[] = [];
const channels = new Map<number, { served: Served | null; closed: boolean }>();

function scopeOf(channel: number, state: { closed: boolean }): ChannelScope<never> {
  return {
    postMessage(data: unknown, transfer?: Transferable[]) {
      if (!state.closed) host.postMessage({ channel, data }, transfer ?? []);
    },
  };
}

function serve(m: ToHost): void {
  switch (m.type) {
    case "open": {
      const state = { served: null as Served | null, closed: false };
      channels.set(m.channel, state);
      const scope = scopeOf(m.channel, state);
      if (core && "gs" in core) state.served = KINDS[m.kind].start(core.gs, scope);
      else KINDS[m.kind].failed(scope, core?.failure ?? "the page sent no module");
      break;
    }
    case "message":
      channels.get(m.channel)?.served?.handle(m.data);
      break;
    case "close": {
      const state = channels.get(m.channel);
      channels.delete(m.channel);
      if (!state) break;
      state.closed = true;
      state.served?.dispose();
      break;
    }
    default:
      break; // "module" and "module-failed" are handled on arrival
  }
}

function ready(result: { gs: Gradscope } | { failure: string }): void {
  core = result;
  for (const m of early.splice(0)) serve(m);
}

host.addEventListener("message", (e) => {
  const m = e.data;
  if (m.type === "module") {
    init({ wasmModule: m.wasm.module, flavour: m.wasm.flavour }).then(
      (gs) => ready({ gs }),
      (err: unknown) => ready({ failure: err instanceof Error ? err.message : String(err) }),
    );
  } else if (m.type === "module-failed") ready({ failure: m.message });
  else if (core) serve(m);
  else early.push(m);
});
