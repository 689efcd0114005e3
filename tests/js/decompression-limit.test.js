// The package's one gzip decompressor for IDX files (inflateIdx, wasm/src/gunzip-limited.ts) and
// the CLI that uses it: a 1 MB gzip that inflates to 1 GB is refused early with bounded memory,
// while a Fashion-MNIST-sized file (47 MB) still loads.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

import { gzipBomb, idxHeader } from "../support/gzip-bomb.js";
import { GradscopeError } from "./support/built-package.js";
import { IDX_MAX_BYTES, inflateIdx, isGzip } from "../../wasm/dist/index.js";

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(await fs.readFile(path.join(repo, "package.json"), "utf8"));
const cli = path.join(repo, pkg.bin.gradscope);
const GIB = 2 ** 30;
const MIB = 2 ** 20;

/**
 * Runs the CLI in a child Node whose peak resident memory (getrusage maxRSS) a preload prints on
 * exit; resolves to { code, stderr, peakMiB }.
 */
async function cliPeakMemory(dir, ...args) {
  const preload = path.join(dir, "peak-rss.mjs");
  await fs.writeFile(
    preload,
    'import { writeSync } from "node:fs";\n' +
      "process.on('exit', () => writeSync(2, `\\npeak-rss-kib=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  let r;
  try {
    r = { code: 0, ...(await exec(process.execPath, ["--import", preload, cli, ...args])) };
  } catch (e) {
    if (typeof e.code !== "number") throw e;
    r = e;
  }
  const m = /peak-rss-kib=(\d+)/.exec(r.stderr);
  assert.ok(m, `no peak memory reported: ${r.stderr}`);
  return { code: r.code, stderr: r.stderr.replace(m[0], "").trim(), peakMiB: Number(m[1]) / 1024 };
}

describe("inflateIdx: gzip with a limit from the IDX header", () => {
  test("plain bytes pass through; gzipped bytes inflate exactly", async () => {
    const plain = Buffer.concat([idxHeader([3, 2, 2]), Buffer.from([...Array(12).keys()])]);
    assert.equal(isGzip(plain), false);
    assert.equal(await inflateIdx(plain), plain);
    const gz = zlib.gzipSync(plain);
    assert.equal(isGzip(gz), true);
    assert.deepEqual(Buffer.from(await inflateIdx(gz)), plain);
  });

  test("a Fashion-MNIST-sized file (60,000 × 28 × 28, 47 MB) is admitted", async () => {
    const n = 60000 * 28 * 28;
    const file = Buffer.alloc(16 + n);
    idxHeader([60000, 28, 28]).copy(file);
    for (let i = 16; i < file.length; i += 97) file[i] = i & 0xff;
    const out = await inflateIdx(zlib.gzipSync(file, { level: 1 }), "fashion");
    assert.equal(out.length, 47040016);
    assert.ok(IDX_MAX_BYTES >= out.length);
    assert.ok(Buffer.from(out).equals(file));
  });

  test("1 GB behind a small header stops at the declared size, memory bounded", async () => {
    const bomb = gzipBomb(idxHeader([10, 28, 28]), GIB);
    assert.ok(bomb.length < 1.1 * MIB, `${bomb.length} bytes`);
    const before = process.memoryUsage();
    await assert.rejects(
      inflateIdx(bomb, "bomb.gz"),
      (e) =>
        e instanceof GradscopeError &&
        /^bomb\.gz: inflates to more than the 7856 bytes its IDX header declares$/.test(e.message),
    );
    const grew = (process.memoryUsage().arrayBuffers - before.arrayBuffers) / MIB;
    assert.ok(grew < 64, `array buffers grew by ${grew.toFixed(0)} MiB`);
  });

  test("a header over the cap, a header-less bomb and a corrupt stream are refused", async () => {
    await assert.rejects(
      inflateIdx(gzipBomb(idxHeader([2000000, 28, 28]), 64 * MIB), "huge.gz"),
      /^GradscopeError: huge\.gz: its IDX header declares 1495\.4 MiB, over the 128\.0 MiB limit/,
    );
    // dims whose product wraps in 32-bit arithmetic (65536 × 65536) are a plain 4 GiB here
    await assert.rejects(
      inflateIdx(gzipBomb(idxHeader([65536, 65536]), MIB)),
      /declares 4096\.0 MiB, over the 128\.0 MiB limit/,
    );
    // No IDX header (all zeros): the first bytes only, for parseIdx to name the bad magic number.
    const headless = await inflateIdx(gzipBomb(Buffer.alloc(0), 256 * MIB));
    assert.ok(headless.length <= 64, `${headless.length} bytes`);
    const gz = zlib.gzipSync(Buffer.concat([idxHeader([100]), Buffer.alloc(100)]));
    gz[gz.length - 6] ^= 0xff; // break the CRC
    await assert.rejects(inflateIdx(gz, "bad.gz"), /^GradscopeError: bad\.gz: not a valid gzip/);
    assert.equal(IDX_MAX_BYTES, 128 * MIB);
  });
});

describe("gradscope vanishing with IDX bombs", () => {
  let dir;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "gradscope-bomb-"));
    await fs.writeFile(path.join(dir, "small-header.gz"), gzipBomb(idxHeader([10, 28, 28]), GIB));
    // Declares 100,000 images (78 MB, under the cap): the worst memory a bomb can still cost.
    await fs.writeFile(path.join(dir, "big-header.gz"), gzipBomb(idxHeader([100000, 28, 28]), GIB));
    const labels = Buffer.concat([idxHeader([10]), Buffer.alloc(10)]);
    await fs.writeFile(path.join(dir, "labels.gz"), zlib.gzipSync(labels));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  for (const [file, declared] of [
    ["small-header.gz", 7856],
    ["big-header.gz", 78400016],
  ]) {
    test(`a 1 MB gzip inflating to 1 GB (${file}) is refused with bounded memory`, async (t) => {
      const bomb = path.join(dir, file);
      assert.ok((await fs.stat(bomb)).size < 1.1 * MIB);
      const r = await cliPeakMemory(
        dir,
        "vanishing",
        "--idx-images",
        bomb,
        "--idx-labels",
        path.join(dir, "labels.gz"),
      );
      t.diagnostic(`${file}: peak resident memory ${r.peakMiB.toFixed(0)} MiB`);
      // Node with the module loaded takes ~60-100 MiB; the declared size adds at most 75 MiB.
      assert.ok(r.peakMiB < 300, `peak resident memory ${r.peakMiB.toFixed(0)} MiB`);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(
        r.stderr,
        `gradscope: ${bomb}: inflates to more than the ${declared} bytes its IDX header declares`,
      );
    });
  }
});
