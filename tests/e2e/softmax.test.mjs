// The softmax panel (#view=softmax) in headless Chromium against the built site: every probability
// and Jacobian entry it shows (data-value, exact) equals the package's in Node and central
// differences of gs.softmax; the nudge's and the cost's numbers are the package's worked as the
// page says; captions follow the numbers; it works by keyboard, on a phone without sideways
// scroll, under the strict CSP with zero violations; a bad link or a bad typed value is named.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { init } from "gradscope";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";
import { pageWidthOverflow } from "./playground-page.mjs";

const gs = await init();
const shots = `${artifacts}/softmax`;
await mkdir(shots, { recursive: true });

/** Every [data-path] on the page as { path: value } (data-value read back as a number). */
function shownValues(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("#panels [data-path]")].map((el) => [
        el.dataset.path,
        Number(el.dataset.value),
      ]),
    ),
  );
}

/** Waits until the URL hash holds each key of `expected` with that value. */
function waitForHash(page, expected) {
  return page.waitForFunction((want) => {
    const params = new URLSearchParams(location.hash.slice(1));
    return Object.entries(want).every(([k, v]) => params.get(k) === v);
  }, expected);
}

/** Opens the panel at `hash` (after "#view=softmax&") and waits for n probability bars. */
async function openPanel(built, query, n, options = {}) {
  const opened = await openPage(
    built.browser,
    `${built.server.url}#view=softmax${query ? `&${query}` : ""}`,
    options.viewport,
    options,
  );
  await opened.page
    .locator(".prob-value[data-path]")
    .nth(n - 1)
    .waitFor();
  return opened;
}

/** The checks every configuration gets: the shown numbers against the package in Node. */
function checkAgainstPackage(shown, { logits, target, nudge }) {
  const n = logits.length;
  const a = gs.softmax(logits);
  const J = gs.softmaxJacobian(a);
  for (let i = 0; i < n; i++) assert.equal(shown[`a[${i}]`], a[i], `a[${i}]`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) assert.equal(shown[`J[${i}][${j}]`], J[i * n + j], `J[${i}][${j}]`);
  }
  // Central differences of the package's softmax, with the step float32 actually took.
  const step = 1e-2;
  for (let j = 0; j < n; j++) {
    const up = logits.map((z, k) => (k === j ? z + step : z));
    const down = logits.map((z, k) => (k === j ? z - step : z));
    const width = Math.fround(up[j]) - Math.fround(down[j]);
    const aUp = gs.softmax(up);
    const aDown = gs.softmax(down);
    for (let i = 0; i < n; i++) {
      const fd = (aUp[i] - aDown[i]) / width;
      assert.ok(
        Math.abs(shown[`J[${i}][${j}]`] - fd) <= 2e-5,
        `J[${i}][${j}] = ${shown[`J[${i}][${j}]`]} against central difference ${fd}`,
      );
    }
  }
  // The nudge: two package softmax calls, and the page's product Jᵢⱼ·h. The largest aₜ's
  // change is −Σ_(k≠t) Δa_k: in float32 near 1, aₜ(after) − aₜ(before) is mostly rounding.
  const j = nudge.j - 1;
  const after = gs.softmax(logits.map((z, k) => (k === j ? z + nudge.h : z)));
  const top = a.indexOf(Math.max(...a));
  let others = 0;
  for (let k = 0; k < n; k++) if (k !== top) others += after[k] - a[k];
  for (let i = 0; i < n; i++) {
    const actual = i === top ? -others : after[i] - a[i];
    const linear = J[i * n + j] * nudge.h;
    assert.equal(shown[`nudge.actual[${i}]`], actual, `nudge.actual[${i}]`);
    assert.equal(shown[`nudge.linear[${i}]`], linear, `nudge.linear[${i}]`);
    assert.equal(shown[`nudge.error[${i}]`], actual - linear, `nudge.error[${i}]`);
    // Taylor: |∂²a_i/∂z_j²| ≤ 1/4, so the miss is at most h²/8 (plus float32 rounding).
    assert.ok(Math.abs(actual - linear) <= (nudge.h * nudge.h) / 8 + 1e-6, `nudge miss ${i}`);
  }
  // The cost and δᴸ both ways.
  const t = target - 1;
  // Math.log may differ by an ulp between Node's and Chromium's V8.
  const cost = -Math.log(a[t]);
  assert.ok(Math.abs(shown.cost - cost) <= 4 * Number.EPSILON * cost, `cost ${shown.cost}`);
  for (let k = 0; k < n; k++) {
    const y = k === t ? 1 : 0;
    assert.equal(shown[`delta.shortcut[${k}]`], a[k] - y);
    assert.equal(shown[`costGradient[${k}]`], k === t ? -1 / a[t] : 0);
    if (a[t] > 0) {
      let product = 0;
      for (let i = 0; i < n; i++) product += J[i * n + k] * (i === t ? -1 / a[t] : 0);
      assert.equal(shown[`delta.product[${k}]`], product);
    }
  }
}

const CONFIGURATIONS = [
  { query: "", logits: [2, 1, 0.1], target: 1, nudge: { j: 1, h: 0.5 }, top: 1 },
  {
    query: "logits=1.5,-0.3,2&target=2&nudge=3:0.01",
    logits: [1.5, -0.3, 2],
    target: 2,
    nudge: { j: 3, h: 0.01 },
    top: 3,
  },
  {
    query: "logits=0.3,-1.2,2.5,0,4,-3,1,1.7,-0.4,2&target=10&nudge=5:-0.2",
    logits: [0.3, -1.2, 2.5, 0, 4, -3, 1, 1.7, -0.4, 2],
    target: 10,
    nudge: { j: 5, h: -0.2 },
    top: 5,
  },
  {
    query: "logits=12,0,0&target=3",
    logits: [12, 0, 0],
    target: 3,
    nudge: { j: 1, h: 0.5 },
    top: 1,
  },
];

describe("the softmax panel (built site under a sub-path)", () => {
  const built = useBuiltSite();

  test("every number shown equals the package in Node and central differences", async () => {
    for (const c of CONFIGURATIONS) {
      const { page, context, problems } = await openPanel(built, c.query, c.logits.length);
      const shown = await shownValues(page);
      checkAgainstPackage(shown, c);
      const text = await page.locator("#panels").textContent();
      assert.doesNotMatch(text, /NaN|undefined|not a number/, c.query);
      assert.match(
        await page.locator(".probability-caption").textContent(),
        new RegExp(`^Class ${c.top} is the most likely`),
      );
      const saturated = /saturated/.test(await page.locator(".jacobian-caption").textContent());
      assert.equal(saturated, c.logits[0] === 12, `saturation named only for z = (12, 0, 0)`);
      if (c.logits[0] === 12) {
        // Saturated: 1 − a₁ and Δa₁ from the other classes (float32 alone gave 1.24e-5, 5.01e-6).
        assert.match(await page.locator(".jacobian-caption").textContent(), /a₁ = 1 − 1\.229e−5/);
        assert.match(
          await page.locator(".nudge-caption").textContent(),
          /changes a₁ by \+4\.835e−6;.* 3\.699 times smaller/,
        );
      }
      if (c.nudge.h === 0.01) {
        assert.match(await page.locator(".nudge-caption").textContent(), /shrinks like h²/);
      }
      assert.match(
        await page.locator(".cost-caption").textContent(),
        c.target === c.top ? /is the most likely/ : /is not the most likely/,
      );
      assert.deepEqual(problems, [], c.query);
      await context.close();
    }
  });

  test("keyboard: sliders, presets, classes, and the heatmap's arrow keys", async () => {
    const { page, context, problems } = await openPanel(built, "", 3);
    const z1 = page.getByRole("slider", { name: "logit z₁ (slider)" });
    await z1.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await waitForHash(page, { logits: "2.2,1,0.1" });
    assert.equal(await page.getByLabel("z₁", { exact: true }).inputValue(), "2.2");
    let shown = await shownValues(page);
    checkAgainstPackage(shown, { logits: [2.2, 1, 0.1], target: 1, nudge: { j: 1, h: 0.5 } });

    const add = page.getByRole("button", { name: "Add a class" });
    await add.focus();
    await page.keyboard.press("Enter");
    await page.locator(".prob-value[data-path]").nth(3).waitFor();
    await page.getByRole("button", { name: /^Saturated/ }).focus();
    await page.keyboard.press("Enter");
    await waitForHash(page, { logits: "12,0,0,0" });
    assert.match(await page.locator(".jacobian-caption").textContent(), /saturated/);

    // The grid is one tab stop; arrows move, the readout names the entry and its formula.
    const first = page.locator('.jacobian-grid [data-path="J[0][0]"]');
    await first.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement?.dataset.path);
    assert.equal(focused, "J[2][1]");
    assert.match(await page.locator(".jacobian-readout").textContent(), /^∂a₃\/∂z₂ = −a₃a₂ = /);
    await page.keyboard.press("End");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.path), "J[2][3]");
    assert.equal(await page.locator('.jacobian-grid [tabindex="0"]').count(), 1);

    // Target and nudge by keyboard (select menus).
    await page.getByLabel("Target class t (y is one-hot)").selectOption("4");
    await page.getByLabel("Nudge logit").selectOption("2");
    await page.getByLabel(/^by h/).fill("0.25");
    await waitForHash(page, { target: "4", nudge: "2:0.25" });
    shown = await shownValues(page);
    checkAgainstPackage(shown, { logits: [12, 0, 0, 0], target: 4, nudge: { j: 2, h: 0.25 } });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a bad link and a bad typed value are named, never NaN", async () => {
    const { page, context, problems } = await openPanel(built, "logits=1,abc,2&target=7", 3);
    const notices = await page.locator("#notices li").allTextContents();
    assert.ok(
      notices.includes('logits: "abc" is not a number; default used'),
      JSON.stringify(notices),
    );
    assert.ok(
      notices.some((n) => /^target: class 7 but only 3 logits/.test(n)),
      notices,
    );
    // The defaults are shown, and the link rewritten to them.
    checkAgainstPackage(await shownValues(page), CONFIGURATIONS[0]);
    await waitForHash(page, { logits: "2,1,0.1", target: "1" });

    const before = await shownValues(page);
    const field = page.getByLabel("z₂", { exact: true });
    await field.fill("abc");
    await field.press("Enter");
    await page.locator(".field-message", { hasText: 'z₂: "abc" is not a number' }).waitFor();
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    await field.fill("250");
    await field.press("Enter");
    await page.locator(".field-message", { hasText: "z₂: 250 is outside −100 … 100" }).waitFor();
    assert.deepEqual(await shownValues(page), before, "bad values change nothing");
    // A typed value beyond the slider's ±10 (within ±100) is taken, and widens its slider.
    await field.fill("-30");
    await waitForHash(page, { logits: "2,-30,0.1" });
    assert.equal(await page.locator(".field-message:visible").count(), 0);
    assert.equal(
      await page.getByRole("slider", { name: "logit z₂ (slider)" }).getAttribute("min"),
      "-30",
    );
    checkAgainstPackage(await shownValues(page), {
      logits: [2, -30, 0.1],
      target: 1,
      nudge: { j: 1, h: 0.5 },
    });
    assert.doesNotMatch(await page.locator("#panels").textContent(), /NaN|undefined/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("on a phone (390×844) ten classes fit without sideways scroll", async () => {
    const query = "logits=0.3,-1.2,2.5,0,4,-3,1,1.7,-0.4,2&target=10&nudge=5:-0.2";
    const { page, context, problems } = await openPanel(built, query, 10, {
      viewport: { width: 390, height: 844 },
      touch: true,
    });
    // A mobile viewport widens itself to fit wide content, so the width is checked against 390.
    const widths = await page.evaluate(() => [
      window.innerWidth,
      document.documentElement.scrollWidth,
    ]);
    assert.deepEqual(widths, [390, 390], "no sideways scroll (innerWidth, scrollWidth)");
    assert.ok((await pageWidthOverflow(page)) <= 0);
    // Ten classes hide the cells' text on a phone: a tap shows the entry's value.
    await page.locator('.jacobian-grid [data-path="J[1][2]"]').tap();
    assert.match(await page.locator(".jacobian-readout").textContent(), /^∂a₂\/∂z₃ = −a₂a₃ = −/);
    await page.screenshot({ path: `${shots}/phone-390x844.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("screenshots at 1280×800 and 150 %", async () => {
    const desktop = await openPanel(built, "logits=1.5,-0.3,2&target=2&nudge=3:0.5", 3);
    await desktop.page.locator(".katex").first().waitFor();
    await desktop.page.screenshot({ path: `${shots}/desktop-1280x800.png`, fullPage: true });
    assert.deepEqual(desktop.problems, []);
    await desktop.context.close();
    const zoom = await openPanel(built, "logits=12,0,0", 3, {
      viewport: { width: 853, height: 533 },
      deviceScaleFactor: 1.5,
    });
    assert.ok((await pageWidthOverflow(zoom.page)) <= 0, "no sideways scroll at 150 %");
    // The logits and the Jacobian side by side, so a slider and the matrix share the screen.
    const [logitsBox, jacobianBox] = await Promise.all(
      [".softmax-top > :nth-child(1)", ".softmax-top > :nth-child(2)"].map((s) =>
        zoom.page.locator(s).boundingBox(),
      ),
    );
    assert.ok(jacobianBox.x >= logitsBox.x + logitsBox.width, "Jacobian card right of the logits");
    assert.ok(Math.abs(jacobianBox.y - logitsBox.y) < 2, "both cards start on the same row");
    await zoom.page.screenshot({ path: `${shots}/zoom-150.png`, fullPage: true });
    assert.deepEqual(zoom.problems, []);
    await zoom.context.close();
  });
});

describe("the softmax panel under the strict Content-Security-Policy", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("typeset equations, heatmap colours and bars with zero violations", async () => {
    let violations;
    const { page, context, problems } = await openPanel(built, "", 3, {
      prepare: async (p) => {
        violations = await recordCspViolations(p);
      },
    });
    const response = await context.request.get(built.server.url);
    assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
    assert.ok((await page.locator(".katex").count()) >= 4, "KaTeX rendered");
    await page.getByRole("button", { name: /^One confident/ }).click();
    await page.getByRole("button", { name: "Add a class" }).click();
    await page.locator('.jacobian-grid [data-path="J[1][1]"]').hover();
    // CSSOM styles survive the policy: the bar has its width, the cell its colour, KaTeX its fonts.
    const styles = await page.evaluate(() => ({
      bar: getComputedStyle(document.querySelector(".prob-fill")).width,
      cell: getComputedStyle(document.querySelector('[data-path="J[0][1]"]')).backgroundColor,
      font: getComputedStyle(document.querySelector(".katex .mord")).fontFamily,
    }));
    assert.notEqual(styles.bar, "0px");
    assert.notEqual(styles.cell, "rgba(0, 0, 0, 0)");
    assert.match(styles.font, /KaTeX/);
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
