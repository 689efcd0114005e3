// Finding, reading, compiling and instantiating one flavour's .wasm. The bytes are read here in
// every environment (fs for file: URLs in Node, fetch otherwise) and handed to the Emscripten
// loader as wasmBinary, so the loader never fetch()es a file path under Node; or an already
// compiled WebAssembly.Module is instantiated through the loader's instantiateWasm hook (a page
// compiles once and posts the Module to its workers). The literal
// new URL('./gradscope-*.wasm', import.meta.url) lets bundlers (Vite, webpack 5, Rollup plugins)
// see and emit both files.
import { GradscopeError } from "./checked-call.js";
import type { ModuleFactory, ModuleOverrides, RawModule } from "./raw-module.js";
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

/** The bytes of `flavour`'s .wasm from `source`, checked to be a module this engine can compile. */
async function readWasm(
  flavour: Flavour,
  source: WasmSource | undefined,
): Promise<{ url: URL; bytes: Uint8Array<ArrayBuffer> }> {
  const url = resolveUrl(source, flavour);
  const bytes = await readBytes(url);
  if (!WebAssembly.validate(bytes)) {
    throw new GradscopeError(
      `${where(url)} is not a valid ${flavour} WebAssembly module for this engine`,
    );
  }
  return { url, bytes };
}

/** `flavour`'s .wasm from `source`, compiled (not instantiated): for init({ wasmModule }). */
export async function compileModule(
  flavour: Flavour,
  source: WasmSource | undefined,
): Promise<WebAssembly.Module> {
  const { url, bytes } = await readWasm(flavour, source);
  try {
    return await WebAssembly.compile(bytes);
  } catch (e) {
    throw new GradscopeError(`cannot compile ${where(url)}: ${thrownMessage(e)}`);
  }
}

/**
 * Runs the Emscripten loader with `how` (the bytes or the instantiateWasm hook). The loader's
 * messages while instantiating go into the error (`what` names the module); later ones to the
 * console. `instantiation` rejects when the hook's own instantiation fails (the loader would
 * only log it).
 */
async function runLoader(
  factory: ModuleFactory,
  how: Pick<ModuleOverrides, "wasmBinary" | "instantiateWasm">,
  what: string,
  instantiation: Promise<never> = new Promise<never>(() => {}),
): Promise<RawModule> {
  const printErr: string[] = [];
  let loading = true;
  try {
    const raw = await Promise.race([
      factory({
        ...how,
        printErr: (text) => (loading ? printErr.push(text) : console.error(text)),
      }),
      instantiation,
    ]);
    loading = false;
    return raw;
  } catch (e) {
    const detail = printErr.length > 0 ? ` (${printErr.join("; ")})` : "";
    throw new GradscopeError(`cannot instantiate ${what}: ${thrownMessage(e)}${detail}`);
  }
}

export async function loadModule(
  flavour: Flavour,
  source: WasmSource | undefined,
): Promise<RawModule> {
  const [{ url, bytes }, factory] = await Promise.all([
    readWasm(flavour, source),
    factoryFor(flavour),
  ]);
  return runLoader(factory, { wasmBinary: bytes }, where(url));
}

/**
 * Whether `module` imports exactly what the loader provides: a module of another program (or
 * none at all) would otherwise link, or fail later in the loader with a puzzling message.
 */
function importsMatch(module: WebAssembly.Module, imports: WebAssembly.Imports): boolean {
  const wanted = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
  const given = Object.entries(imports).flatMap(([m, fields]) =>
    Object.keys(fields).map((name) => `${m}.${name}`),
  );
  return wanted.length === given.length && new Set([...wanted, ...given]).size === given.length;
}

/** A new instance of a compiled gradscope module (any flavour: the two loaders are the same). */
export async function instantiateCompiled(
  flavour: Flavour,
  module: WebAssembly.Module,
): Promise<RawModule> {
  const factory = await factoryFor(flavour);
  let failed: (e: unknown) => void = () => {};
  const instantiation = new Promise<never>((_, reject) => (failed = reject));
  return runLoader(
    factory,
    {
      instantiateWasm: (imports, receive) => {
        if (!importsMatch(module, imports)) {
          failed(new Error("it is not a gradscope module (its imports are not this loader's)"));
        } else {
          WebAssembly.instantiate(module, imports)
            .then((instance) => receive(instance, module))
            .catch(failed);
        }
        return {}; // exports arrive through receive()
      },
    },
    "wasmModule",
    instantiation,
  );
}
