// Finding, reading and instantiating one flavour's .wasm. The bytes are read here in every
// environment (fs for file: URLs in Node, fetch otherwise) and handed to the Emscripten loader as
// wasmBinary, so the loader never fetch()es a file path under Node. The literal
// new URL('./gradscope-*.wasm', import.meta.url) lets bundlers (Vite, webpack 5, Rollup plugins)
// see and emit both files.
import { GradscopeError } from "./checked-call.js";
import type { ModuleFactory, RawModule } from "./raw-module.js";
import { isInstance } from "./options.js";
import { quote, shorten, thrownMessage } from "./show-value.js";
import type { Flavour } from "./types.js";

export type WasmSource = string | URL | ((flavour: Flavour) => string | URL);

function defaultWasmUrl(flavour: Flavour): URL {
  return flavour === "simd"
    ? new URL("./gradscope-simd.wasm", import.meta.url)
    : new URL("./gradscope-scalar.wasm", import.meta.url);
}

/** A URL in a message: long ones (a data: URL, a generated path) cut to a readable prefix. */
function where(url: URL): string {
  return shorten(url.href, 120);
}

function resolveUrl(source: WasmSource | undefined, flavour: Flavour): URL {
  let chosen: unknown;
  try {
    chosen = typeof source === "function" ? source(flavour) : source;
  } catch (e) {
    throw new GradscopeError(`the wasmUrl function threw: ${thrownMessage(e)}`);
  }
  if (chosen === undefined) return defaultWasmUrl(flavour);
  if (!isInstance(chosen, URL) && typeof chosen !== "string") {
    throw new GradscopeError(`wasmUrl must be a string, URL or function, got ${typeof chosen}`);
  }
  const base = typeof location === "object" && location !== null ? location.href : import.meta.url;
  try {
    return new URL(chosen as string | URL, base);
  } catch {
    throw new GradscopeError(`wasmUrl ${quote(String(chosen))} is not a valid URL`);
  }
}

interface NodeFs {
  readFile(path: URL): Promise<Uint8Array<ArrayBuffer>>;
}

async function readBytes(url: URL): Promise<Uint8Array<ArrayBuffer>> {
  if (url.protocol === "file:") {
    // A computed specifier keeps bundlers from trying to resolve node:fs for the browser.
    const fsModule = "node:fs/promises";
    const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ fsModule)) as NodeFs;
    try {
      return await fs.readFile(url);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      const reason = code === "ENOENT" ? "no such file" : thrownMessage(e);
      throw new GradscopeError(`cannot read ${where(url)}: ${reason}`);
    }
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new GradscopeError(`cannot fetch ${where(url)}: ${thrownMessage(e)}`);
  }
  if (!response.ok) throw new GradscopeError(`cannot fetch ${where(url)}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function factoryFor(flavour: Flavour): Promise<ModuleFactory> {
  return flavour === "simd"
    ? (await import("./gradscope-simd.js")).default
    : (await import("./gradscope-scalar.js")).default;
}

export async function loadModule(
  flavour: Flavour,
  source: WasmSource | undefined,
): Promise<RawModule> {
  const url = resolveUrl(source, flavour);
  const [bytes, factory] = await Promise.all([readBytes(url), factoryFor(flavour)]);
  if (!WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)) {
    throw new GradscopeError(
      `${where(url)} is not a valid ${flavour} WebAssembly module for this engine`,
    );
  }
  // The loader's messages while instantiating go into the error; later ones to the console.
  const printErr: string[] = [];
  let loading = true;
  try {
    const raw = await factory({
      wasmBinary: bytes,
      printErr: (text) => (loading ? printErr.push(text) : console.error(text)),
    });
    loading = false;
    return raw;
  } catch (e) {
    const detail = printErr.length > 0 ? ` (${printErr.join("; ")})` : "";
    throw new GradscopeError(`cannot instantiate ${where(url)}: ${thrownMessage(e)}${detail}`);
  }
}
