// The lab's IDX file picker inflates through the package's inflateIdx: a 1 MB gzip that
// inflates to 1 GB is refused early, the renderer's peak memory stays bounded, and the lab
// still runs afterwards. Memory is the renderer's peak resident size (VmHWM in /proc), read for
// the process ids Chromium reports over CDP.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { openPage } from "../support/chromium.js";
import { gzipBomb, idxHeader } from "../support/gzip-bomb.js";
import { siteRoot, useBuiltSite } from "./built-site.mjs";

const GIB = 2 ** 30;

/** Peak resident MiB of each renderer process of `browser`, by process id. */
async function rendererPeaks(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  await cdp.detach();
  const peaks = new Map();
  for (const p of processInfo.filter((p) => p.type === "renderer")) {
    const status = await readFile(`/proc/${p.id}/status`, "utf8").catch(() => "");
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    if (m) peaks.set(p.id, Number(m[1]) / 1024);
  }
  return peaks;
}

describe("the lab's IDX file picker and gzip bombs (built site)", () => {
  const built = useBuiltSite();

  test("1 MB gzips that inflate to 1 GB are refused with bounded renderer memory", async (t) => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing&labEpochs=1&labVariants=book`,
    );
    await page.getByLabel("Data", { exact: true }).selectOption("files");
    const labels = Buffer.concat([idxHeader([10]), Buffer.alloc(10)]);
    await page.getByLabel("IDX labels").setInputFiles({
      name: "labels-idx1-ubyte",
      mimeType: "application/octet-stream",
      buffer: labels,
    });
    const before = await rendererPeaks(built.browser);
    assert.ok(before.size > 0, "no renderer process found");
    const status = page.locator(".lab-status");
    for (const [dims, declared] of [
      [[10, 28, 28], 7856],
      [[100000, 28, 28], 78400016], // under the cap: the most a bomb can still cost
    ]) {
      const bomb = gzipBomb(idxHeader(dims), GIB);
      assert.ok(bomb.length < 1.1 * 2 ** 20, `${bomb.length} bytes`);
      await page.getByLabel("IDX images (.gz or plain)").setInputFiles({
        name: `bomb-${dims[0]}-idx3-ubyte.gz`,
        mimeType: "application/gzip",
        buffer: bomb,
      });
      const previous = (await status.textContent()) ?? "";
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await page.waitForFunction(
        (prev) => {
          const text = document.querySelector(".lab-status")?.textContent ?? "";
          return text !== prev && text.includes("Stopped:");
        },
        previous,
        { timeout: 120000 },
      );
      const after = await rendererPeaks(built.browser);
      const growth = Math.max(...[...after].map(([id, mib]) => mib - (before.get(id) ?? 0)));
      t.diagnostic(
        `${dims[0]} images declared: renderer peak memory grew ${growth.toFixed(0)} MiB`,
      );
      assert.ok(growth < 400, `a renderer's peak memory grew by ${growth.toFixed(0)} MiB`);
      assert.match(
        (await status.textContent()) ?? "",
        new RegExp(`inflates to more than the ${declared} bytes its IDX header declares`),
      );
    }

    // The lab still works: real (small) files run to the end.
    const images = gunzipSync(await readFile(`${siteRoot}/data/mnist-10k-images-idx3-ubyte.gz`));
    const digits = gunzipSync(await readFile(`${siteRoot}/data/mnist-10k-labels-idx1-ubyte.gz`));
    const n = 200;
    const im = Buffer.concat([idxHeader([n, 28, 28]), images.subarray(16, 16 + n * 784)]);
    const lb = Buffer.concat([idxHeader([n]), digits.subarray(8, 8 + n)]);
    await page.getByLabel("IDX images (.gz or plain)").setInputFiles({
      name: "small-idx3-ubyte",
      mimeType: "application/octet-stream",
      buffer: im,
    });
    await page.getByLabel("IDX labels").setInputFiles({
      name: "small-idx1-ubyte",
      mimeType: "application/octet-stream",
      buffer: lb,
    });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await status.filter({ hasText: /finished in/ }).waitFor({ timeout: 60000 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a plain file larger than IDX_MAX_BYTES is refused before it is read", async (t) => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing&labEpochs=1&labVariants=book`,
    );
    // A sparse 129 MiB file: no disk or transfer cost, the picker only sees its size.
    const dir = await mkdtemp(join(tmpdir(), "gradscope-big-idx-"));
    const big = join(dir, "huge-idx3-ubyte");
    await writeFile(big, idxHeader([1000000, 28, 28]));
    await truncate(big, 129 * 2 ** 20);
    t.after(() => rm(dir, { recursive: true, force: true }));
    await page.getByLabel("Data", { exact: true }).selectOption("files");
    await page.getByLabel("IDX labels").setInputFiles({
      name: "labels-idx1-ubyte",
      mimeType: "application/octet-stream",
      buffer: Buffer.concat([idxHeader([10]), Buffer.alloc(10)]),
    });
    await page.getByLabel("IDX images (.gz or plain)").setInputFiles(big);
    const before = await rendererPeaks(built.browser);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const status = page.locator(".lab-status");
    await status.filter({ hasText: "Stopped:" }).waitFor({ timeout: 30000 });
    assert.match(
      (await status.textContent()) ?? "",
      /huge-idx3-ubyte: 135266304 bytes is more than an IDX file may hold \(134217728 bytes\)/,
    );
    const after = await rendererPeaks(built.browser);
    const growth = Math.max(...[...after].map(([id, mib]) => mib - (before.get(id) ?? 0)));
    t.diagnostic(`renderer peak memory grew ${growth.toFixed(0)} MiB`);
    assert.ok(growth < 64, `a renderer's peak memory grew by ${growth.toFixed(0)} MiB`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
