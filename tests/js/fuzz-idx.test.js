// Seeded fuzzing of the IDX reader (issue 10): 900 mutated IDX files (bad magic, element types,
// dimension counts and sizes — among them products that wrap in 32 bits — truncated or padded
// data) through parseIdx and idxDataset, and 300 hand-made { dims, data } arrays (a third with
// dims whose product wraps in 32 bits to the byte count) through idxDataset. An independent reading of the format (products in BigInt) decides which are valid;
// those must load exactly, the rest must end in a short GradscopeError, without a leak.
import assert from "node:assert/strict";
import { test } from "node:test";

import { init } from "./support/built-package.js";
import { expectHandled, rng } from "./support/fuzz.js";

const INT_MAX = 2 ** 31 - 1;

function idxFile(dims, data) {
  const b = new Uint8Array(4 + 4 * dims.length + data.length);
  b.set([0, 0, 0x08, dims.length]);
  const view = new DataView(b.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d >>> 0));
  b.set(data, 4 + 4 * dims.length);
  return b;
}

/** The file read independently: { dims, data } or null when it is malformed. */
function readIdx(b) {
  if (b.length < 4 || b[0] !== 0 || b[1] !== 0 || b[2] !== 0x08 || b[3] < 1) return null;
  const header = 4 + 4 * b[3];
  if (b.length < header) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const dims = [];
  let count = 1n;
  for (let i = 0; i < b[3]; ++i) {
    const d = view.getUint32(4 + 4 * i);
    if (d < 1 || d > INT_MAX) return null;
    dims.push(d);
    count *= BigInt(d);
  }
  if (count !== BigInt(b.length - header)) return null;
  return { dims, data: b.slice(header) };
}

/** Whether idxDataset accepts this images array with `labelCount` labels (all below 10). */
function datasetValid(images, labelCount) {
  return images !== null && images.dims.length >= 2 && images.dims[0] === labelCount;
}

/** { dims, data } checked independently: integers in [1, 2^31), product = byte count. */
function shapeValid(dims, data) {
  if (!Array.isArray(dims) || dims.length < 1 || dims.length > 255) return false;
  if (!dims.every((d) => typeof d === "number" && Number.isInteger(d) && d >= 1 && d <= INT_MAX)) {
    return false;
  }
  return dims.reduce((p, d) => p * BigInt(d), 1n) === BigInt(data.length);
}

const SIZES = [
  0,
  1,
  2,
  3,
  4,
  255,
  256,
  65535,
  65536,
  65537,
  1431655766,
  INT_MAX,
  2 ** 31,
  2 ** 32 - 1,
];

function mutateFile(r) {
  const n = 1 + r.int(4);
  const dims = [n, 1 + r.int(3), 1 + r.int(3)].slice(0, 1 + r.int(3));
  const count = dims.reduce((p, d) => p * d, 1);
  let b = idxFile(
    dims,
    Uint8Array.from({ length: count }, (_, i) => (i * 37) % 256),
  );
  const mutations = 1 + r.int(2);
  for (let k = 0; k < mutations; ++k) {
    const header = 4 + 4 * dims.length;
    switch (r.int(8)) {
      case 0:
        b[r.int(2)] = 1 + r.int(255); // magic
        break;
      case 1:
        b[2] = r.pick([0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x00, 0xff]); // element type
        break;
      case 2:
        b[3] = r.pick([0, 1, 2, 3, 4, 5, 200, 255]); // dimension count
        break;
      case 3:
      case 4: {
        const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
        const i = r.int(dims.length);
        if (4 + 4 * i + 4 <= b.length) view.setUint32(4 + 4 * i, r.pick(SIZES) >>> 0);
        break;
      }
      case 5:
        b = b.slice(0, r.int(b.length)); // truncated
        break;
      case 6: {
        const extra = new Uint8Array(b.length + 1 + r.int(8));
        extra.set(b);
        b = extra; // trailing bytes
        break;
      }
      default:
        b = b.slice(0, Math.min(b.length, header + r.int(count + 1))); // data cut short
    }
  }
  return b;
}

function randomDim(r) {
  return r.pick([
    () => 1 + r.int(4),
    () => r.pick(SIZES),
    () => 2 ** 32 + r.int(4),
    () => r.int(4) + 0.5,
    () => String(1 + r.int(3)),
    () => -r.int(3),
    () => NaN,
    () => null,
    () => 2 ** 53 + 2,
  ])();
}

/**
 * Dims [a, b, (c)] whose product is 2^32·k + L for a small byte count L: in a 32-bit size_t the
 * product wraps to exactly the data's length (the audit's [65536, 65536] with 0 bytes, …).
 */
function wrappingDims(r) {
  for (;;) {
    const length = r.int(64);
    const total = 2 ** 32 * (1 + r.int(2)) + length;
    const a = 2 + r.int(70_000);
    if (total % a === 0 && total / a <= INT_MAX) {
      return { dims: r.int(2) === 0 ? [a, total / a] : [1, a, total / a], length };
    }
  }
}

function run(gs, files, arrays, seed) {
  const r = rng(seed);
  const { parseIdx, idxDataset } = gs.datasets;
  let valid = 0;
  for (let i = 0; i < files; ++i) {
    const b = mutateFile(r);
    const expected = readIdx(b);
    if (expected) ++valid;
    const what = `file ${i} (seed ${seed}) [${Array.from(b.slice(0, 16)).join(",")}…]`;
    const parsed = expectHandled(() => parseIdx(b), expected !== null, `parseIdx ${what}`);
    if (parsed) {
      assert.deepEqual(parsed.dims, expected.dims, what);
      assert.deepEqual(parsed.data, expected.data, what);
    }
    const n = expected ? expected.dims[0] : 1 + r.int(4);
    const labels = idxFile([n], new Uint8Array(n));
    const d = expectHandled(
      () => idxDataset(b, labels),
      datasetValid(expected, n),
      `idxDataset ${what}`,
    );
    if (d) assert.equal(d.n, n, what);
  }
  for (let i = 0; i < arrays; ++i) {
    let dims = Array.from({ length: r.int(5) }, () => randomDim(r));
    const product = dims.reduce((p, d) => (Number.isInteger(d) ? p * d : p), 1);
    let length = r.int(3) !== 0 && product >= 0 && product <= 4096 ? product : r.int(64);
    if (i % 3 === 0) ({ dims, length } = wrappingDims(r));
    const data = new Uint8Array(length);
    const n =
      Number.isInteger(dims[0]) && dims[0] >= 1 && dims[0] <= 70_000 ? dims[0] : 1 + r.int(4);
    const labels = { dims: [n], data: new Uint8Array(n) };
    const ok = shapeValid(dims, data) && dims.length >= 2 && dims[0] === n;
    if (ok) ++valid;
    const what = `array ${i} (seed ${seed}) dims ${JSON.stringify(dims)}, ${length} bytes`;
    const d = expectHandled(() => idxDataset({ dims, data }, labels), ok, `idxDataset ${what}`);
    if (d) assert.equal(d.x.length, length, what);
  }
  return valid;
}

test("900 mutated IDX files and 300 hand-made arrays: short GradscopeErrors, no leak", async (t) => {
  const gs = await init();
  run(gs, 100, 100, 5); // warm-up: embind's tables and the module's statics
  const before = gs.memory();
  const valid = run(gs, 900, 300, 1);
  t.diagnostic(`${valid} of 1200 mutated inputs were still valid`);
  assert.deepEqual(gs.memory(), before, "the heap or malloc use changed");
});
