// The guided stories and reproducible figures (issue 11): each story's claim after its fixed
// number of seeded steps (read from the story's readout and its data attributes), `steps=N` with
// no intermediate frame, two loads giving identical numbers, explicit keys over the story's, and
// `autoplay=1` with and without reduced motion.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openPage } from "../support/chromium.js";
import { useBuiltSite } from "./built-site.mjs";

const built = useBuiltSite();

/** Opens `hash`, waits for the snapshot at `steps`, returns status, readout text and data. */
async function storyAt(hash, steps, options = {}) {
  const { page, context, problems } = await openPage(built.browser, `${built.server.url}${hash}`);
  try {
    const status = page.locator("#status");
    await status.filter({ hasText: `(step ${steps})` }).waitFor({ timeout: 60000 });
    const readout = page.locator("#story-readout");
    await readout.filter({ hasText: `At step ${steps.toLocaleString("en")}` }).waitFor();
    const data = await readout.evaluate((e) => ({ ...e.dataset }));
    const result = {
      status: await status.textContent(),
      text: await readout.textContent(),
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Number(v)])),
      hash: await page.evaluate(() => location.hash),
      order: await page.evaluate(() =>
        [...document.querySelectorAll(".view-cards > .view-card:not([hidden])")].map((c) => c.id),
      ),
    };
    if (options.keep) return { ...result, page, context, problems };
    assert.deepEqual(problems, []);
    return result;
  } finally {
    if (!options.keep) await context.close();
  }
}

const accuracy = (status) => Number(/test accuracy ([\d.]+)%/.exec(status)?.[1]);

test("vanishing: after 1,500 steps ‖∂C/∂b²‖/‖∂C/∂b⁸‖ < 10⁻², the spiral unlearned", async () => {
  const r = await storyAt("#story=vanishing", 1500);
  console.log(`# vanishing: ${r.text} | ${r.status}`);
  assert.equal(r.data.step, 1500);
  assert.ok(r.data.ratio < 1e-2, `ratio ${r.data.ratio}`);
  assert.match(r.text, /learns [\d.]+(·10[⁰-⁹]+)?× slower than the output layer/);
  assert.ok(accuracy(r.status) < 60, r.status);
  // The story's views first; its full settings written into the hash.
  assert.deepEqual(r.order.slice(0, 2), ["view-gradients", "view-derivatives"]);
  assert.match(r.hash, /activation=sigmoid&.*init=scaled&learningRate=0\.3&/);
});

test("ReLU + He: the same network's first hidden layer within 10× of the output layer, and it learns", async () => {
  const r = await storyAt("#story=relu-he", 1500);
  console.log(`# relu-he: ${r.text} | ${r.status}`);
  assert.ok(r.data.ratio > 0.1 && r.data.ratio < 10, `ratio ${r.data.ratio}`);
  assert.match(r.text, /within 10× of the output layer's/);
  assert.ok(accuracy(r.status) > 85, r.status);
});

test("slowdown: cross-entropy's output error exceeds the quadratic cost's on the saturated output", async () => {
  const quadratic = await storyAt("#story=slowdown", 100);
  // An explicit settings key wins over the story's.
  const crossEntropy = await storyAt("#story=slowdown&cost=cross-entropy", 100);
  console.log(`# slowdown quadratic: ${quadratic.text}`);
  console.log(`# slowdown cross-entropy: ${crossEntropy.text}`);
  assert.match(crossEntropy.hash, /cost=cross-entropy/);
  assert.ok(quadratic.data.outputSigmaPrime < 0.05, "the output is saturated (σ′ far below 1/4)");
  assert.ok(
    crossEntropy.data.outputError > 5 * quadratic.data.outputError,
    `${crossEntropy.data.outputError} vs ${quadratic.data.outputError}`,
  );
  assert.ok(accuracy(crossEntropy.status) > accuracy(quadratic.status) + 20);
});

test("saturation: the large init's saturated share is several times the scaled init's", async () => {
  const large = await storyAt("#story=saturation", 100);
  const scaled = await storyAt("#story=saturation&init=scaled", 100);
  console.log(`# saturation large: ${large.text}`);
  console.log(`# saturation scaled: ${scaled.text}`);
  assert.ok(large.data.hiddenShare > 0.05, `large ${large.data.hiddenShare}`);
  assert.ok(
    large.data.hiddenShare > 5 * scaled.data.hiddenShare,
    `scaled ${scaled.data.hiddenShare}`,
  );
  // The text states the measured share.
  assert.ok(large.text.includes(`${(100 * large.data.hiddenShare).toFixed(1)}%`), large.text);
});

test("dead ReLUs: η = 2 leaves a stated share of σ′ = 0 and no gradient behind a dead layer", async () => {
  const dead = await storyAt("#story=dead-relu", 100);
  const healthy = await storyAt("#story=dead-relu&learningRate=0.04", 100);
  console.log(`# dead-relu: ${dead.text}`);
  console.log(`# dead-relu at η = 0.04: ${healthy.text}`);
  assert.ok(dead.text.includes(`${(100 * dead.data.hiddenShare).toFixed(1)}%`), dead.text);
  assert.ok(dead.data.hiddenShare > 0.75, `share ${dead.data.hiddenShare}`);
  assert.ok(dead.data.hiddenShare > healthy.data.hiddenShare + 0.2);
  assert.equal(dead.data.silentLayers, 6, "layers 2–7 get exactly zero gradient");
  assert.equal(healthy.data.silentLayers, 0);
});

test("steps=N: no intermediate frame, two loads print identical numbers, Play continues beyond N", async () => {
  const hash = "#story=vanishing&steps=300&autoplay=1";
  const { page, context, problems } = await openPage(
    built.browser,
    `${built.server.url}${hash}`,
    undefined,
    {
      prepare: (p) =>
        p.addInitScript(() => {
          window.__statuses = [];
          new MutationObserver(() => {
            const s = document.getElementById("status");
            if (s) window.__statuses.push(s.textContent);
          }).observe(document, { subtree: true, childList: true, characterData: true });
        }),
    },
  );
  const status = page.locator("#status");
  await status.filter({ hasText: "(step 300)" }).waitFor({ timeout: 60000 });
  await page.waitForTimeout(500);
  const first = await status.textContent();
  const seen = await page.evaluate(() => window.__statuses);
  const steps = [...new Set(seen.flatMap((t) => /\(step (\d+)\)/.exec(t ?? "")?.[1] ?? []))];
  assert.deepEqual(steps, ["300"], `status lines seen: ${JSON.stringify(seen)}`);
  assert.equal(await page.locator("#play").textContent(), "Play", "paused at step N");
  // The lone snapshot at step N is drawn: each gradient chart shows coloured marks, not only its
  // grey grid (a one-point line is invisible unless its point is drawn).
  const coloured = await page.locator("#view-gradients canvas").evaluateAll((canvases) =>
    canvases.map((c) => {
      const { data } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const hi = Math.max(data[i], data[i + 1], data[i + 2]);
        const lo = Math.min(data[i], data[i + 1], data[i + 2]);
        if (data[i + 3] > 128 && hi - lo > 80) n++;
      }
      return n;
    }),
  );
  assert.equal(coloured.length, 2, "two gradient charts");
  for (const n of coloured) assert.ok(n > 20, `coloured pixels per chart: ${coloured}`);
  // And the curves that led there: the fast-forward recorded points on its way (nothing drawn
  // in between), so the loss chart's table runs from step 0 to step 300.
  const details = page.locator("details.chart-data", { hasText: "Loss and accuracy" });
  await details.locator("summary").click();
  await details.locator("table tbody tr").first().waitFor();
  const rowSteps = await details.evaluate((d) =>
    [...d.querySelectorAll("tbody tr")].map((tr) => Number(tr.children[0]?.textContent)),
  );
  assert.equal(rowSteps[0], 0, `first rows: ${rowSteps.slice(0, 3)}`);
  assert.equal(rowSteps[rowSteps.length - 1], 300);
  assert.ok(rowSteps.length >= 50, `${rowSteps.length} rows`);
  const again = await storyAt(hash, 300);
  assert.equal(again.status, first);
  await page.locator("#play").click();
  await status.filter({ hasText: /\(step (3[1-9]\d|[4-9]\d\d|\d{4,})\)/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("autoplay=1 trains on load, but not when the system asks for reduced motion", async () => {
  for (const reducedMotion of ["no-preference", "reduce"]) {
    const context = await built.browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(`${built.server.url}#autoplay=1`);
    const status = page.locator("#status");
    await status.filter({ hasText: "test accuracy" }).waitFor();
    await page.waitForTimeout(1500);
    const step = Number(/\(step (\d+)\)/.exec(await status.textContent())?.[1]);
    if (reducedMotion === "reduce") {
      assert.equal(step, 0);
      await page.getByText("autoplay=1 ignored").waitFor();
    } else assert.ok(step > 0, `step ${step}`);
    await context.close();
  }
});

test("the Stories menu writes the story's full settings and steps into the hash", async () => {
  const { page, context, problems } = await openPage(built.browser, built.server.url);
  await page.locator("#status").filter({ hasText: "test accuracy" }).waitFor();
  await page.getByLabel("Stories").selectOption("slowdown");
  await page.locator("#status").filter({ hasText: "(step 100)" }).waitFor({ timeout: 60000 });
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /story=slowdown/);
  assert.match(hash, /steps=100/);
  assert.match(hash, /hidden=32,32&.*cost=quadratic&init=large/);
  assert.deepEqual(
    await page.evaluate(() =>
      [...document.querySelectorAll(".view-cards > .view-card")].slice(0, 2).map((c) => c.id),
    ),
    ["view-loss", "view-gradients"],
  );
  // The linked story opens the chain lab on Nielsen's exploding example.
  await page.getByLabel("Stories").selectOption("exploding");
  await page.locator("#tab-chain[aria-selected=true]").waitFor();
  assert.match(await page.evaluate(() => location.hash), /chainW=100,100,100,100/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("present=1: the first key view's charts and legends above the fold at 1920×1080 and 150 % zoom, chart text ≥ 20 px, legends show numbers unhovered, no settings gutter", async () => {
  const sizes = [
    { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
    { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 },
  ];
  for (const { viewport, deviceScaleFactor } of sizes) {
    for (const story of ["vanishing", "slowdown", "saturation"]) {
      const { page, context, problems } = await openPage(
        built.browser,
        `${built.server.url}#story=${story}&present=1`,
        viewport,
        {
          deviceScaleFactor,
          // Every font a chart's canvas draws text with (uPlot draws its axes on the canvas).
          prepare: (p) =>
            p.addInitScript(() => {
              window.chartFonts = new Set();
              const fillText = CanvasRenderingContext2D.prototype.fillText;
              CanvasRenderingContext2D.prototype.fillText = function (...args) {
                if (this.canvas.closest?.(".uplot")) window.chartFonts.add(this.font);
                return fillText.apply(this, args);
              };
            }),
        },
      );
      await page
        .locator("#story-readout")
        .filter({ hasText: "At step" })
        .waitFor({ timeout: 60000 });
      await page.waitForTimeout(500);
      const layout = await page.evaluate(() => {
        const box = (el) => el.getBoundingClientRect();
        const keys = [...document.querySelectorAll(".view-card.story-key")];
        return {
          present: document.documentElement.classList.contains("present"),
          settingsShown: document.querySelector(".settings").getBoundingClientRect().width > 0,
          story: box(document.getElementById("story")),
          // The first key card's charts: each one's box (legend included) and legend.
          charts: [...(keys[0]?.querySelectorAll(".uplot") ?? [])].map((plot) => {
            const legend = plot.querySelector(".u-legend");
            return {
              id: keys[0].id,
              plot: box(plot),
              legendWidth: legend ? legend.scrollWidth : 0,
              legendFont: legend ? parseFloat(getComputedStyle(legend).fontSize) : 0,
              legendText: legend?.textContent ?? "",
            };
          }),
          keyCount: keys.length,
          fonts: [...window.chartFonts].map((f) => Number(/(\d+(?:\.\d+)?)px/.exec(f)?.[1])),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      const where = `${story} at ${viewport.width}×${viewport.height} ×${deviceScaleFactor}`;
      assert.ok(layout.present, where);
      assert.equal(layout.settingsShown, false, `${where}: the settings column is gone`);
      assert.ok(layout.story.left < 40, `${where}: the story takes the left column`);
      assert.equal(layout.keyCount, 2, where);
      assert.ok(layout.charts.length >= 1, `${where}: the first key view has charts`);
      assert.ok(layout.fonts.length > 0, `${where}: the charts drew text`);
      // uPlot scales its canvas fonts by the device pixel ratio.
      const smallest = Math.min(...layout.fonts) / deviceScaleFactor;
      assert.ok(smallest >= 20, `${where}: chart text of ${smallest} px`);
      for (const c of layout.charts) {
        assert.ok(c.legendFont >= 20, `${where}: legend text of ${c.legendFont} px`);
        // Unhovered, the legend shows the latest point's numbers, not "--".
        assert.doesNotMatch(c.legendText, /--|–/, `${where}: legend "${c.legendText}"`);
        assert.match(c.legendText, /\d/, `${where}: legend "${c.legendText}"`);
        assert.ok(c.plot, `${where}: ${c.id} has a chart`);
        assert.ok(
          c.plot.bottom <= viewport.height,
          `${where}: a chart of ${c.id} ends at ${c.plot.bottom}`,
        );
        assert.ok(
          c.legendWidth <= c.plot.width + 1,
          `${where}: ${c.id}'s legend ${c.legendWidth} > ${c.plot.width}`,
        );
      }
      assert.ok(layout.overflow <= 0, `${where}: scrolls sideways by ${layout.overflow}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test("lecture mode stays on when a story opens another tab (exploding → chain lab)", async () => {
  const { page, context, problems } = await openPage(
    built.browser,
    `${built.server.url}#story=exploding&present=1`,
  );
  await page.locator("#tab-chain[aria-selected=true]").waitFor();
  assert.match(await page.evaluate(() => location.hash), /chainW=100,100,100,100/);
  assert.match(await page.evaluate(() => location.hash), /present=1/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("present")));
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a 390 px phone the Stories menu is full width: story names are not cut", async () => {
  const { page, context } = await openPage(built.browser, `${built.server.url}#story=saturation`, {
    width: 390,
    height: 844,
  });
  const menu = page.locator("#story-menu");
  await menu.waitFor();
  const width = await menu.evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width >= 390 - 40, `the menu is ${width} px wide`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await context.close();
});

test("the Lecture mode button toggles present=1 and the page's class", async () => {
  const { page, context } = await openPage(built.browser, `${built.server.url}#story=saturation`);
  const button = page.getByRole("button", { name: "Lecture mode" });
  await button.click();
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.match(await page.evaluate(() => location.hash), /present=1/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("present")));
  await button.click();
  assert.doesNotMatch(await page.evaluate(() => location.hash), /present=/);
  await context.close();
});
