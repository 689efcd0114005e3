// The elements in the dark theme (prefers-color-scheme: dark) and in narrow columns: the texts
// the screenshot reviews found unreadable meet WCAG AA contrast (4.5:1) against what is drawn
// behind them, the run bar keeps its buttons off its edge, and the chain editor's derivative
// column (named after the activation) stays in view in a 700 px tutorial column and on a phone.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { elementsPage, useElementsSite } from "./elements-host.mjs";

const shots = "build/screenshots/theme";

// A tutorial's text column, 700 px wide (a stylesheet: the strict CSP refuses inline styles).
const COLUMN_CSS = "main { max-width: 700px; margin: 0 auto; }\n";

const PAGE = elementsPage(
  "Dark",
  `<link rel="stylesheet" href="column.css">
<main>
<gradscope-chain neurons="5" activation="tanh"></gradscope-chain>
<gradscope-softmax logits="1,2,3,0.5" target="3"></gradscope-softmax>
<gradscope-run id="r" dataset="xor" steps="10"></gradscope-run>
</main>`,
);

/** WCAG contrast of each matched element's text against the first opaque background behind it. */
function contrasts(elements) {
  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const backgroundOf = (el) => {
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) {
      const [r, g, b, a = 1] = rgb(getComputedStyle(n).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return [255, 255, 255];
  };
  return elements.map((el) => {
    const [fg, bg] = [luminance(rgb(getComputedStyle(el).color)), luminance(backgroundOf(el))];
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    return { text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100 };
  });
}

describe("the elements in the dark theme and narrow columns", () => {
  const site = useElementsSite({
    "tut/deep/dark.html": PAGE,
    "tut/deep/column.css": COLUMN_CSS,
  });

  const ready = async (page) => {
    await page.locator("gradscope-chain .chain-term").first().waitFor();
    await page.locator("gradscope-softmax .katex").first().waitFor();
    // The run builds its bar when it first comes into view (visibility-gate.ts).
    await page.locator("gradscope-run").scrollIntoViewIfNeeded();
    await page.locator("gradscope-run .transport button").first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
  };

  test("dark: the reviewed texts meet WCAG AA; the run bar is padded", async () => {
    for (const [name, viewport, deviceScaleFactor] of [
      ["1280x800", { width: 1280, height: 800 }, 1],
      ["390x844", { width: 390, height: 844 }, 1],
      ["853x533@1.5", { width: 853, height: 533 }, 1.5],
    ]) {
      const { page, context, problems } = await site.open("tut/deep/dark.html", {
        viewport,
        colorScheme: "dark",
        deviceScaleFactor,
      });
      await ready(page);
      await page.screenshot({ path: `${shots}/dark-${name}.png`, fullPage: true });
      for (const selector of [
        "gradscope-softmax .target-row td",
        "gradscope-softmax .legend-caption",
        "gradscope-chain .lab-presets button",
        "gradscope-chain .factor-list li",
        "gradscope-chain .chain-result .agree",
      ]) {
        const found = await page.locator(selector).evaluateAll(contrasts);
        assert.ok(found.length > 0, `${name}: no ${selector}`);
        for (const c of found)
          assert.ok(c.ratio >= 4.5, `${name} ${selector}: ${JSON.stringify(c)}`);
      }
      // The run bar's first button and its status keep off the bar's left edge.
      const inset = await page.locator("gradscope-run .transport").evaluate((bar) => {
        const left = bar.getBoundingClientRect().left;
        return Math.min(...[...bar.children].map((c) => c.getBoundingClientRect().left - left));
      });
      assert.ok(inset >= 6, `${name}: run bar content ${inset} px from its edge`);
      await page.locator("gradscope-run").screenshot({ path: `${shots}/run-dark-${name}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test("the derivative column is in view in a 700 px column and at 390 px, named tanh′", async () => {
    for (const [name, viewport] of [
      ["700", { width: 1280, height: 900 }],
      ["390", { width: 390, height: 844 }],
    ]) {
      for (const colorScheme of ["light", "dark"]) {
        const { page, context, problems } = await site.open("tut/deep/dark.html", {
          viewport,
          colorScheme,
        });
        await ready(page);
        await page.screenshot({
          path: `${shots}/chain-${colorScheme}-${name}.png`,
          fullPage: true,
        });
        const chain = page.locator("gradscope-chain");
        await chain
          .locator(".chain-editor-box")
          .screenshot({ path: `${shots}/chain-editor-${colorScheme}-${name}.png` });
        const heading = chain.locator(".chain-editor thead th").last();
        assert.equal(await heading.textContent(), "tanh′(z_j)");
        const box = await chain.evaluate((el) => el.getBoundingClientRect().toJSON());
        if (name === "700") assert.ok(box.width <= 700, `chain ${box.width} px wide`);
        const cells = [
          heading,
          ...(await chain.locator(".chain-editor tbody tr td:last-child").all()),
        ];
        for (const cell of cells) {
          // In view: inside the element's box and not clipped by a scrolling ancestor.
          const r = await cell.evaluate((el) => {
            const b = el.getBoundingClientRect();
            let clip = { left: -Infinity, right: Infinity };
            for (let n = el.parentElement ?? el.getRootNode().host; n;) {
              if (getComputedStyle(n).overflowX !== "visible") {
                const c = n.getBoundingClientRect();
                clip = { left: Math.max(clip.left, c.left), right: Math.min(clip.right, c.right) };
              }
              n = n.parentElement ?? n.getRootNode().host;
            }
            return { left: b.left, right: b.right, clip };
          });
          assert.ok(
            r.right <= Math.min(box.right, r.clip.right) + 1,
            `${name}: ${JSON.stringify(r)}`,
          );
          assert.ok(r.left >= Math.max(box.left, r.clip.left) - 1, `${name}: ${JSON.stringify(r)}`);
        }
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  });

  test("light screenshots at 1280×800, 390×844 and 150 %", async () => {
    for (const [name, viewport, deviceScaleFactor] of [
      ["1280x800", { width: 1280, height: 800 }, 1],
      ["390x844", { width: 390, height: 844 }, 1],
      ["853x533@1.5", { width: 853, height: 533 }, 1.5],
    ]) {
      const { page, context, problems } = await site.open("tut/deep/dark.html", {
        viewport,
        deviceScaleFactor,
      });
      await ready(page);
      await page.screenshot({ path: `${shots}/light-${name}.png`, fullPage: true });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${name}: ${overflow} px wider than the window`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
