// The names the wrapper expects from the Emscripten module (the RawModule and RawNetworkHandle
// interfaces of wasm/src/raw-module.ts) are exactly the names the bindings register: the module
// is loaded and asked what it holds (embind marks each function and class it registers with an
// own `argCount`, or `numArguments` in other Emscripten versions; a class is told apart by its
// prototype's ClassHandle methods, and its registered methods are its prototype's own
// properties), so a binding renamed, added or dropped on either side fails here.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

const dist = new URL("../../wasm/dist/", import.meta.url);
const source = await readFile(new URL("../../wasm/src/raw-module.ts", import.meta.url), "utf8");

/** The method names of `export interface <name> { … }` in raw-module.ts (members at depth 1). */
function interfaceMethods(name) {
  const start = source.indexOf(`export interface ${name} {`);
  assert.ok(start >= 0, `raw-module.ts has no interface ${name}`);
  const names = [];
  let depth = 0;
  for (const line of source.slice(start).split("\n")) {
    if (depth === 1) {
      const member = line.match(/^\s*(\w+)\s*\(/);
      if (member) names.push(member[1]);
    }
    for (const c of line) depth += c === "{" ? 1 : c === "}" ? -1 : 0;
    if (depth === 0 && names.length > 0) break;
  }
  return names.sort();
}

// ClassHandle's own methods every embind class has; the wrapper uses delete() only.
const CLASS_HANDLE_METHODS = ["clone", "delete", "deleteLater", "isAliasOf", "isDeleted"];

for (const flavour of ["simd", "scalar"]) {
  test(`${flavour}: the module registers exactly RawModule's and RawNetworkHandle's names`, async () => {
    const { default: factory } = await import(new URL(`gradscope-${flavour}.js`, dist).href);
    const wasmBinary = await readFile(new URL(`gradscope-${flavour}.wasm`, dist));
    const module = await factory({ wasmBinary });

    const embind = Object.keys(module).filter(
      (k) =>
        typeof module[k] === "function" &&
        (Object.hasOwn(module[k], "argCount") || Object.hasOwn(module[k], "numArguments")),
    );
    const isClass = (k) => typeof module[k].prototype?.isAliasOf === "function";
    assert.deepEqual(embind.filter(isClass), ["NetworkHandle"], "classes");
    assert.deepEqual(
      embind.filter((k) => !isClass(k)).sort(),
      interfaceMethods("RawModule"),
      "free functions",
    );

    const handle = module.NetworkHandle;
    assert.equal(typeof handle, "function", "the NetworkHandle class is registered");
    const methods = Object.getOwnPropertyNames(handle.prototype).filter((k) => k !== "constructor");
    const expected = interfaceMethods("RawNetworkHandle").filter(
      (k) => !CLASS_HANDLE_METHODS.includes(k),
    );
    assert.deepEqual(methods.sort(), expected, "NetworkHandle methods");
    for (const k of interfaceMethods("RawNetworkHandle").filter((n) =>
      CLASS_HANDLE_METHODS.includes(n),
    )) {
      assert.equal(typeof handle.prototype[k], "function", `ClassHandle.${k}`);
    }
  });
}
