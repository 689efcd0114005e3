// The draw-a-digit and confusion-matrix cards in headless Chromium, against the built dist/: a
// stroke drawn with the mouse on MNIST gives output bars that sum to 1 under softmax; the drawn
// digit opens in the backprop view; the confusion matrix's diagonal over its total is the status
// line's test accuracy (MNIST and a 2-class plane set).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";
import { pageWidthOverflow } from "./playground-page.mjs";

const shots = `${artifacts}/draw-confusion`;
mkdirSync(shots, { recursive: true });

/** Draws a "7" on the pad with the mouse: a bar across the top, then a slanted stem. */
async function drawSeven(page) {
  const pad = page.locator("#view-draw canvas.digit-pad");
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  assert.ok(box, "the pad has no box");
  const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(0.3, 0.25));
  await page.mouse.down();
  await page.mouse.move(...at(0.7, 0.25), { steps: 8 });
  await page.mouse.move(...at(0.45, 0.8), { steps: 12 });
  await page.mouse.up();
}

/** The output bars' values, once all ten are there. */
async function barValues(page) {
  const bars = page.locator("#view-draw .output-bars li");
  await page.locator('#view-draw .output-bars[data-drawn="1"]').waitFor({ timeout: 15000 });
  assert.equal(await bars.count(), 10);
  return bars.evaluateAll((items) => items.map((li) => Number(li.dataset.value)));
}

/** The confusion grid's counts (row-major) and its class count. */
async function confusionCounts(page) {
  await page.locator("#view-confusion td").first().waitFor({ timeout: 15000 });
  return page.locator("#view-confusion table").evaluate((t) => {
    const cells = [...t.querySelectorAll("td")];
    const k = Math.round(Math.sqrt(cells.length));
    return { k, counts: cells.map((c) => Number(c.textContent.replace(/,/g, ""))) };
  });
}

/** Checks that diagonal / total, written as the page writes percentages, is the status line's. */
async function assertAccuracyAgrees(page) {
  const status = (await page.getByRole("status").textContent()) ?? "";
  const shown = /test accuracy ([\d.]+%)/.exec(status)?.[1];
  assert.ok(shown, `no test accuracy in ${status}`);
  const { k, counts } = await confusionCounts(page);
  let diagonal = 0;
  for (let i = 0; i < k; i++) diagonal += counts[i * k + i];
  const total = counts.reduce((a, b) => a + b, 0);
  // As the page writes a share (number-format.ts formatPercent): 100 × (diagonal / total).
  assert.equal(`${(100 * (diagonal / total)).toFixed(1)}%`, shown, `${diagonal}/${total}`);
  const caption = await page.locator("#view-confusion .confusion-caption").textContent();
  assert.ok(
    caption.includes(`${diagonal.toLocaleString("en")} / ${total.toLocaleString("en")} = ${shown}`),
    caption,
  );
  return { k, counts, total, diagonal };
}

describe("draw a digit and the confusion matrix (built dist/)", () => {
  const built = useBuiltSite();

  test("MNIST: a mouse stroke gives softmax bars summing to 1, opened in the backprop view", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=mnist&steps=200`,
    );
    await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 60000 });
    await drawSeven(page);
    const values = await barValues(page);
    const sum = values.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-4, `softmax bars sum to ${sum}`);
    assert.match(
      await page.locator("#view-draw .output-bars figcaption").textContent(),
      /probability/,
    );
    const answer = await page.locator("#view-draw .draw-answer").textContent();
    const best = values.indexOf(Math.max(...values));
    assert.match(answer, new RegExp(`reads your drawing as ${best}, with probability`));
    // What the network sees: the ink's centre of mass at (14, 14) of the 28 × 28 inputs.
    const mass = await page.locator("#view-draw .draw-seen canvas").evaluate((c) => {
      const d = c.getContext("2d").getImageData(0, 0, 28, 28).data;
      let m = 0,
        sx = 0,
        sy = 0;
      for (let i = 0; i < 784; i++) {
        const v = 1 - d[4 * i] / 255;
        m += v;
        sx += v * ((i % 28) + 0.5);
        sy += v * (Math.floor(i / 28) + 0.5);
      }
      return { x: sx / m, y: sy / m };
    });
    assert.ok(Math.abs(mass.x - 14) < 0.6 && Math.abs(mass.y - 14) < 0.6, JSON.stringify(mass));
    await page.screenshot({ path: `${shots}/mnist-draw-1280x800.png` });

    // The learner says it is a 7 and opens it in the backprop view.
    // By its accessible name: the picker says what the class is for.
    await page
      .locator("#view-draw")
      .getByLabel("True label for the backprop view", { exact: true })
      .selectOption("7");
    await page.getByRole("button", { name: "Open in backprop view" }).click();
    const status = page.locator('.backprop-status[data-traced^="drawn@"]');
    await status.waitFor({ timeout: 30000 });
    assert.match(new URL(page.url()).hash, /view=backprop/);
    assert.match(new URL(page.url()).hash, /sample=drawn/);
    assert.match(await status.textContent(), /the digit you drew \(digit\u00a07\)/);
    assert.equal(
      await page.locator(".backprop-sample-label").textContent(),
      "the digit you drew (digit 7)",
    );
    await page.screenshot({ path: `${shots}/mnist-backprop-drawn-1280x800.png` });

    // Back on the playground: the confusion matrix's diagonal / total is the test accuracy.
    await page.locator("#tab-playground").click();
    const m = await assertAccuracyAgrees(page);
    assert.equal(m.k, 10);
    assert.equal(m.total, 2000);
    await page.locator("#view-confusion").scrollIntoViewIfNeeded();
    await page.locator('#view-confusion td[data-row="3"][data-col="3"]').hover();
    assert.match(
      await page.locator("#view-confusion .confusion-readout").textContent(),
      /^\d+ of the \d+ test 3s were predicted correctly\.$/,
    );
    await page.screenshot({ path: `${shots}/mnist-confusion-1280x800.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("MNIST from the keyboard: the pen draws with the arrow keys, a test digit loads to edit", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=mnist&steps=100`,
    );
    await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 60000 });
    const pad = page.locator("#view-draw canvas.digit-pad");
    await pad.focus();
    await page.keyboard.press("Space"); // pen down
    for (let i = 0; i < 8; i++) await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Space"); // pen up
    const values = await barValues(page);
    assert.ok(Math.abs(values.reduce((a, b) => a + b, 0) - 1) < 1e-4);
    // The pen's ring shows where it is; the stroke went down the middle.
    assert.equal(await page.locator("#view-draw .digit-pad-cursor").isVisible(), true);
    // Load a test digit with Enter: the pad shows it and the class is its label (the first test
    // digit of data seed 1's split is a 9), then the next one.
    const seen = () => page.locator("#view-draw .draw-seen canvas").evaluate((c) => c.toDataURL());
    const drawn = await seen();
    await page.getByRole("button", { name: "Load a test digit" }).focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#view-draw select.draw-target").inputValue(), "9");
    const loaded = await seen();
    assert.notEqual(loaded, drawn);
    await page.keyboard.press("Enter");
    assert.notEqual(await seen(), loaded);
    // A sigmoid output: the bars are its activations, labelled so, and need not sum to 1.
    await page.getByLabel("Output activation").selectOption("sigmoid");
    await page
      .locator("#view-draw .output-bars figcaption")
      .filter({
        hasText: "sigmoid σ output aᴸⱼ, one unit per digit: activations, not probabilities",
      })
      .waitFor({ timeout: 30000 });
    const sigmoid = await barValues(page);
    assert.ok(sigmoid.every((v) => v > 0 && v < 1));
    assert.match(
      await page.locator("#view-draw .draw-answer").textContent(),
      /its sigmoid σ unit the most active at 0\.\d{3}\.$/,
    );
    await page.locator("#view-draw").getByRole("button", { name: "Clear pad" }).click();
    await page.locator('#view-draw .output-bars[data-drawn=""]').waitFor();
    assert.equal(
      await page.getByRole("button", { name: "Open in backprop view" }).isDisabled(),
      true,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a 2-class plane set: a 2 × 2 matrix whose diagonal is the test accuracy, read by keys", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=xor&steps=300`,
    );
    await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 60000 });
    const m = await assertAccuracyAgrees(page);
    assert.equal(m.k, 2);
    assert.equal(await page.locator("#view-draw").isVisible(), false);
    await page.locator('#view-confusion td[data-row="0"][data-col="0"]').focus();
    await page.keyboard.press("ArrowRight");
    const readout = page.locator("#view-confusion .confusion-readout");
    assert.match(
      await readout.textContent(),
      /^(\d+ of the \d+ test points of class 0 (was|were)|The only test point of class 0 was( not)?) predicted as class 1\.$/,
    );
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.col), "1");
    await page.locator("#view-confusion").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/xor-confusion-1280x800.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("on a phone and at 150 % zoom: the cards fit, the pad draws", async () => {
    for (const [name, viewport, scale] of [
      ["390x844", { width: 390, height: 844 }, 1],
      ["853x533@1.5", { width: 853, height: 533 }, 1.5],
    ]) {
      const { page, context, problems } = await openPage(
        built.browser,
        `${built.server.url}#dataset=mnist&steps=100`,
        viewport,
        { deviceScaleFactor: scale },
      );
      await page
        .getByRole("status")
        .filter({ hasText: "test accuracy" })
        .waitFor({ timeout: 60000 });
      await drawSeven(page);
      await barValues(page);
      const overflow = await pageWidthOverflow(page);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow} px too wide`);
      await page.locator("#view-draw").screenshot({ path: `${shots}/mnist-draw-${name}.png` });
      await page.locator("#view-confusion td").first().waitFor({ timeout: 15000 });
      // No count clipped in its cell; a grid wider than the card scrolls in its own box.
      const fit = await page.evaluate(() => {
        const box = document.querySelector("#view-confusion .confusion-scroll");
        const cells = [...document.querySelectorAll("#view-confusion td")];
        return {
          clipped: cells
            .filter((td) => td.scrollWidth > td.clientWidth)
            .map((td) => td.textContent),
          scrolls: box ? getComputedStyle(box).overflowX : "no box",
        };
      });
      assert.deepEqual(fit.clipped, [], `${name}: counts clipped`);
      assert.equal(fit.scrolls, "auto", name);
      await page
        .locator("#view-confusion")
        .screenshot({ path: `${shots}/mnist-confusion-${name}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
