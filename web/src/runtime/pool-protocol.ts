// Messages between the page's WorkerPool and each of its host workers (host-worker.ts). One host
// worker serves several channels (a training run, a share of the lab's experiment); every
// message names its channel, so each channel behaves like a dedicated worker of its kind.

import type { CompiledWasm } from "gradscope";

/** What a channel runs: a training run (model/training-worker.ts) or the lab's variants. */
export type ChannelKind = "training" | "lab";

export type ToHost =
  /** The page's compiled .wasm, posted once to each worker (instantiated once per worker). */
  | { type: "module"; wasm: CompiledWasm }
  /** The page could not compile the .wasm: every channel's kind reports it in its own words. */
  | { type: "module-failed"; message: string }
  | { type: "open"; channel: number; kind: ChannelKind }
  | { type: "message"; channel: number; data: unknown }
  | { type: "close"; channel: number };

/** A channel's message to the page. */
export interface FromHost {
  channel: number;
  data: unknown;
}

export function isFromHost(m: unknown): m is FromHost {
  return typeof m === "object" && m !== null && typeof (m as FromHost).channel === "number";
}
