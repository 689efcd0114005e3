// The tutorial shipped with the site (dist/tutorial/, written with the public elements only) in
// headless Chromium under the strict CSP: zero console errors and CSP violations, every element
// drawn, the deep runs fast-forwarded to their 300 mini-batches, and what the prose says of the
// two deep runs true of their numbers (the sigmoid network's first hidden layer learns far more
// slowly than its output layer; with ReLU and He's initialisation the layers' speeds stay close).
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

const shots = `${artifacts}/tutorial`;
await mkdir(shots, { recursive: true });

/** The <gradscope-view> elements whose card has no painted canvas yet, by run and name. */
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
      .map((v) => `${v.getAttribute("run")}/${v.getAttribute("name")}`),
  );
}

/** The "Layer 2 learns N× slower than the output layer" factor of a run's gradient card. */
async function slowdown(page, run) {
  const text = await page
    .locator(`gradscope-view[run="${run}"][name="gradient-norms"]`)
    .locator(".view-card")
    .textContent();
  const m = /Layer 2 learns ([\d.,]+)× (slower|faster) than the output layer/.exec(text);
  assert.ok(m, `${run}: no speed sentence in ${text.slice(0, 300)}`);
  const factor = Number(m[1].replace(/,/g, ""));
  return m[2] === "slower" ? factor : 1 / factor;
}

describe("the tutorial page", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("every element drawn, no console error or CSP violation, the prose's claims hold", async () => {
    let violations;
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}tutorial/`,
      { width: 1280, height: 800 },
      {
        prepare: async (p) => {
          violations = await recordCspViolations(p);
        },
      },
    );
    assert.equal(
      await page.locator("h1").textContent(),
      "Backpropagation and why deep networks are hard to train",
    );
    // The two deep runs fast-forward to step 300 and pause.
    for (const id of ["deep-sigmoid", "deep-relu"]) {
      await page
        .locator(`gradscope-run#${id}`)
        .getByRole("status")
        .filter({ hasText: "(step 300)" })
        .waitFor({ timeout: 90000 });
    }
    // Every view is drawn, wherever it is on the page (drawing follows each snapshot).
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll("gradscope-view")].every((v) =>
          v.shadowRoot?.querySelector(".view-card"),
        ),
      null,
      { timeout: 30000 },
    );
    let undrawn = await undrawnViews(page);
    for (let i = 0; i < 40 && undrawn.length > 0; i++) {
      await page.waitForTimeout(250);
      undrawn = await undrawnViews(page);
    }
    assert.deepEqual(undrawn, [], "every view is drawn");
    assert.equal(await page.locator("gradscope-view").count(), 8);
    // The standalone elements: both chains, the softmax panel, the MNIST lab's Run button.
    await page.locator("gradscope-chain").nth(1).locator(".chain-term").first().waitFor();
    assert.equal(await page.locator("gradscope-chain").count(), 2);
    await page.locator("gradscope-softmax .prob-value").first().waitFor();
    await page.locator("gradscope-vanishing button").first().waitFor();
    // No element reports a problem with its attributes.
    const reported = await page.evaluate(() =>
      [...document.querySelectorAll("*")]
        .filter((el) => el.localName.startsWith("gradscope-"))
        .flatMap((el) => (el.problems ?? []).map((p) => `${el.localName}: ${p}`)),
    );
    assert.deepEqual(reported, []);

    // "the card states how many times slower the first hidden layer learns": far slower with
    // sigmoid; with ReLU and He's initialisation the speeds "stay of similar size".
    const sigmoid = await slowdown(page, "deep-sigmoid");
    const relu = await slowdown(page, "deep-relu");
    assert.ok(sigmoid >= 10, `sigmoid: layer 2 ${sigmoid}× slower`);
    assert.ok(relu < 5 && relu > 0.2, `relu: layer 2 ${relu}× slower`);

    await page.screenshot({ path: `${shots}/tutorial-1280.png`, fullPage: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test("Play sits with the figures that change; captions and formulas read right", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}tutorial/`,
    );
    const layout = await page.evaluate(() => {
      const figureOf = (sel) => document.querySelector(sel)?.closest("figure");
      const runIds = [...document.querySelectorAll("gradscope-run")].map((r) => r.id);
      return {
        // The tour run (its Play bar) is in the figure of the views that change as it trains,
        // not in the activation curves' figure, whose chart does not change.
        playWithNetwork:
          figureOf("gradscope-run#tour") === figureOf('gradscope-view[run="tour"][name="network"]'),
        curvesFigureRuns: figureOf('gradscope-view[name="activation-curves"]').querySelectorAll(
          "gradscope-run",
        ).length,
        // A reader never sees an element's id, e.g. "following the run tour".
        idsInCaptions: [...document.querySelectorAll("figcaption")]
          .map((c) => c.textContent.replace(/\s+/g, " "))
          .filter((t) => runIds.some((id) => new RegExp(`\\b${id}\\b`).test(t))),
        // A transpose's bracket is inside its superscript's base, never the base on its own.
        loneBracketBases: [...document.querySelectorAll("msup")].filter(
          (m) =>
            m.firstElementChild?.localName === "mo" &&
            /[()[\]]/.test(m.firstElementChild.textContent),
        ).length,
        // Plain brackets do not stretch around a fraction or a superscript.
        stretchyBrackets: [...document.querySelectorAll("mo")].filter(
          (m) => /^[()[\]]$/.test(m.textContent) && m.getAttribute("stretchy") !== "false",
        ).length,
      };
    });
    assert.deepEqual(layout, {
      playWithNetwork: true,
      curvesFigureRuns: 0,
      idsInCaptions: [],
      loneBracketBases: 0,
      stretchyBrackets: 0,
    });
    // The backprop figure uses the card's whole width: its stepper is not squeezed into a column.
    const widths = await page.evaluate(async () => {
      const view = document.querySelector('gradscope-view[name="backprop"]');
      view.scrollIntoView();
      for (let i = 0; i < 400 && !view.shadowRoot?.querySelector(".bp-layout"); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const body = view.shadowRoot.querySelector(".view-body");
      return {
        body: body.getBoundingClientRect().width,
        stepper: view.shadowRoot.querySelector(".bp-stepper").getBoundingClientRect().width,
      };
    });
    assert.ok(widths.stepper >= widths.body - 1, `stepper ${widths.stepper} of ${widths.body} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a phone shows the article without sideways scrolling", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}tutorial/`,
      { width: 390, height: 844 },
    );
    await page.locator("gradscope-chain .chain-term").first().waitFor({ timeout: 60000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    await page.screenshot({ path: `${shots}/tutorial-390.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
