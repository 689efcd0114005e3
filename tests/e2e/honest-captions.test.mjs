// What the playground says about its configuration, under settings other than the default: the
// activation card's ceiling and marker follow the hidden activation (tanh, ReLU, identity); the σ′
// card shows the output layer as BP1 treats it (sigmoid + quadratic draws it, sigmoid +
// cross-entropy and softmax + log-likelihood say it cancels, softmax + cross-entropy draws the
// Jacobian's diagonal); ReLU's low σ′ is "inactive (dead)"; every card links to Nielsen's book;
// the about page, from the header, under the strict CSP. Screenshots: build/screenshots/honest.
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { useBuiltSite } from "./built-site.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const shots = `${repo}build/screenshots/honest`;

/** Opens the playground at `hash` and waits for the first snapshot. */
async function openAt(built, hash, viewport, deviceScaleFactor = 1) {
  let violations = async () => [];
  const opened = await openPage(built.browser, built.server.url + hash, viewport, {
    deviceScaleFactor,
    prepare: async (page) => {
      violations = await recordCspViolations(page);
    },
  });
  const { page } = opened;
  if (!hash.includes("view=about")) {
    await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 20000 });
    // The σ′ card's words are written with the snapshot's third stage.
    await page.locator("#view-derivatives .saturation-summary").filter({ hasText: /\S/ }).waitFor();
  }
  return { ...opened, violations: () => violations() };
}

const text = (page, selector) => page.locator(selector).first().textContent();
const legend = (page, id) =>
  page.locator(`#${id} .u-legend .u-series`).evaluateAll((rows) => rows.map((r) => r.textContent));
const titles = (page, id) =>
  page.locator(`#${id} .u-title`).evaluateAll((els) => els.map((e) => e.textContent));

describe("captions computed from the settings (built dist/, strict CSP)", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  const hiddenCases = [
    { activation: "tanh", ceiling: "never exceeds 1,", marker: "max tanh′ = 1 = tanh′(0)" },
    { activation: "relu", ceiling: "never exceeds 1,", marker: "max ReLU′ = 1 for every z > 0" },
    { activation: "identity", ceiling: "identity′ = 1 for every z", marker: "max identity′ = 1" },
  ];
  for (const c of hiddenCases) {
    test(`hidden ${c.activation}: the activation card states its own ceiling`, async () => {
      const { page, context, problems, violations } = await openAt(
        built,
        `#dataset=xor&hidden=5,5,5&activation=${c.activation}&output=sigmoid&cost=quadratic`,
      );
      const caption = await text(page, "#view-activations .view-explanation");
      assert.ok(caption.includes(c.ceiling), caption);
      assert.doesNotMatch(caption, /1\/4|sigmoid|at least 4/);
      assert.ok(caption.includes("each of the 3 hidden layers"), caption);
      const rows = await legend(page, "view-activations");
      assert.ok(
        rows.some((r) => r.startsWith(c.marker)),
        `marker: ${rows.join(" | ")}`,
      );
      assert.ok(!rows.some((r) => r.includes("1/4")), rows.join(" | "));
      // The chosen activation is plotted and starred.
      const symbol = c.activation === "relu" ? "ReLU" : c.activation;
      assert.ok(rows.includes(`${symbol}(z) ★`), rows.join(" | "));
      // The σ′ card names a ReLU's σ′ = 0 "inactive (dead)", the others' "saturated" or "never".
      const [, satTitle] = await titles(page, "view-derivatives");
      if (c.activation === "relu") assert.match(satTitle, /^Inactive \(dead\) units/);
      else assert.doesNotMatch(satTitle, /dead/);
      if (c.activation === "tanh") assert.match(satTitle, /^Saturated units .* maximum 1\)/);
      const derivCaption = await text(page, "#view-derivatives .view-explanation");
      assert.match(derivCaption, new RegExp(`${symbol}′\\(zˡ\\) at each hidden layer l = 2 … 4`));
      // The gradient card claims no sigmoid-only slowdown under another activation.
      const gradCaption = await text(page, "#view-gradients .view-explanation");
      assert.ok(gradCaption.includes(`by w ${symbol}′(z) (BP2)`), gradCaption);
      assert.ok(gradCaption.includes("l = 2 … 5"), gradCaption);
      assert.doesNotMatch(gradCaption, /sigmoid|far slower/);
      // The feedforward line names the hidden activation, σ only at the sigmoid output.
      const boundaryLine = await text(page, "#view-boundary .view-equation");
      assert.ok(
        boundaryLine.includes(`aˡ = ${symbol}(wˡaˡ⁻¹ + bˡ) in the hidden layers, aᴸ = σ(wᴸaᴸ⁻¹`),
        boundaryLine,
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(await violations(), []);
      await context.close();
    });
  }

  const outputCases = [
    { output: "sigmoid", cost: "quadratic", cancels: false, legend: "l = 4 (output)" },
    { output: "sigmoid", cost: "cross-entropy", cancels: true },
    { output: "softmax", cost: "log-likelihood", cancels: true },
    { output: "softmax", cost: "cross-entropy", cancels: false, legend: "Jacobian's diagonal" },
  ];
  for (const c of outputCases) {
    test(`${c.output} + ${c.cost}: the output layer as backprop treats it`, async () => {
      const { page, context, problems } = await openAt(
        built,
        `#dataset=circle&hidden=6,6&activation=sigmoid&output=${c.output}&cost=${c.cost}`,
      );
      const note = page.locator("#view-derivatives .output-cancels");
      const rows = await legend(page, "view-derivatives");
      const caption = await text(page, "#view-derivatives .view-explanation");
      const summary = await text(page, "#view-derivatives .saturation-summary");
      if (c.cancels) {
        assert.equal(await note.isVisible(), true);
        assert.equal(
          await note.textContent(),
          `l = 4 (output, ${c.output} + ${c.cost}): σ′ cancels: δᴸ = aᴸ − y`,
        );
        assert.ok(!rows.some((r) => r.includes("output")), `drawn: ${rows.join(" | ")}`);
        assert.match(caption, /cancels σ′\(zᴸ\) in BP1: δᴸ = aᴸ − y/);
        assert.match(summary, /left out: its σ′ cancels/);
      } else {
        assert.equal(await note.isVisible(), false);
        assert.ok(
          rows.some((r) => r.includes(c.legend)),
          `legend: ${rows.join(" | ")}`,
        );
        assert.doesNotMatch(caption, /cancels/);
      }
      if (c.output === "softmax" && !c.cancels) assert.match(caption, /diagonal aⱼ\(1 − aⱼ\)/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("an all-zero saturation chart says so in words", async () => {
    // The deep sigmoid network with scaled weights: σ′ < 1/400 needs |z| > 6, which no unit
    // reaches at the start, so every bar is 0 (the chart the issue found looking empty).
    const { page, context } = await openAt(
      built,
      "#dataset=spiral&hidden=8,8,8,8,8,8&activation=sigmoid&init=scaled" +
        "&output=sigmoid&cost=cross-entropy",
    );
    const summary = await text(page, "#view-derivatives .saturation-summary");
    assert.equal(
      summary,
      "All bars are 0 %: no unit is saturated in any layer shown. " +
        "The output layer l = 8 is left out: its σ′ cancels.",
    );
    await context.close();
  });

  test("every card links to its section of Nielsen's book and names its equation", async () => {
    const { page, context } = await openAt(built, "#dataset=xor&cost=quadratic&output=sigmoid");
    const cards = await page.locator(".view-card:not([hidden])").evaluateAll((els) =>
      els.map((el) => ({
        id: el.id,
        href: el.querySelector("a.view-book")?.getAttribute("href"),
        link: el.querySelector("a.view-book")?.textContent,
        equation: el.querySelector(".view-equation")?.textContent,
      })),
    );
    // Six cards, and the confusion matrix since issue 14 (the drawing pad is for images only).
    assert.equal(cards.length, 7);
    assert.ok(cards.some((c) => c.id === "view-confusion"));
    for (const c of cards) {
      assert.match(c.href ?? "", /^http:\/\/neuralnetworksanddeeplearning\.com\/chap[1-6]\.html$/);
      assert.match(c.link ?? "", /^Nielsen, chapter [1-6]: /);
      assert.match(c.equation ?? "", /^Shows .*=/);
    }
    const byId = Object.fromEntries(cards.map((c) => [c.id, c]));
    assert.match(byId["view-derivatives"].equation, /BP2: δˡ = /);
    assert.match(byId["view-loss"].equation, /quadratic cost/);
    await page.getByLabel("Cost").selectOption("cross-entropy");
    await page
      .locator("#view-loss .view-equation")
      .filter({ hasText: "cross-entropy cost" })
      .waitFor();
    await context.close();
  });

  test("the about page: from the header, version, licence, the package's example", async () => {
    const pkg = JSON.parse(await readFile(`${repo}package.json`, "utf8"));
    const { page, context, problems, violations } = await openAt(built, "");
    await page.locator("header").getByRole("tab", { name: "About" }).click();
    const about = page.locator(".about-page");
    await about.waitFor();
    assert.equal(
      await about.locator(".about-version").textContent(),
      `Version ${pkg.version} · MIT licence`,
    );
    const blocks = await about.locator("pre").allTextContents();
    assert.equal(blocks[0], "npm install gradscope");
    assert.match(blocks[1], /^import \{ init \} from 'gradscope';/);
    assert.match(blocks[1], /await init\(\)/);
    assert.equal(blocks[1].split("\n").length, 10);
    // The page's features and a glossary of the symbols the cards use.
    const words = await about.textContent();
    for (const feature of ["Stories:", "Compare: pin this run", "Lecture mode"])
      assert.ok(words.includes(feature), feature);
    const terms = await about.locator("dl dt").allTextContents();
    for (const t of ["η", "λ", "n_in", "He init", "δˡ", "BP1–BP4", "⊙", "l, L"])
      assert.ok(terms.includes(t), `glossary term ${t}: ${terms.join(" | ")}`);
    assert.match(page.url(), /\/courses\/nn\/playground\/#.*view=about/);
    // A fresh load of that address (any sub-path: hash routing) opens the page directly.
    await page.reload();
    await about.waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
    await context.close();
  });

  test("screenshots: σ′ and activation cards (sigmoid, ReLU, tanh); the about page", async () => {
    await mkdir(shots, { recursive: true });
    const sizes = [
      { name: "1280x800", viewport: { width: 1280, height: 800 }, scale: 1 },
      { name: "390x844", viewport: { width: 390, height: 844 }, scale: 1 },
      { name: "150pct", viewport: { width: 853, height: 533 }, scale: 1.5 },
    ];
    for (const size of sizes) {
      for (const activation of ["sigmoid", "relu", "tanh"]) {
        const { page, context, problems } = await openAt(
          built,
          `#dataset=spiral&hidden=8,8,8,8&activation=${activation}&output=sigmoid&cost=quadratic`,
          size.viewport,
          size.scale,
        );
        for (const id of ["view-derivatives", "view-activations"]) {
          await page
            .locator(`#${id}`)
            .screenshot({ path: `${shots}/${id}-${activation}-${size.name}.png` });
        }
        assert.deepEqual(problems, []);
        await context.close();
      }
      const { page, context } = await openAt(built, "#view=about", size.viewport, size.scale);
      await page.locator(".about-page").waitFor();
      await page.screenshot({ path: `${shots}/about-${size.name}.png`, fullPage: true });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `the about page scrolls sideways by ${overflow} px at ${size.name}`);
      await context.close();
    }
  });
});
