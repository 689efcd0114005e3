// Starting a host worker (host-worker.ts). Vite emits the worker as its own file and gives its URL
// relative to this module, so the page or the elements' script finds it from any sub-path. A
// browser refuses a worker script of another origin (the elements loaded from a CDN): then the
// worker starts from a same-origin blob: module that imports the real one.

import hostWorkerUrl from "./host-worker.ts?worker&url";

/** The host worker's script URL, absolute. */
export function hostWorkerScript(): URL {
  return new URL(hostWorkerUrl, import.meta.url);
}

/** A module worker running host-worker.ts, started from `script` (absolute) for a page at `pageOrigin`. */
export function startHostWorker(script: URL, pageOrigin: string): Worker {
  if (script.origin === pageOrigin) return new Worker(script, { type: "module" });
  const shim = new Blob([`import ${JSON.stringify(script.href)};\n`], {
    type: "text/javascript",
  });
  return new Worker(URL.createObjectURL(shim), { type: "module" });
}
