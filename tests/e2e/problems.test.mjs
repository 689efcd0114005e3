// The playground's regression and many-class problems in the built site, each fast-forwarded to a
// fixed step from its preset with seeds 1/1 (so the figures are exact and reproducible): the
// regression plane reaches test R² ≥ 0.95, the 3-class spiral ≥ 90 % test accuracy, a line set's
// fitted curve is drawn. Titles, captions, legends and the loss chart follow the problem; the
// "show test data" and "discretize output" toggles reach the URL. Screenshots (1280×800, 390×844,
// 150 %): build/screenshots/problems.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openPage } from "../support/chromium.js";
import { useBuiltSite } from "./built-site.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const shots = `${repo}build/screenshots/problems`;

/** Steps each quality case is fast-forwarded to (docs/playground.md states the figures). */
export const PLANE_STEPS = 1500;
export const SPIRAL3_STEPS = 10000;
export const SINE_STEPS = 1500;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Opens the playground at `hash` and waits for the snapshot of its `steps=` fast-forward. */
async function openAt(built, hash, viewport = DESKTOP, deviceScaleFactor = 1) {
  const opened = await openPage(built.browser, built.server.url + hash, viewport, {
    deviceScaleFactor,
  });
  const steps = /steps=(\d+)/.exec(hash)?.[1] ?? "0";
  await opened.page
    .getByRole("status")
    .filter({ hasText: `(step ${steps})` })
    .waitFor({ timeout: 240_000 });
  return opened;
}

const status = async (page) => (await page.getByRole("status").textContent()) ?? "";
const text = async (page, selector) => (await page.locator(selector).first().textContent()) ?? "";

/** The boundary canvas's pixels: how many are near each of `colours` (hex), and how many dark. */
function canvasColours(page, colours) {
  return page.evaluate((colours) => {
    const canvas = document.querySelector("#view-boundary canvas");
    const ctx = canvas.getContext("2d");
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const near = rgb.map(() => 0);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r + g + b < 120) dark++;
      rgb.forEach((c, k) => {
        // A tint of the colour towards white: the same hue, any strength above a third.
        const t = [0, 1, 2].map((j) => (255 - [r, g, b][j]) / (255 - c[j] || 1));
        const tint = t.every((v) => Math.abs(v - t[0]) < 0.12) && t[0] > 0.33;
        if (tint) near[k]++;
      });
    }
    return { near, dark };
  }, colours);
}

describe("regression and many-class problems (built dist/)", () => {
  const built = useBuiltSite();

  test("regression plane: test R² ≥ 0.95 from its preset; an output map, R² in the chart", async () => {
    await mkdir(shots, { recursive: true });
    const { page, context, problems } = await openAt(built, `#dataset=plane&steps=${PLANE_STEPS}`);
    const line = await status(page);
    const r2 = Number(/test loss [\d.]+, test R² (-?[\d.]+)/.exec(line)?.[1]);
    assert.ok(r2 >= 0.95, line);
    assert.doesNotMatch(line, /accuracy/);
    assert.equal(await text(page, "#view-boundary h2"), "Output over the plane");
    const caption = await text(page, "#view-boundary .view-explanation");
    assert.match(caption, /diverging scale/);
    assert.doesNotMatch(caption, /decision boundary|accuracy|class/i);
    assert.match(await text(page, "#view-boundary .view-source"), /its one output evaluated/);
    const ticks = await page.locator("#view-boundary .value-legend-ticks span").allTextContents();
    assert.deepEqual(ticks, ["−1", "−0.5", "0", "0.5", "1"]);
    assert.equal(
      await text(page, "#view-loss .u-title"),
      "Loss and R²: training (solid) and test (dashed)",
    );
    assert.match(await text(page, "#view-loss .view-explanation"), /R² = 1 − Σ\(a − y\)²/);
    const painted = await canvasColours(page, ["#E69F00", "#0072B2"]);
    assert.ok(painted.near[0] > 1000 && painted.near[1] > 1000, JSON.stringify(painted));
    // The Classes menu is hidden: a regression set has no classes.
    assert.equal(await page.locator("#setting-classes").isVisible(), false);
    await page.screenshot({ path: `${shots}/plane-desktop.png`, fullPage: false });
    await page.locator("#view-boundary").screenshot({ path: `${shots}/plane-card.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("3-class spiral: ≥ 90 % test accuracy from the classes=3 preset; three coloured regions", async () => {
    const { page, context, problems } = await openAt(
      built,
      `#dataset=spiral&classes=3&steps=${SPIRAL3_STEPS}`,
    );
    const line = await status(page);
    const accuracy = Number(/test accuracy ([\d.]+)%/.exec(line)?.[1]);
    assert.ok(accuracy >= 90, line);
    assert.equal(await page.locator("#setting-classes").inputValue(), "3");
    assert.equal(await page.locator("#setting-output").inputValue(), "softmax");
    assert.equal(await page.locator("#setting-cost").inputValue(), "log-likelihood");
    assert.equal(await text(page, "#view-boundary h2"), "Decision boundary");
    const legend = await page.locator("#view-boundary .swatch-legend li").allTextContents();
    assert.deepEqual(legend.slice(0, 3), ["class 0", "class 1", "class 2"]);
    assert.match(await text(page, "#view-boundary .view-explanation"), /argmax over the 3 units/);
    const painted = await canvasColours(page, ["#E69F00", "#0072B2", "#009E73"]);
    for (const n of painted.near) assert.ok(n > 500, JSON.stringify(painted));
    await page.locator("#view-boundary").screenshot({ path: `${shots}/spiral3-card.png` });
    // Discretize: flat regions, and the key in the URL; the caption says so.
    await page.locator("#discretize").check();
    await page.waitForFunction(() => location.hash.includes("discretize=1"));
    assert.match(await text(page, "#view-boundary .view-explanation"), /discretized/);
    await page.locator("#view-boundary").screenshot({ path: `${shots}/spiral3-discretized.png` });
    // Show test data off: the key in the URL, the caption and legend say only training points.
    await page.locator("#show-test").uncheck();
    await page.waitForFunction(() => location.hash.includes("showTest=0"));
    assert.match(await text(page, "#view-boundary .view-explanation"), /show test data is off/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a line set: the fitted curve over the points, R² in the status line", async () => {
    const { page, context, problems } = await openAt(built, `#dataset=sine&steps=${SINE_STEPS}`);
    const line = await status(page);
    assert.match(line, /test R² -?[\d.]+ \(MSE/);
    assert.equal(await text(page, "#view-boundary h2"), "Fitted curve");
    assert.match(await text(page, "#view-boundary .view-explanation"), /curve for x from −1\.5/);
    assert.equal(await text(page, "#view-boundary .axis-label-x"), "x");
    // The curve is black, 2.5 px wide, across the canvas: hundreds of dark pixels.
    const painted = await canvasColours(page, ["#D55E00"]);
    assert.ok(painted.dark > 300, JSON.stringify(painted));
    assert.ok(painted.near[0] > 100, JSON.stringify(painted));
    assert.equal(await page.locator("#discretize").isVisible(), false);
    await page.locator("#view-boundary").screenshot({ path: `${shots}/sine-card.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("phone and 150 % zoom: the three maps fit and are drawn", async () => {
    for (const [name, hash] of [
      ["plane", `#dataset=plane&steps=200`],
      ["spiral3", `#dataset=spiral&classes=3&steps=200`],
      ["sine", `#dataset=sine&steps=200`],
    ]) {
      const phone = await openAt(built, hash, PHONE, 1);
      await phone.page.locator("#view-boundary").scrollIntoViewIfNeeded();
      await phone.page.locator("#view-boundary").screenshot({ path: `${shots}/${name}-phone.png` });
      const overflow = await phone.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow} px`);
      await phone.context.close();
      const zoom = await openAt(built, hash, { width: 853, height: 533 }, 1.5);
      await zoom.page
        .locator("#view-boundary")
        .screenshot({ path: `${shots}/${name}-zoom150.png` });
      await zoom.context.close();
    }
  });
});
