// The page's timing budgets, measured on the built site (dist/) in headless Chromium: the time to
// the first drawn snapshot (budget 1.5 s) and main-thread responsiveness while the widest MNIST
// network trains (budget: no task over 50 ms). These are figures for docs/performance.md, not
// test assertions: this machine is shared, so one slow load says little; the median of several
// does.
//   node bench/page_bench.mjs <out.json> [loads]
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium, openPage } from "../tests/support/chromium.js";
import { startStaticServer } from "../tests/support/static-server.js";
import { responsivenessWindows } from "../tests/e2e/playground-page.mjs";

const [outFile, loadsArg = "7"] = process.argv.slice(2);
const loads = Number(loadsArg);
const root = fileURLToPath(new URL("../dist", import.meta.url));
const server = await startStaticServer({ root, base: "/bench/" });
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const firstSnapshot = [];
  for (let i = 0; i < loads; i++) {
    const { page, context } = await openPage(browser, server.url);
    await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 30000 });
    firstSnapshot.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  const url = `${server.url}#dataset=mnist&samples=10000&testFraction=0.1&hidden=100,100`;
  const { page, context } = await openPage(browser, url);
  await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 30000 });
  await page.getByRole("button", { name: /^Play/ }).click();
  await page.waitForTimeout(500);
  // Five 3-second windows, all kept (responsivenessWindows stops at the first clean one).
  const windows = [];
  for (let i = 0; i < 5; i++) windows.push(...(await responsivenessWindows(page, 1, 3000)));
  await context.close();
  const result = {
    loads,
    firstSnapshotMs: firstSnapshot.map(Math.round),
    firstSnapshotMedianMs: Math.round(median(firstSnapshot)),
    windows: windows.map((w) => ({
      frames: w.frames,
      steps: w.steps,
      p95: Number(w.p95.toFixed(1)),
      worst: Number(w.worst.toFixed(1)),
      longTasks: w.longTasks,
    })),
    cleanWindows: windows.filter((w) => w.longTasks.length === 0).length,
    frameGapP95MedianMs: Number(median(windows.map((w) => w.p95)).toFixed(1)),
  };
  writeFileSync(outFile, JSON.stringify(result));
  console.error(
    `bench: first snapshot median ${result.firstSnapshotMedianMs} ms over ${loads} loads; ` +
      `${result.cleanWindows}/${windows.length} training windows without a task over 50 ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
