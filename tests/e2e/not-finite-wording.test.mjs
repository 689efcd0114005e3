// How the page words numbers that are not finite: a diverged run's status line and diagram
// readout say "not a number" (never "undefined" or "NaN"), and the chain lab says when float32
// overflows instead of comparing infinities. Screenshots of both states at 1280×800, 390×844
// and 150 % zoom go to test-artifacts/.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

/** The three screens each changed state is looked at on (150 %: 1280×800 zoomed, CSS 853×533). */
const SCREENS = [
  { name: "1280x800", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: "390x844", viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
  { name: "zoom150", viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
];

// ReLU into an identity output with N(0, 1) weights and η = 10: the loss overflows in a few steps.
const DIVERGING =
  "#dataset=xor&activation=relu&output=identity&cost=quadratic&learningRate=10&init=large&speed=50";
// Ten identity neurons with w = 1000: a_10 = 1e30, so ∂C/∂b₁ = 1e27 × 1e30 = 1e57 > 3.4e38.
const OVERFLOWING =
  "#view=chain&chainAct=identity&chainW=" +
  Array(10).fill(1000).join(",") +
  "&chainB=" +
  Array(10).fill(0).join(",");

/** Moves the pointer over the diagram until its readout describes a weight; returns the text. */
async function weightReadout(page) {
  const canvas = page.locator("#view-network canvas").first();
  const box = await canvas.boundingBox();
  const info = page.locator("#view-network .diagram-info");
  for (let fx = 0.1; fx < 0.9; fx += 0.02) {
    for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
      const text = (await info.textContent()) ?? "";
      if (text.startsWith("Weight")) return text;
    }
  }
  throw new Error("no connection found under the pointer");
}

describe("numbers that are not finite, in words (built site)", () => {
  const built = useBuiltSite();

  for (const screen of SCREENS) {
    test(`a diverged run: "not a number", never "undefined" (${screen.name})`, async () => {
      const { page, context, problems } = await openPage(
        built.browser,
        built.server.url + DIVERGING,
        screen.viewport,
        { deviceScaleFactor: screen.deviceScaleFactor },
      );
      const status = page.getByRole("status");
      await status.filter({ hasText: "test accuracy" }).waitFor();
      await page.getByRole("button", { name: /^Play/ }).click();
      await status.filter({ hasText: "training diverged" }).waitFor({ timeout: 20000 });
      const text = (await status.textContent()) ?? "";
      assert.match(text, /training diverged: train loss not a number, test loss not a number/);
      assert.match(text, /lower the learning rate η and press Reset/);
      // No accuracy is shown: outputs that are not numbers all land in one class.
      assert.doesNotMatch(text, /\d%/);
      assert.doesNotMatch(text, /undefined|NaN/);
      await page.locator("#view-network canvas").focus();
      await page.keyboard.press("ArrowRight");
      const neuron = (await page.locator("#view-network .diagram-info").textContent()) ?? "";
      assert.match(neuron, /bias b = .*∂C\/∂b = /);
      assert.doesNotMatch(neuron, /undefined|NaN/);
      await page.locator("#view-network").scrollIntoViewIfNeeded();
      const weight = await weightReadout(page);
      assert.match(weight, /w = not a number, ∂C\/∂w = not a number/);
      await status.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${artifacts}/diverged-status-${screen.name}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`the chain lab says when float32 overflows (${screen.name})`, async () => {
      const { page, context, problems } = await openPage(
        built.browser,
        built.server.url + OVERFLOWING,
        screen.viewport,
        { deviceScaleFactor: screen.deviceScaleFactor },
      );
      await page.locator(".chain-term").first().waitFor();
      const result = page.locator(".chain-result");
      const text = (await result.textContent()) ?? "";
      assert.match(text, /∂C\/∂b₁ = 1\.00e57/);
      assert.match(text, /backprop \(the four equations, float32\): overflows float32/);
      assert.match(text, /smaller weights \|w\| avoid it/);
      assert.match(text, /C = 5\.00e59 \(also beyond float32's largest number\)/);
      assert.doesNotMatch(text, /NaN|undefined|differs by/);
      await result.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${artifacts}/chain-overflow-${screen.name}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
