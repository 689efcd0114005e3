// The page's one WorkerPool, shared by the playground, the lab and every element on the page.

import { pageWasm } from "./page-wasm.js";
import { portOfWorker } from "./worker-port.js";
import { WorkerPool } from "./worker-pool.js";
import { hostWorkerScript, startHostWorker } from "./worker-url.js";

let pool: WorkerPool | null = null;

export function pagePool(): WorkerPool {
  pool ??= new WorkerPool({
    startWorker: () => portOfWorker(startHostWorker(hostWorkerScript(), location.origin)),
    wasm: pageWasm,
    cores: navigator.hardwareConcurrency,
  });
  return pool;
}
