// Main-thread responsiveness of a tutorial page with eight elements training (four
// <gradscope-run autoplay> and one view each, tests/e2e/elements-site/tut/deep/eight.html) on the
// built site: the longest main-thread task (PerformanceObserver "longtask", tasks over 50 ms) in
// a few windows of training, the median over several loads. A figure for docs/performance.md
// (budget: no task over 50 ms), not a test assertion: the machine is shared.
//   node bench/elements_responsiveness.mjs <out.json> [loads]
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { launchChromium, openPage } from "../tests/support/chromium.js";
import { framesAndLongTasks } from "../tests/e2e/playground-page.mjs";
import { startElementsSite } from "../tests/e2e/elements-site.mjs";

const [outFile, loadsArg = "5"] = process.argv.slice(2);
const loads = Number(loadsArg);
const WINDOWS = 3;
const WINDOW_MS = 3000;
const RUNS = ["a", "b", "c", "d"];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loadStart = loadavg()[0];
const site = await startElementsSite();
const browser = await launchChromium();
try {
  const perLoad = [];
  for (let i = 0; i < loads; i++) {
    // Four columns of a run and its view: every element in view (one scrolled away pauses).
    const { page, context, problems } = await openPage(browser, `${site.url}tut/deep/eight.html`, {
      width: 1600,
      height: 1000,
    });
    // Every run trains: each has sent a few snapshots.
    await page.waitForFunction(
      (runs) =>
        runs.every(
          (id) =>
            (window.gradscopeEvents ?? []).filter(
              (e) => e.type === "gradscope-step" && e.run === id,
            ).length >= 3,
        ),
      RUNS,
      { timeout: 60000 },
    );
    const stepsBefore = await page.evaluate(() => window.gradscopeEvents.length);
    const windows = [];
    for (let w = 0; w < WINDOWS; w++) windows.push(await framesAndLongTasks(page, WINDOW_MS));
    const snapshots = (await page.evaluate(() => window.gradscopeEvents.length)) - stepsBefore;
    const running = await page.evaluate(
      (runs) => runs.filter((id) => document.getElementById(id).running),
      RUNS,
    );
    await context.close();
    if (problems.length > 0) throw new Error(`load ${i + 1}: ${problems.join("\n")}`);
    const tasks = windows.flatMap((w) => w.longTasks);
    const gaps = windows.flatMap((w) => w.gaps).sort((a, b) => a - b);
    const load = {
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      longTasks: tasks,
      frames: gaps.length,
      frameGapP95Ms: Number(gaps[Math.floor(gaps.length * 0.95)].toFixed(1)),
      snapshotsPerSecond: Number((snapshots / ((WINDOWS * WINDOW_MS) / 1000)).toFixed(1)),
      runsTraining: running.length,
    };
    perLoad.push(load);
    console.error(
      `bench: eight elements, load ${i + 1}: longest task ${load.longestTaskMs} ms ` +
        `(${tasks.length} over 50 ms), frame gap p95 ${load.frameGapP95Ms} ms, ` +
        `${load.snapshotsPerSecond} snapshots/s, ${load.runsTraining} of ${RUNS.length} runs training`,
    );
  }
  const result = {
    loads,
    elements: 8,
    windowMs: WINDOW_MS,
    windows: WINDOWS,
    perLoad,
    longestTaskMedianMs: median(perLoad.map((l) => l.longestTaskMs)),
    frameGapP95MedianMs: median(perLoad.map((l) => l.frameGapP95Ms)),
    snapshotsPerSecondMedian: median(perLoad.map((l) => l.snapshotsPerSecond)),
    // The 1-minute load average at the start and the end: above the core count, tasks stretch.
    loadAverage: [loadStart, loadavg()[0]].map((x) => Number(x.toFixed(1))),
  };
  writeFileSync(outFile, JSON.stringify(result));
  console.error(
    `bench: eight elements: longest main-thread task median ${result.longestTaskMedianMs} ms ` +
      `over ${loads} loads (0: none over 50 ms)`,
  );
} finally {
  await browser.close();
  await site.close();
}
