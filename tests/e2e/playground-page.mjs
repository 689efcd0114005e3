// What the playground tests ask of the page: its status line, its notices, its painted views.
// Shared so that other browser tests (the lab's) can drive the same page.

export const VIEW_IDS = [
  "view-activations",
  "view-derivatives",
  "view-gradients",
  "view-loss",
  "view-boundary",
  "view-network",
];

/** Test accuracy in % from the role="status" line, or null before the first snapshot. */
export async function statusTestAccuracy(page) {
  const text = await page.getByRole("status").textContent();
  const m = /test accuracy ([\d.]+)%/.exec(text ?? "");
  return m ? Number(m[1]) : null;
}

/**
 * Presses Play and waits until the status line shows test accuracy ≥ `min` %; returns that
 * status text, then pauses.
 */
export async function trainUntil(page, min, timeoutMs) {
  const status = page.getByRole("status");
  await status.filter({ hasText: "test accuracy" }).waitFor({ timeout: 15000 });
  await page.getByRole("button", { name: /^Play/ }).click();
  const start = Date.now();
  let text;
  for (;;) {
    text = (await status.textContent()) ?? "";
    const m = /test accuracy ([\d.]+)%/.exec(text);
    if (m && Number(m[1]) >= min) break;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`test accuracy stayed below ${min}% for ${timeoutMs} ms; status: ${text}`);
    }
    await page.waitForTimeout(100);
  }
  const ms = Date.now() - start;
  await page.getByRole("button", { name: /^Pause/ }).click();
  return { ms, status: text };
}

/** For each canvas in the element with id `viewId`: how many pixels are painted (not blank or white). */
export function paintedPixels(page, viewId) {
  return page.evaluate((id) => {
    const root = document.getElementById(id);
    if (!root) throw new Error(`no #${id}`);
    return [...root.querySelectorAll("canvas")].map((canvas) => {
      const ctx = canvas.getContext("2d");
      if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const white = data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245;
        if (data[i + 3] > 0 && !white) painted++;
      }
      return painted;
    });
  }, viewId);
}

/** How many CSS pixels the page is wider than its window (> 0: it scrolls sideways). */
export function pageWidthOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * For `ms` milliseconds: the gaps between animation frames and the durations of main-thread
 * tasks over 50 ms (PerformanceObserver `longtask`), both in ms.
 */
export function framesAndLongTasks(page, ms) {
  return page.evaluate(
    (ms) =>
      new Promise((done) => {
        const longTasks = [];
        const gaps = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
        });
        observer.observe({ type: "longtask" });
        let last = 0;
        const end = performance.now() + ms;
        const frame = (t) => {
          if (last) gaps.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(frame);
          else {
            observer.disconnect();
            done({ longTasks, gaps });
          }
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
}

/**
 * Up to `count` windows of `ms` ms while the page trains, stopping at the first without a task
 * over 50 ms: frames, training steps (from the status line), frame gap p95 and worst, long
 * tasks. Each window is logged. (Wall-clock time on a shared machine can stretch any one
 * frame, hence several windows.)
 */
export async function responsivenessWindows(page, count = 3, ms = 3000) {
  const windows = [];
  const step = async () =>
    Number(/step (\d+)/.exec(await page.getByRole("status").textContent())?.[1]);
  for (let w = 0; w < count; w++) {
    const stepBefore = await step();
    const probe = await framesAndLongTasks(page, ms);
    const stepAfter = await step();
    const gaps = probe.gaps.sort((a, b) => a - b);
    const window = {
      frames: gaps.length,
      steps: stepAfter - stepBefore,
      p95: gaps[Math.floor(gaps.length * 0.95)],
      worst: gaps[gaps.length - 1],
      longTasks: probe.longTasks,
    };
    windows.push(window);
    console.log(
      `# window ${w + 1}: ${window.frames} frames, ${window.steps} training steps, frame gap ` +
        `p95 ${window.p95.toFixed(1)} ms, worst ${window.worst.toFixed(1)} ms, long tasks ${JSON.stringify(window.longTasks)}`,
    );
    if (window.longTasks.length === 0) break;
  }
  return windows;
}
