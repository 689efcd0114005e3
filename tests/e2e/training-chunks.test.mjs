// The training worker trains an update in chunks and reads its messages between them, so Pause
// and Reset act within one chunk even when one update is 500 mini-batches of 500 digits through
// ten 100-unit layers (tens of seconds of work). Checked by counting steps, not by timing: every
// status line is recorded, and no update may complete once Pause or Reset was pressed.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { useBuiltSite } from "./built-site.mjs";

const SLOW = "#dataset=mnist&hidden=" + Array(10).fill(100).join(",") + "&speed=500&batchSize=500";

/** The step counts the status line showed since recordSteps, in order. */
async function recordSteps(page) {
  await page.evaluate(() => {
    const status = document.querySelector('[role="status"]');
    window.stepLog = [];
    new MutationObserver(() => {
      const m = /\(step (\d+)\)/.exec(status.textContent ?? "");
      if (m) window.stepLog.push(Number(m[1]));
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => window.stepLog);
}

async function shownStep(page) {
  const m = /\(step (\d+)\)/.exec((await page.getByRole("status").textContent()) ?? "");
  assert.ok(m, "no step in the status line");
  return Number(m[1]);
}

describe("training in chunks (built site)", () => {
  const built = useBuiltSite();

  test("speed=500&batchSize=500 on a 10×100 MNIST network: Pause and Reset act within a chunk", async (t) => {
    const { page, context, problems } = await openPage(built.browser, built.server.url + SLOW);
    const status = page.getByRole("status");
    await status.filter({ hasText: "test accuracy" }).waitFor({ timeout: 60000 });
    const steps = await recordSteps(page);
    const play = page.getByRole("button", { name: /^Play/ });

    // Pause during the first update: the worker stops after the chunk it is training and shows
    // where it stopped; a whole update (500 mini-batches) must never complete.
    await play.click();
    await page.waitForTimeout(1500); // let a few chunks run (any amount will do)
    await page.getByRole("button", { name: /^Pause/ }).click();
    await status.filter({ hasText: /\(step [1-9]\d*\)/ }).waitFor({ timeout: 60000 });
    const paused = await shownStep(page);
    assert.ok(paused < 500, `the update ran to its end after Pause: step ${paused}`);
    // Nothing trains after the paused snapshot: Step adds exactly one mini-batch.
    await page.getByRole("button", { name: /^Step/ }).click();
    await status.filter({ hasText: `(step ${paused + 1})` }).waitFor({ timeout: 30000 });

    // Reset during an update: back to step 0 without finishing the update first.
    await play.click();
    await page.waitForTimeout(1500);
    await page.getByRole("button", { name: /^Reset/ }).click();
    await status.filter({ hasText: "(step 0)" }).waitFor({ timeout: 60000 });
    await page.getByRole("button", { name: /^Step/ }).click();
    await status.filter({ hasText: "(step 1)" }).waitFor({ timeout: 30000 });

    const log = await steps();
    t.diagnostic(`paused at step ${paused}; steps shown: ${log.join(", ")}`);
    assert.ok(
      log.every((s) => s < 500),
      `an update of 500 mini-batches completed: ${log.join(", ")}`,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
