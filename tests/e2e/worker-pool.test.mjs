// The page's runtime (web/src/runtime): the .wasm is fetched once per page and compiled once, the
// compiled module posted to a pool of at most navigator.hardwareConcurrency workers that the
// playground's run and the lab's variants share; the chain and softmax views instantiate the same
// module on the main thread. Counted on the server (every path asked for) and by the browser's
// worker events.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

/** Opens `hash` on a machine that reports `cores` cores; counts the page's workers. */
async function openWithCores(built, hash, cores) {
  const workers = [];
  const opened = await openPage(built.browser, built.server.url + hash, undefined, {
    prepare: async (page) => {
      page.on("worker", (w) => workers.push(w.url()));
      await page.addInitScript(
        (n) => Object.defineProperty(navigator, "hardwareConcurrency", { get: () => n }),
        cores,
      );
    },
  });
  return { ...opened, workers };
}

/** The .wasm paths the server was asked for since request number `from`. */
function wasmRequests(built, from) {
  return built.server.requests.slice(from).filter((p) => p.endsWith(".wasm"));
}

async function trainPlayground(page) {
  const status = page.getByRole("status");
  await status.filter({ hasText: "test accuracy" }).waitFor({ timeout: 30000 });
  await page.getByRole("button", { name: /^Play/ }).click();
  await status.filter({ hasText: /step [1-9]\d{2,}/ }).waitFor({ timeout: 60000 });
  await page.getByRole("button", { name: /^Pause/ }).click();
}

async function runLab(page) {
  await page.getByRole("tab", { name: "Lab: deep networks on MNIST" }).click();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const status = page.locator(".lab-status");
  await status.filter({ hasText: /finished in/ }).waitFor({ timeout: 120000 });
  return (await status.textContent()) ?? "";
}

const LAB = "labEpochs=1&labSamples=300&labHidden=2&labVariants=book,relu-he,tanh";

describe("the page's worker pool and its one compiled .wasm (built site)", () => {
  const built = useBuiltSite();

  test("two cores: every view on one fetch of one .wasm, two workers for the run and the lab", async () => {
    const from = built.server.requests.length;
    const { page, context, problems, workers } = await openWithCores(
      built,
      `#dataset=xor&speed=20&${LAB}`,
      2,
    );
    await trainPlayground(page);
    await page.getByRole("tab", { name: "Lab: the chain" }).click();
    await page.locator(".chain-term").first().waitFor();
    await page.getByRole("tab", { name: /softmax/i }).click();
    await page.locator(".prob-value[data-path]").first().waitFor();
    const labStatus = await runLab(page);
    // The playground's channel took the first worker; the lab's three networks went to two
    // channels (one per core), one on a second worker, one beside the run.
    assert.match(labStatus, /on 2 Web Workers/);
    await page.screenshot({ path: `${artifacts}/worker-pool-lab-2-cores.png` });
    const wasm = wasmRequests(built, from);
    assert.equal(wasm.length, 1, `the .wasm was fetched once: ${wasm.join(", ")}`);
    assert.match(wasm[0], /gradscope-simd-[\w-]+\.wasm$/, "the SIMD build, in Chromium");
    assert.equal(workers.length, 2, `at most one worker per core: ${workers.join(", ")}`);
    for (const w of workers) assert.match(w, /host-worker-[\w-]+\.js$/);
    // Back on the playground the run is still served by its channel.
    await page.getByRole("tab", { name: "Playground" }).click();
    await trainPlayground(page);
    assert.equal(wasmRequests(built, from).length, 1);
    assert.equal(workers.length, 2);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("one core: the run and the lab share the one worker", async () => {
    const from = built.server.requests.length;
    const { page, context, problems, workers } = await openWithCores(
      built,
      `#dataset=xor&speed=20&${LAB}`,
      1,
    );
    await trainPlayground(page);
    const labStatus = await runLab(page);
    assert.match(labStatus, /on 1 Web Worker\b/);
    assert.equal(workers.length, 1, workers.join(", "));
    assert.equal(wasmRequests(built, from).length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
