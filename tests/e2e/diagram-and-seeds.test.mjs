// The network diagram's readout, touch and keyboard (issue 11, item 6), and the two seeds with
// their New data / New weights / Reset buttons (item 9), on the built site. Screenshots of a
// selected weight (desktop, 150 % zoom and a phone tap) and of the transport bar go to
// test-artifacts/diagram-seeds/.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

const SHOTS = `${artifacts}/diagram-seeds`;
const NOTHING_SELECTED = /^Hover over or tap a neuron or a connection/;
/** A readout of a weight, with both numbers. */
const WEIGHT_TEXT =
  /^Weight wˡⱼₖ with l = (\d+), j = (\d+), k = (\d+) \(from neuron \3 of layer (\d+) to neuron \2 of layer \1\): w = (-?[\d.e-]+), ∂C\/∂w = (-?[\d.e-]+)$/;

const info = (page) => page.locator("#view-network .diagram-info");
const canvas = (page) => page.locator("#view-network canvas").first();
const status = (page) => page.getByRole("status");

async function ready(page) {
  await status(page).filter({ hasText: "test accuracy" }).waitFor({ timeout: 20000 });
}

/** Clicks Step `n` times, waiting for each step's snapshot. */
async function steps(page, n) {
  for (let i = 0; i < n; i++) {
    const before = Number(/step (\d+)/.exec((await status(page).textContent()) ?? "")?.[1]);
    await page.locator("#step").click();
    await status(page)
      .filter({ hasText: new RegExp(`step ${before + 1}\\)`) })
      .waitFor({ timeout: 10000 });
  }
}

/** Moves the mouse over the diagram until the readout names a weight; returns the text. */
async function hoverWeight(page) {
  const box = await canvas(page).boundingBox();
  for (let fx = 0.1; fx < 0.9; fx += 0.03) {
    for (let fy = 0.1; fy < 0.85; fy += 0.04) {
      await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
      const text = (await info(page).textContent()) ?? "";
      if (text.startsWith("Weight")) return text;
    }
  }
  throw new Error("no connection under the pointer");
}

describe("network diagram: readout, touch, keyboard (built site)", () => {
  const built = useBuiltSite();

  test("the readout never keeps an earlier network's numbers after a rebuild and training", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=xor&hidden=4,4`,
    );
    await ready(page);
    await canvas(page).scrollIntoViewIfNeeded();
    // A weight read with the mouse, then the pointer leaves the diagram.
    assert.match(await hoverWeight(page), WEIGHT_TEXT);
    await page.mouse.move(2, 2);
    assert.match((await info(page).textContent()) ?? "", NOTHING_SELECTED);
    // The keyboard selects w³₄₁ (l = 3, neuron 4 ← neuron 1), which a 4-2 network does not have.
    await canvas(page).focus();
    for (const key of [
      "ArrowRight",
      "ArrowRight",
      "ArrowDown",
      "ArrowDown",
      "ArrowDown",
      "ArrowDown",
    ])
      await page.keyboard.press(key);
    await page.keyboard.press("Enter");
    const before = (await info(page).textContent()) ?? "";
    assert.match(before, WEIGHT_TEXT);
    assert.deepEqual(WEIGHT_TEXT.exec(before)?.slice(1, 4), ["3", "4", "1"]);
    // Rebuild with a narrower second hidden layer, then train: the selection is gone.
    await page.evaluate(() => {
      location.hash = location.hash.replace("hidden=4,4", "hidden=4,2");
    });
    await status(page).filter({ hasText: "(step 0)" }).waitFor();
    await steps(page, 3);
    assert.match((await info(page).textContent()) ?? "", NOTHING_SELECTED);
    assert.match((await canvas(page).getAttribute("aria-label")) ?? "", /nothing selected/);
    // A weight selected now follows training: its numbers change with each step.
    await canvas(page).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const first = (await info(page).textContent()) ?? "";
    assert.match(first, WEIGHT_TEXT);
    await page.getByRole("button", { name: /^Play/ }).click();
    await status(page)
      .filter({ hasText: /step [1-9]\d{2,}\)/ })
      .waitFor({ timeout: 20000 });
    await page.getByRole("button", { name: /^Pause/ }).click();
    await page.waitForTimeout(200);
    const later = (await info(page).textContent()) ?? "";
    assert.match(later, WEIGHT_TEXT);
    assert.notEqual(later, first, "the readout shows the trained network's values");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("keyboard reaches weights; labels name layer, neurons, value and gradient; focus ring is not a sign's colour", async () => {
    for (const screen of [
      { name: "1280x800", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
      { name: "zoom150", viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
    ]) {
      const { page, context, problems } = await openPage(
        built.browser,
        `${built.server.url}#dataset=spiral&hidden=5,3&activation=tanh`,
        screen.viewport,
        { deviceScaleFactor: screen.deviceScaleFactor },
      );
      await ready(page);
      await canvas(page).scrollIntoViewIfNeeded();
      await canvas(page).focus();
      // Neuron 2 of layer 2, its weights, the next one along: w²₂₂.
      for (const key of ["ArrowRight", "ArrowDown", "Enter", "ArrowDown"])
        await page.keyboard.press(key);
      const text = (await info(page).textContent()) ?? "";
      assert.deepEqual(WEIGHT_TEXT.exec(text)?.slice(1, 5), ["2", "2", "2", "1"], text);
      assert.equal(
        await canvas(page).getAttribute("aria-label"),
        `Network diagram. Selected: ${text}`,
      );
      // ← → move between weighted layers, at the same place: w³₂₂.
      await page.keyboard.press("ArrowRight");
      const next = (await info(page).textContent()) ?? "";
      assert.deepEqual(WEIGHT_TEXT.exec(next)?.slice(1, 5), ["3", "2", "2", "2"], next);
      // End, then Escape: the layer's last weight, then the neuron it arrives at.
      await page.keyboard.press("End");
      assert.deepEqual(WEIGHT_TEXT.exec((await info(page).textContent()) ?? "")?.slice(1, 4), [
        "3",
        "3",
        "5",
      ]);
      await page.keyboard.press("Escape");
      assert.match((await info(page).textContent()) ?? "", /^Neuron 3 of layer l = 3: bias b = /);
      await page.keyboard.press("Enter");
      await page.keyboard.press("ArrowUp");
      assert.deepEqual(WEIGHT_TEXT.exec((await info(page).textContent()) ?? "")?.slice(1, 4), [
        "3",
        "2",
        "5",
      ]);
      // The keys are explained on the card and tied to the canvas.
      const help = page.locator("#view-network .diagram-keys");
      assert.match((await help.textContent()) ?? "", /Enter steps into the weights/);
      assert.equal(
        await canvas(page).getAttribute("aria-describedby"),
        await help.getAttribute("id"),
      );
      // The focus ring: black, not the vermillion of a negative weight (#D55E00).
      const ring = await canvas(page).evaluate((c) => getComputedStyle(c).outlineColor);
      assert.equal(ring, "rgb(0, 0, 0)");
      await mkdir(SHOTS, { recursive: true });
      await page.locator("#view-network").screenshot({
        path: `${SHOTS}/diagram-weight-focused-${screen.name}.png`,
      });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test("a tap on a touch screen selects a weight or a neuron and shows its readout", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=xor&hidden=4,4`,
      { width: 390, height: 844 },
      { touch: true },
    );
    await ready(page);
    await canvas(page).scrollIntoViewIfNeeded();
    const box = await canvas(page).boundingBox();
    // Taps down a line between the inputs and the first hidden layer until one hits a weight.
    let text = "";
    for (let fy = 0.1; fy < 0.85 && !text.startsWith("Weight"); fy += 0.03) {
      await page.touchscreen.tap(box.x + 0.25 * box.width, box.y + fy * box.height);
      text = (await info(page).textContent()) ?? "";
    }
    assert.match(text, WEIGHT_TEXT);
    assert.equal(WEIGHT_TEXT.exec(text)?.[1], "2");
    // The lift after the tap does not clear it.
    await page.waitForTimeout(300);
    assert.equal(await info(page).textContent(), text);
    await mkdir(SHOTS, { recursive: true });
    await page.locator("#view-network").screenshot({
      path: `${SHOTS}/diagram-weight-tapped-390x844.png`,
    });
    // A tap on the first input neuron (left column, top) reads it out.
    let neuron = "";
    for (let fy = 0.02; fy < 0.6 && !neuron.startsWith("Input"); fy += 0.02) {
      await page.touchscreen.tap(box.x + 36, box.y + fy * box.height);
      neuron = (await info(page).textContent()) ?? "";
    }
    assert.match(neuron, /^Input neuron x1 \(layer l = 1\)/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/**
 * Records the first training points of every new run the worker announces (window.__points). The
 * page's workers are pool workers: each message is { channel, data } with the run's in `data`.
 */
function recordPoints(page) {
  return page.addInitScript(() => {
    const Native = window.Worker;
    window.__points = [];
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", (e) => {
          const m = e.data?.data;
          if (m?.type === "configured" && m.preview.kind === "plane")
            window.__points.push(Array.from(m.preview.train.x.slice(0, 40)).join(","));
        });
      }
    };
  });
}

/** The hash's key=value pairs as an object. */
async function hashKeys(page) {
  return Object.fromEntries(
    new URLSearchParams(await page.evaluate(() => location.hash.slice(1))).entries(),
  );
}

/** The status line once it shows step `n` (the numbers a run prints). */
async function statusAt(page, n) {
  const line = status(page).filter({ hasText: new RegExp(`\\(step ${n}\\)`) });
  await line.waitFor({ timeout: 20000 });
  return (await line.textContent()) ?? "";
}

/** How many runs the worker has built so far (each Reset builds one too). */
function runCount(page) {
  return page.evaluate(() => window.__points.length);
}

/** The points of the first run built after `before` runs. */
async function pointsAfter(page, before) {
  await page.waitForFunction((c) => window.__points.length > c, before);
  return page.evaluate((c) => window.__points[c], before);
}

describe("seeds: data seed, weights seed, Reset, old links (built site)", () => {
  const built = useBuiltSite();

  test("an old seed=N link sets both seeds; Reset repeats the run; New weights keeps the points, New data changes them", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=spiral&hidden=6,4&seed=5`,
      undefined,
      { prepare: recordPoints },
    );
    await ready(page);
    // The old key is read and rewritten as the two new ones; no "unknown setting" notice.
    const keys = await hashKeys(page);
    assert.equal(keys.dataSeed, "5");
    assert.equal(keys.initSeed, "5");
    assert.equal(keys.seed, undefined);
    assert.doesNotMatch((await page.locator("body").textContent()) ?? "", /unknown setting/);
    assert.equal(await page.locator("#setting-dataSeed").inputValue(), "5");
    assert.equal(await page.locator("#setting-initSeed").inputValue(), "5");
    const points = await pointsAfter(page, 0);
    const start = await statusAt(page, 0);
    await steps(page, 4);
    const after4 = await statusAt(page, 4);
    // Reset twice: the same status numbers each time, at step 0 and after the same steps.
    for (let i = 0; i < 2; i++) {
      await page.locator("#reset").click();
      assert.equal(await statusAt(page, 0), start, `Reset ${i + 1}: same start`);
      await steps(page, 4);
      assert.equal(await statusAt(page, 4), after4, `Reset ${i + 1}: same run`);
    }
    assert.equal(
      await page.locator("#seed-note").textContent(),
      "Reset: same seeds, same start (data seed 5, weights seed 5).",
    );
    assert.match(
      (await page.locator("#reset").getAttribute("aria-label")) ?? "",
      /^Reset: same seeds, same start .*\(data seed 5, weights seed 5\)/,
    );
    await mkdir(SHOTS, { recursive: true });
    await page.locator(".transport").screenshot({ path: `${SHOTS}/transport-reset-1280x800.png` });
    // New weights: a new weights seed in the URL, the same points, another start.
    let runs = await runCount(page);
    await page.getByRole("button", { name: "New weights" }).click();
    const weighted = await hashKeys(page);
    assert.equal(weighted.dataSeed, "5");
    assert.notEqual(weighted.initSeed, "5");
    assert.equal(await pointsAfter(page, runs), points, "New weights keeps the data points");
    const newStart = await statusAt(page, 0);
    assert.notEqual(newStart, start, "new initial weights give other numbers");
    assert.match(
      (await page.locator("#seed-note").textContent()) ?? "",
      new RegExp(`^New weights: weights seed ${weighted.initSeed} draws .* data seed 5 kept`),
    );
    assert.equal(await page.locator("#setting-initSeed").inputValue(), weighted.initSeed);
    // New data: a new data seed, the weights seed kept, other points.
    await steps(page, 1); // so that "step 0" below is the new run's
    runs = await runCount(page);
    await page.getByRole("button", { name: "New data" }).click();
    const data = await hashKeys(page);
    assert.notEqual(data.dataSeed, "5");
    assert.equal(data.initSeed, weighted.initSeed);
    const newPoints = await pointsAfter(page, runs);
    assert.notEqual(newPoints, points, "New data changes the data points");
    const dataStart = await statusAt(page, 0);
    // The URL now carries both seeds: loading it again gives the same run.
    const url = page.url();
    const again = await openPage(built.browser, url, undefined, { prepare: recordPoints });
    await ready(again.page);
    assert.equal(await statusAt(again.page, 0), dataStart);
    assert.equal(await pointsAfter(again.page, 0), newPoints);
    assert.deepEqual(again.problems, []);
    await again.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the transport bar with New data and New weights at each screen size", async () => {
    await mkdir(SHOTS, { recursive: true });
    for (const screen of [
      { name: "1280x800", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
      { name: "390x844", viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
      { name: "zoom150", viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
    ]) {
      const { page, context, problems } = await openPage(
        built.browser,
        `${built.server.url}#dataset=xor&dataSeed=12&initSeed=34`,
        screen.viewport,
        { deviceScaleFactor: screen.deviceScaleFactor },
      );
      await ready(page);
      const bar = page.locator(".transport");
      for (const id of ["#play", "#step", "#reset", "#new-data", "#new-weights"]) {
        const box = await page.locator(id).boundingBox();
        const barBox = await bar.boundingBox();
        assert.ok(box && barBox && box.x >= 0 && box.x + box.width <= screen.viewport.width, id);
      }
      assert.equal(
        await page.locator("#seed-note").textContent(),
        "Seeds: data seed 12, weights seed 34. Reset starts this same run again.",
      );
      await page.screenshot({ path: `${SHOTS}/transport-${screen.name}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
