// The backprop stepper (web/src/backprop/backprop-stepper.ts) in headless Chromium under the
// strict CSP: the step list, previous / next, ← → and PageUp / PageDown with focus inside, the
// announced position, arrows reading a table's cells and a heatmap's entries instead of stepping,
// "show all", the diagram's highlights, KaTeX equations, a phone without sideways scrolling.
// Screenshots of every step (2-D run and MNIST) at 1280×800, 390×844 and 150 % go to
// build/screenshots/backprop-steps/. That the numbers equal net.trace is tests/e2e/backprop.test.mjs.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { useBuiltSite } from "./built-site.mjs";

const shots = fileURLToPath(new URL("../../build/screenshots/backprop-steps/", import.meta.url));

const PLANE =
  "#view=backprop&dataset=xor&hidden=5,3&activation=tanh&output=sigmoid&cost=cross-entropy" +
  "&l2=0.5&steps=300&sample=train:12";
const MNIST = "#view=backprop&dataset=mnist&steps=20&sample=test:3";

/** Opens `hash` under the strict CSP and waits for the stepper's first step. */
async function openStepper(built, hash, viewport, options) {
  let violations;
  const opened = await openPage(built.browser, built.server.url + hash, viewport, {
    ...options,
    prepare: async (page) => {
      violations = await recordCspViolations(page);
    },
  });
  await opened.page
    .locator(".bp-position")
    .filter({ hasText: /^Step 1 of / })
    .waitFor({ timeout: 120_000 });
  return { ...opened, violations: () => violations() };
}

const position = (page) => page.locator(".bp-position").textContent();

async function stepCount(page) {
  return Number(/of (\d+)/.exec(await position(page))?.[1]);
}

/** How many CSS px the stepper reaches past the window's right edge or past its own box. */
function stepperOverflow(page) {
  return page.evaluate(() => {
    const el = document.querySelector(".bp-stepper");
    return Math.max(
      el.getBoundingClientRect().right - window.innerWidth,
      el.scrollWidth - el.clientWidth,
    );
  });
}

/** Screenshots every step (walking with the next button) into build/screenshots/backprop-steps. */
async function shootEveryStep(page, name) {
  await mkdir(shots, { recursive: true });
  const n = await stepCount(page);
  await page.locator(".bp-steplink").first().click();
  for (let i = 1; i <= n; ++i) {
    await page
      .locator(".bp-position")
      .filter({ hasText: `Step ${i} of ${n}` })
      .waitFor();
    await page.screenshot({
      path: `${shots}${name}-step${String(i).padStart(2, "0")}.png`,
      fullPage: true,
    });
    assert.ok((await stepperOverflow(page)) <= 0, `${name} step ${i}: the stepper is too wide`);
    if (i < n) await page.getByRole("button", { name: "Next →" }).click();
  }
  return n;
}

describe("the backprop stepper (built site, strict CSP)", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("2-D run: the step list, buttons and keys, announced, with highlights and equations", async () => {
    const { page, context, problems, violations } = await openStepper(built, PLANE);
    // Two hidden layers: L = 4 → 3 forward, BP1, 2 × BP2, 3 × BP3/BP4, the update.
    assert.equal(await stepCount(page), 10);
    const titles = await page.locator(".bp-steplink").allTextContents();
    assert.equal(titles.length, 10);
    assert.match(titles[3], /^BP1/);
    assert.match(titles[4], /^BP2: δ³ from δ⁴/);
    assert.match(titles[9], /update/);
    assert.equal(await page.locator(".bp-position").getAttribute("aria-live"), "polite");
    assert.equal(await page.getByRole("button", { name: "← Previous" }).isDisabled(), true);

    // Keys with focus inside: → and PageDown forward, ← and PageUp back.
    await page.getByRole("button", { name: "Next →" }).focus();
    await page.keyboard.press("ArrowRight");
    assert.match(await position(page), /^Step 2 of 10: Forward: z³/);
    await page.keyboard.press("PageDown");
    assert.match(await position(page), /^Step 3 of 10/);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("PageUp");
    assert.match(await position(page), /^Step 1 of 10/);
    // Keys outside the stepper do not step.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press("ArrowRight");
    assert.match(await position(page), /^Step 1 of 10/);

    // The step list: BP1 is current; its equation is typeset; the diagram highlights layer 4 only.
    await page.locator(".bp-steplink", { hasText: /^BP1/ }).click();
    assert.equal(await page.locator(".bp-steplink[aria-current=step]").textContent(), titles[3]);
    assert.ok((await page.locator(".bp-equation .katex").count()) === 1);
    assert.match(await page.locator(".bp-caption").textContent(), /σ′ cancels/);
    assert.equal(await page.locator(".bp-neuron.on").count(), 1); // one output neuron
    assert.equal(await page.locator(".bp-weight.on").count(), 0);
    assert.match(
      await page.locator(".bp-diagram").getAttribute("aria-label"),
      /neurons of layer 4\./,
    );

    // BP2: norms with bars, a sentence from the numbers, the chain-lab link.
    await page.locator(".bp-steplink", { hasText: /^BP2: δ³/ }).click();
    assert.equal(await page.locator(".bp-norms li").count(), 2);
    assert.equal(await page.locator(".bp-chain-link").getAttribute("href"), "#view=chain");
    assert.equal(await page.locator(".bp-weight.on").count(), 3); // w⁴: 3 neurons → 1

    // In a matrix table the arrows move between cells (not steps); in a vector ← → still step.
    await page.locator(".bp-steplink", { hasText: /^Forward: z³/ }).click();
    const firstCell = page.locator(".bp-table td").first();
    await firstCell.focus();
    await page.keyboard.press("ArrowRight");
    assert.match(await position(page), /^Step 2 of 10/);
    const focused = await page.evaluate(() => document.activeElement?.dataset.path);
    assert.equal(focused, "layers[1].weights[1]");
    assert.match(await page.locator(".bp-readout").textContent(), /^w³, row 1, column 2: /);
    assert.equal(
      await page.locator(".bp-readout").getAttribute("data-path"),
      "layers[1].weights[1]",
    );
    await page.keyboard.press("ArrowDown");
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.path),
      "layers[1].weights[6]",
    );
    await page.locator('td[data-path="layers[1].z[0]"]').first().focus();
    await page.keyboard.press("ArrowRight");
    assert.match(await position(page), /^Step 3 of 10/);
    // Focus stayed in the stepper (the step replaced the cell): the keys keep working.
    await page.keyboard.press("ArrowRight");
    assert.match(await position(page), /^Step 4 of 10/);

    // Another sample of the same network: a new trace, the same step stays shown.
    const traced = page.locator(".backprop-status[data-traced]");
    await traced.filter({ hasText: "training sample 12" }).waitFor();
    const index = page.getByLabel(/Index in the training set/);
    await index.fill("7");
    await index.press("Enter");
    await page.locator('.backprop-status[data-traced^="train:7@"]').waitFor();
    assert.match(await position(page), /^Step 4 of 10: BP1/);
    assert.match(await page.locator(".bp-caption").textContent(), /σ′ cancels/);

    assert.deepEqual(await violations(), []);
    await shootEveryStep(page, "xor-1280x800");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("MNIST: heatmaps read by pointer and keys, the digit as an image, show all 784", async () => {
    const { page, context, problems, violations } = await openStepper(built, MNIST);
    // w² is 30 × 784: a heatmap; the pointer and the keys read its entries.
    const heat = page.locator('.bp-heat canvas[aria-label^="w²"]');
    assert.match(await heat.getAttribute("aria-label"), /^w²: 30 × 784 heatmap/);
    const box = await heat.boundingBox();
    await heat.hover({ position: { x: box.width * 0.5, y: box.height * 0.1 } });
    const path = await page.locator(".bp-readout").getAttribute("data-path");
    assert.match(path, /^layers\[0\]\.weights\[\d+\]$/);
    await heat.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    assert.match(await position(page), /^Step 1 of /, "arrows in a heatmap read it, not step");
    assert.equal(
      await page.locator(".bp-readout").getAttribute("data-path"),
      "layers[0].weights[785]",
    );
    await page.keyboard.press("PageDown");
    assert.match(await position(page), /^Step 2 of /);
    await page.keyboard.press("PageUp");
    // The input: a 28 × 28 picture, 10 listed values, all 784 on demand.
    assert.equal(await page.locator('td[data-path^="input["]').count(), 10);
    await page.getByRole("button", { name: /^show all 784 entries of a¹/ }).click();
    assert.equal(await page.locator('td[data-path^="input["]').count(), 784);
    await page.getByRole("button", { name: /^show the first 10/ }).click();
    assert.equal(await page.locator('td[data-path^="input["]').count(), 10);
    assert.match(
      await page.locator(".bp-largest").first().getAttribute("data-path"),
      /^layers\[0\]\.weights\[\d+\]$/,
    );
    assert.deepEqual(await violations(), []);
    await shootEveryStep(page, "mnist-1280x800");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("phone 390×844 and 150 % zoom: every step fits the width", async () => {
    for (const [name, hash, viewport, scale] of [
      ["xor-390x844", PLANE, { width: 390, height: 844 }, 1],
      ["mnist-390x844", MNIST, { width: 390, height: 844 }, 1],
      ["xor-150pc", PLANE, { width: 853, height: 533 }, 1.5],
      ["mnist-150pc", MNIST, { width: 853, height: 533 }, 1.5],
    ]) {
      const { page, context, problems, violations } = await openStepper(built, hash, viewport, {
        deviceScaleFactor: scale,
      });
      const n = await shootEveryStep(page, name);
      assert.ok(n >= 5);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test("review fixes: sticky navigation, scroll cues, class labels, the picker's key, lecture mode", async () => {
    // A phone: the 10 × 10 Jacobian scrolls inside its frame (its right edge shaded), the page
    // does not scroll sideways, and the navigation stays at the top while the step scrolls.
    const phone = await openStepper(built, MNIST, { width: 390, height: 844 });
    const { page } = phone;
    await page.locator(".bp-steplink", { hasText: /^BP1/ }).click();
    const frame = page.locator(".bp-scroll-frame", {
      has: page.locator('[data-path^="layers[1].outputJacobian"]'),
    });
    await frame.locator(".bp-scroll").evaluate((e) => e.scrollTo(0, 0));
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".bp-scroll-frame")].some((f) =>
        f.classList.contains("more-right"),
      ),
    );
    assert.match((await frame.getAttribute("class")) ?? "", /more-right/);
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      "no sideways page scroll",
    );
    const labels = await frame.locator("th.bp-rowlabel").allTextContents();
    assert.deepEqual(
      labels.slice(0, 10),
      Array.from({ length: 10 }, (_, j) => `digit ${j}`),
    );
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(100);
    const top = await page.locator(".bp-controls").evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 2, `controls at ${top}px from the top`);
    await page.getByRole("button", { name: "Next →" }).click();
    assert.match(await position(page), /^Step 4 of /);
    assert.equal(
      await page.locator(".backprop-intro-box").evaluate((d) => d.open),
      true,
      "intro open outside lecture mode",
    );
    await phone.context.close();

    // Lecture mode closes the intro; the 2-D picker's key names the class colours in words.
    const plane = await openStepper(
      built,
      `${PLANE}&present=1`,
      { width: 853, height: 533 },
      {
        deviceScaleFactor: 1.5,
      },
    );
    assert.equal(await plane.page.locator(".backprop-intro-box").evaluate((d) => d.open), false);
    const key = await plane.page.locator(".backprop-points-key").textContent();
    assert.match(key ?? "", /class 0 \(orange\).*class 1 \(blue\).*traced sample/);
    // One output neuron: a⁴ is one number, drawn without colour or colour scale.
    await plane.page.locator(".bp-steplink", { hasText: /^BP1/ }).click();
    const single = plane.page
      .locator("figure.bp-array", { has: plane.page.locator('td[data-path="layers[2].a[0]"]') })
      .first();
    assert.equal(await single.locator(".bp-legend").count(), 0);
    assert.equal(
      await single
        .locator("td.bp-cell")
        .first()
        .evaluate((td) => td.style.background),
      "",
    );
    await plane.page.locator(".bp-steplink", { hasText: /update/ }).click();
    assert.match(
      await plane.page.locator(".bp-caption").textContent(),
      /1 − ηλ\/n = 0\.9\d+\..*without the L2 term/,
    );
    assert.deepEqual(await plane.violations(), []);
    await plane.context.close();
  });
});
