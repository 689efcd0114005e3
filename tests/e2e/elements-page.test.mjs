// The custom elements as a tutorial author uses them (issue 13, tests a, d, e): plain static pages
// under a sub-path (/courses/tut/deep/…, tests/e2e/elements-site/) that load the built site's
// elements/gradscope-elements.js by a relative URL, served with the strict CSP.
//   (a) two runs, six views and a chain: zero console errors and CSP violations, every view drawn,
//       and two loads give identical numbers at steps="200";
//   (d) bad attributes: an inline message and a console warning each, defaults used, the other
//       elements unaffected;
//   (e) a run pauses while it and all its views are out of view, and plays on when one is back.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { useElementsSite } from "./elements-site.mjs";
import { artifacts } from "./built-site.mjs";

const shots = `${artifacts}/elements`;

/** Opens `path` (under /courses/) with console warnings and CSP violations recorded. */
async function open(site, path, viewport, options = {}) {
  let violations;
  const warnings = [];
  const { reducedMotion, ...pageOptions } = options;
  const opened = await openPage(site.browser, site.server.url + path, viewport, {
    ...pageOptions,
    prepare: async (page) => {
      if (reducedMotion) await page.emulateMedia({ reducedMotion: "reduce" });
      page.on("console", (m) => {
        if (m.type() === "warning") warnings.push(m.text());
      });
      violations = await recordCspViolations(page);
    },
  });
  return { ...opened, warnings, violations };
}

/** Resolves when run `id` has dispatched a gradscope-step for step `step`; returns its detail. */
function stepEvent(page, id, step, timeout = 60000) {
  return page
    .waitForFunction(
      ([id, step]) =>
        (window.gradscopeEvents ?? []).find(
          (e) => e.type === "gradscope-step" && e.run === id && e.detail.step === step,
        )?.detail,
      [id, step],
      { timeout },
    )
    .then((h) => h.jsonValue());
}

/**
 * Whether every <gradscope-view> on the page shows its card with something painted: a canvas
 * with at least one non-transparent pixel. Returns the ids of those that do not.
 */
function undrawnViews(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("gradscope-view")]
      .filter((view) => {
        const root = view.shadowRoot;
        if (!root?.querySelector(".view-card")) return true;
        return ![...root.querySelectorAll("canvas")].some((c) => {
          if (c.width === 0 || c.height === 0) return false;
          const data = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? [];
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
          return false;
        });
      })
      .map((v) => v.id),
  );
}

describe("custom elements on a tutorial's static page under the strict CSP", () => {
  const site = useElementsSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("(a) two runs, six views and a chain: drawn, no errors, identical numbers twice", async () => {
    await mkdir(shots, { recursive: true });
    const loads = [];
    for (let load = 0; load < 2; load++) {
      const { page, context, problems, violations, warnings } = await open(
        site,
        "tut/deep/page.html",
      );
      const [shallow, deep] = await Promise.all([
        stepEvent(page, "shallow", 200),
        stepEvent(page, "deep", 200),
      ]);
      await page.locator("gradscope-chain .chain-term").first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll("gradscope-view").length === 6);
      // Drawing is spread over animation frames after the snapshot arrives.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll("gradscope-view")].every((v) =>
            v.shadowRoot?.querySelector(".view-card canvas"),
          ),
        null,
        { timeout: 20000 },
      );
      let undrawn = await undrawnViews(page);
      for (let i = 0; i < 20 && undrawn.length > 0; i++) {
        await page.waitForTimeout(250);
        undrawn = await undrawnViews(page);
      }
      assert.deepEqual(undrawn, [], "every view is drawn");
      const status = (id) => page.locator(`gradscope-run#${id}`).getByRole("status").textContent();
      // The status lines say step 200 of each run, paused (steps= fast-forwards, then pauses).
      const statuses = [await status("shallow"), await status("deep")];
      for (const s of statuses) assert.match(s, /\(step 200\)/);
      assert.equal(await page.evaluate(() => document.querySelector("#deep").running), false);
      // Only the controls asked for: the deep run has New weights, the shallow one the default three.
      assert.deepEqual(await page.locator("gradscope-run#deep button").allTextContents(), [
        "Play",
        "Step",
        "Reset",
        "New weights",
      ]);
      assert.deepEqual(await page.locator("gradscope-run#shallow button").allTextContents(), [
        "Play",
        "Step",
        "Reset",
      ]);
      assert.deepEqual(problems, [], "no console errors");
      assert.deepEqual(await violations(), [], "no CSP violations");
      assert.deepEqual(warnings, [], "no warnings: every attribute is good");
      if (load === 0) {
        await page.screenshot({ path: `${shots}/page-1280x800.png`, fullPage: true });
      }
      loads.push({ shallow, deep, statuses });
      await context.close();
    }
    assert.deepEqual(loads[1], loads[0], "two loads give identical numbers at step 200");
    assert.notDeepEqual(loads[0].shallow.train, loads[0].deep.train, "two different runs");
  });

  test("(a) the page on a phone and at 150 % zoom", async () => {
    for (const [name, viewport, scale] of [
      ["390x844", { width: 390, height: 844 }, 1],
      ["853x533@1.5", { width: 853, height: 533 }, 1.5],
    ]) {
      const { page, context, problems } = await open(site, "tut/deep/page.html", viewport, {
        deviceScaleFactor: scale,
      });
      await stepEvent(page, "deep", 200);
      await page.waitForTimeout(1000);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the window`);
      await page.screenshot({ path: `${shots}/page-${name}.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test("(d) bad attributes: an inline message and a warning each, defaults used, others fine", async () => {
    const { page, context, problems, violations, warnings } = await open(site, "tut/deep/bad.html");
    await stepEvent(page, "good", 50);
    await stepEvent(page, "bad", 0);
    const lines = (selector) =>
      page.evaluate(
        (selector) =>
          [
            ...(document
              .querySelector(selector)
              ?.shadowRoot?.querySelectorAll('[part~="problems"] li') ?? []),
          ].map((li) => li.textContent),
        selector,
      );
    await page.waitForFunction(() =>
      document.querySelector("#no-run")?.shadowRoot?.querySelector('[part~="problems"] li'),
    );
    const bad = await lines("#bad");
    const expected = [
      /^config: unknown setting "bogus" ignored$/,
      /^learning-rate: "fast" is not a number; default used$/,
      /^steps: "-5" is outside \[0, 1000000\]; 0 used$/,
      /^controls: "jump" is not a control/,
      /^unknown attribute "learningrate" of <gradscope-run> ignored; did you mean learning-rate\?$/,
    ];
    assert.equal(bad.length, expected.length, bad.join("\n"));
    for (const re of expected)
      assert.ok(
        bad.some((l) => re.test(l)),
        `${re} in ${bad.join(" | ")}`,
      );
    // Defaults used for the bad values, the good ones kept.
    const settings = await page.evaluate(() => document.querySelector("#bad").settings);
    assert.equal(settings.dataset, "xor");
    assert.equal(
      settings.learningRate,
      0.3,
      "xor's preset η (the default), not the miswritten one",
    );
    assert.deepEqual(await page.locator("gradscope-run#bad button").allTextContents(), [
      "Play",
      "Step",
      "Reset",
    ]);
    assert.match(
      await lines("#unknown-name").then((l) => l.join()),
      /^name: "no-such-view" is not a view of a run/,
    );
    assert.deepEqual(await lines("#no-run"), ['run: no <gradscope-run id="nowhere"> on this page']);
    // The test-digits card on a 2-D run says so inside the card, computed from the catalogue.
    await page
      .locator("#bad-digits .view-inapplicable")
      .filter({ hasText: /needs image input.*this run trains on xor/ })
      .waitFor();
    // Every line was also a console warning, naming its element.
    for (const line of [...bad, ...(await lines("#no-run"))])
      assert.ok(
        warnings.some((w) => w.includes(line)),
        `warning for ${line}: ${warnings.join(" | ")}`,
      );
    // The other elements work: the good run, its view, the bad run's loss card, and the chain
    // (which names its own bad attributes).
    assert.deepEqual(await lines("#good"), []);
    assert.deepEqual(await lines("#good-network"), []);
    assert.match(
      await page.locator("gradscope-run#good").getByRole("status").textContent(),
      /\(step 50\)/,
    );
    await page.locator("#bad-loss .view-card canvas").first().waitFor();
    await page.locator("gradscope-chain .chain-term").first().waitFor();
    assert.ok((await lines("gradscope-chain")).length >= 1, "the chain names its bad attributes");
    assert.ok(
      warnings.some((w) => w.includes('hidden="4,4" is HTML\'s attribute that hides the element')),
      warnings.join(" | "),
    );
    await page.screenshot({ path: `${shots}/bad-attributes-1280x800.png`, fullPage: true });
    assert.deepEqual(problems, [], "warnings, not errors");
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test("(e) a run pauses while it and its views are off-screen, and plays on when one is back", async () => {
    const { page, context, problems } = await open(site, "tut/deep/offscreen.html");
    const run = page.locator("gradscope-run#r");
    const running = () => page.evaluate(() => document.querySelector("#r").running);
    const lastStep = () =>
      page.evaluate(
        () =>
          (window.gradscopeEvents ?? []).filter((e) => e.type === "gradscope-step").at(-1)?.detail
            .step,
      );
    // autoplay: it trains at once.
    await page.waitForFunction(() => document.querySelector("#r").running === true);
    await page.waitForFunction(
      () => (window.gradscopeEvents ?? []).filter((e) => e.type === "gradscope-step").length > 3,
    );
    // Only the far view in sight: it still trains.
    await page.locator("#far-view").scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    assert.equal(await running(), true, "one view in sight keeps it training");
    // Nothing of the run in sight: paused, and no step is trained meanwhile.
    await page.locator("#end").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector("#r").running === false);
    await page.waitForTimeout(300); // the last snapshot in flight arrives
    const pausedAt = await lastStep();
    await page.waitForTimeout(1000);
    assert.equal(await lastStep(), pausedAt, "no training while off-screen");
    // Back in sight: plays on from where it stopped.
    await run.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector("#r").running === true);
    await page.waitForFunction((at) => {
      const steps = (window.gradscopeEvents ?? []).filter((e) => e.type === "gradscope-step");
      return steps.at(-1).detail.step > at;
    }, pausedAt);
    // Paused by the reader: scrolling away and back does not start it.
    await run.getByRole("button", { name: /^Pause/ }).click();
    await page.locator("#end").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await run.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    assert.equal(await running(), false, "a run the reader paused stays paused");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("(e) autoplay is ignored under prefers-reduced-motion, with a note", async () => {
    const { page, context, problems, warnings } = await open(
      site,
      "tut/deep/offscreen.html",
      undefined,
      { reducedMotion: true },
    );
    await page
      .locator("gradscope-run#r")
      .getByRole("status")
      .filter({ hasText: "test accuracy" })
      .waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.querySelector("#r").running), false);
    assert.ok(warnings.some((w) => /autoplay ignored: the system asks for reduced motion/.test(w)));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("<gradscope-playground>: its config is the hash; the form writes it, a new one is followed", async () => {
    const { page, context, problems, violations } = await open(site, "tut/deep/playground.html");
    const pg = page.locator("gradscope-playground#pg");
    const status = pg.getByRole("status").filter({ hasText: "test accuracy" });
    await status.filter({ hasText: "(step 100)" }).waitFor({ timeout: 30000 });
    // Every card the playground shows (the input-space pair takes turns: one is hidden).
    assert.ok((await pg.locator(".view-card:visible").count()) >= 6);
    // A change in the form is written into config (the element's "hash").
    await pg.getByLabel("Hidden activation").selectOption("sigmoid");
    await page.waitForFunction(() =>
      /activation=sigmoid/.test(document.querySelector("#pg").getAttribute("config")),
    );
    assert.match(await page.locator("#pg").getAttribute("config"), /hidden=4,4/);
    // A config set from outside is followed as a link: a fresh run fast-forwarded to step 30.
    await page.evaluate(() => {
      document.querySelector("#pg").config = "dataset=circle&steps=30";
    });
    await status.filter({ hasText: "(step 30)" }).waitFor({ timeout: 30000 });
    assert.equal(await pg.getByLabel("Data set").inputValue(), "circle");
    await page.screenshot({ path: `${shots}/playground-element-1280x800.png` });
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
    await context.close();
  });
});
