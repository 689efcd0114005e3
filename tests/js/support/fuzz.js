// Shared pieces of the seeded fuzzers (fuzz-*.test.js): a small deterministic generator, a pool
// of hostile values, and the one outcome check every generated call must pass.
import assert from "node:assert/strict";

import { GradscopeError } from "./built-package.js";

/** mulberry32: a tiny seeded generator, so every run makes the same cases. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** A value nested `depth` arrays deep (the error formatter must not recurse into it). */
export function nested(depth) {
  let v = [];
  for (let i = 0; i < depth; ++i) v = [v];
  return v;
}

const throwingProxy = new Proxy(
  {},
  {
    get() {
      throw new Error("get trap");
    },
    ownKeys() {
      throw new Error("ownKeys trap");
    },
  },
);
const revoked = Proxy.revocable({}, {});
revoked.revoke();

/**
 * Values that are wrong almost everywhere. Each entry is [label, value]; a slot that accepts one
 * of them (an options object accepts {}) excludes it by label.
 */
export const HOSTILE = [
  ["null", null],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["string '7'", "7"],
  ["100k string", "x".repeat(100_000)],
  ["symbol", Symbol("s")],
  ["bigint", 10n],
  ["{}", {}],
  ["[]", []],
  ["true", true],
  ["function", () => 1],
  ["throwing proxy", throwingProxy],
  ["revoked proxy", revoked.proxy],
  ["null prototype", Object.create(null)],
  [
    "throwing toString",
    {
      toString() {
        throw new Error("toString");
      },
      valueOf() {
        throw new Error("valueOf");
      },
    },
  ],
  ["length -1", { length: -1 }],
  ["length 1e10", { length: 1e10 }],
  ["length 2^32", { length: 2 ** 32 }],
  ["nested 10^4", nested(10_000)],
  ["1e39", 1e39],
  ["1e300", 1e300],
  ["-1", -1],
  ["2^53 + 2", 2 ** 53 + 2],
  ["1.5", 1.5],
];

/**
 * Runs fn, which must either throw a GradscopeError of at most 300 characters or, when `valid`,
 * return (`valid` undefined: either is right). Returns what fn returned (undefined if it threw).
 */
export function expectHandled(fn, valid, what) {
  let result;
  try {
    result = fn();
  } catch (e) {
    assert.ok(
      e instanceof GradscopeError,
      `${what}: threw ${e?.constructor?.name} ${String(e?.message).slice(0, 200)}`,
    );
    assert.ok(e.message.length <= 300, `${what}: message of ${e.message.length} characters`);
    assert.ok(valid !== true, `${what}: refused a valid input (${e.message})`);
    return undefined;
  }
  assert.ok(valid !== false, `${what}: accepted a malformed input`);
  return result;
}
