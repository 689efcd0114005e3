// The site's scripts loaded by a page of another origin (as the elements are from a CDN): the
// browser refuses a cross-origin worker script, so the pool starts each worker from a same-origin
// blob: module that imports the real one (runtime/worker-url.ts). The host page is the site's own
// index.html with a <base> pointing at the site on localhost, served from 127.0.0.1.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { artifacts, siteRoot, useBuiltSite } from "./built-site.mjs";

describe("the worker pool when the site's scripts come from another origin", () => {
  // A CDN serves modules, workers' imports and the .wasm with CORS.
  const built = useBuiltSite({ headers: { "access-control-allow-origin": "*" } });
  let host;
  let dir;
  let siteUrl;

  before(async () => {
    siteUrl = built.server.url.replace("127.0.0.1", "localhost");
    const html = await readFile(path.join(siteRoot, "index.html"), "utf8");
    dir = await mkdtemp(path.join(os.tmpdir(), "gradscope-host-"));
    await writeFile(
      path.join(dir, "index.html"),
      html.replace("<head>", `<head>\n    <base href="${siteUrl}" />`),
    );
    host = await startStaticServer({ root: dir, base: "/tutorial/" });
  });
  after(async () => {
    await host?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("workers start through blob: shims, the run trains and the lab runs", async () => {
    const workers = [];
    const { page, context, problems } = await openPage(
      built.browser,
      `${host.url}#dataset=xor&speed=20&labEpochs=1&labSamples=300&labHidden=2&labVariants=book,tanh`,
      undefined,
      { prepare: (p) => p.on("worker", (w) => workers.push(w.url())) },
    );
    assert.notEqual(new URL(host.url).origin, new URL(siteUrl).origin);
    const status = page.getByRole("status");
    await status.filter({ hasText: "test accuracy" }).waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: /^Play/ }).click();
    await status.filter({ hasText: /step [1-9]\d{2,}/ }).waitFor({ timeout: 60000 });
    await page.getByRole("button", { name: /^Pause/ }).click();
    await page.getByRole("tab", { name: "Lab: deep networks on MNIST" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page
      .locator(".lab-status")
      .filter({ hasText: /finished in/ })
      .waitFor({ timeout: 120000 });
    await page.screenshot({ path: `${artifacts}/worker-pool-cross-origin-lab.png` });
    assert.ok(workers.length >= 1, "a worker started");
    for (const w of workers) {
      assert.match(w, /^blob:http:\/\/127\.0\.0\.1:\d+\//, "a same-origin blob: shim");
    }
    const wasm = built.server.requests.filter((p) => p.endsWith(".wasm"));
    assert.equal(wasm.length, 1, `one .wasm fetch from the site's origin: ${wasm.join(", ")}`);
    assert.ok(
      built.server.requests.some((p) => /host-worker-[\w-]+\.js$/.test(p)),
      "the shim imported the real worker script from the site",
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
