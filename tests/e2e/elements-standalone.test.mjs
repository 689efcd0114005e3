// The standalone elements on a tutorial author's page under a sub-path, served with the strict
// CSP: <gradscope-chain>, <gradscope-softmax> and <gradscope-vanishing> draw with zero console
// errors and zero CSP violations; a bad attribute shows an inline message naming the attribute
// and a console warning, its default is used and the other elements are unaffected; attributes
// and properties reflect, and changing one from a script redraws; light and dark themes.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { artifacts } from "./built-site.mjs";
import { elementsPage, useElementsSite } from "./elements-host.mjs";

const shots = `${artifacts}/elements`;

const LABS = elementsPage(
  "Labs",
  `<h1>Three labs</h1>
<p>The chain, five neurons of tanh:</p>
<gradscope-chain id="good" neurons="5" activation="tanh"></gradscope-chain>
<p>Softmax:</p>
<gradscope-softmax logits="1,2,3,0.5" target="3"></gradscope-softmax>
<p>The deep-network lab:</p>
<gradscope-vanishing lab-hidden="3" lab-epochs="2"></gradscope-vanishing>`,
);

const BAD = elementsPage(
  "Bad attributes",
  `<gradscope-chain id="bad" activation="sigmoidd" x="abc" neurons="40"></gradscope-chain>
<gradscope-chain id="fine" weights="2,2,2"></gradscope-chain>
<gradscope-softmax logits="1,zz" nudge="9"></gradscope-softmax>`,
);

describe("standalone elements on a strict-CSP page under a sub-path", () => {
  const site = useElementsSite({ "tut/deep/labs.html": LABS, "tut/deep/bad.html": BAD });

  test("chain, softmax and the MNIST lab draw, zero console errors and CSP violations", async () => {
    const { page, context, problems, violations, warnings } = await site.open("tut/deep/labs.html");
    const chain = page.locator("gradscope-chain");
    await chain.locator(".chain-term").first().waitFor();
    // The product strip has one weight factor per neuron after the first.
    assert.equal(await chain.locator(".chain-term.term-weight").count(), 4);
    assert.equal(await chain.getByLabel("Activation σ").inputValue(), "tanh");
    const softmax = page.locator("gradscope-softmax");
    await softmax.locator(".katex").first().waitFor();
    assert.equal(await softmax.locator(".jacobian-caption").count(), 1);
    const lab = page.locator("gradscope-vanishing");
    assert.equal(await lab.getByLabel("Hidden layers").inputValue(), "3");
    // The view wrote every setting back: attributes reflect the state.
    const attributes = await page.evaluate(() => {
      const el = document.querySelector("gradscope-chain");
      return { weights: el.getAttribute("weights"), neurons: el.neurons, cost: el.cost };
    });
    assert.deepEqual(attributes, {
      weights: "0.8,-0.9,0.7,0.6,1",
      neurons: "5",
      cost: "quadratic",
    });
    await page.waitForLoadState("networkidle");
    assert.deepEqual(problems, []);
    assert.deepEqual(warnings, []);
    assert.deepEqual(await violations(), []);
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/labs-1280x800.png`, fullPage: true });
    await context.close();
  });

  test("a bad attribute: inline message naming it, a warning, its default; others unaffected", async () => {
    const { page, context, problems, violations, warnings } = await site.open("tut/deep/bad.html");
    const bad = page.locator("#bad");
    const fine = page.locator("#fine");
    await bad.locator(".chain-term").first().waitFor();
    await fine.locator(".chain-term").first().waitFor();
    await page.locator("gradscope-softmax .katex").first().waitFor();
    const box = bad.locator("[part~=problems]");
    await box.waitFor();
    const lines = await box.locator("li").allTextContents();
    assert.deepEqual(lines, [
      'neurons: "40" is outside [2, 10]; ignored',
      'activation: "sigmoidd" is not one of sigmoid, tanh, relu, leaky-relu, identity; default used',
      'x: "abc" is not a number; default used',
    ]);
    for (const line of lines) {
      assert.ok(warnings.includes(`<gradscope-chain>: ${line}`), `warned: ${line}`);
    }
    assert.equal(await bad.getByLabel("Activation σ").inputValue(), "sigmoid");
    assert.equal(await bad.locator(".chain-term.term-weight").count(), 3, "the default chain");
    // The other chain on the page: its own three weights, no message.
    assert.equal(await fine.locator("[part~=problems]").isHidden(), true);
    assert.equal(await fine.locator(".chain-term.term-weight").count(), 2);
    const softmaxLines = await page
      .locator("gradscope-softmax [part~=problems] li")
      .allTextContents();
    assert.deepEqual(softmaxLines, [
      'logits: "zz" is not a number; default used',
      'nudge: "9" is not j:h (a class and a step, e.g. 2:0.5); default used',
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
    await page.screenshot({ path: `${shots}/bad-attributes-1280x800.png`, fullPage: true });
    await context.close();
  });

  test("setting attributes or properties from a script redraws; good values clear the message", async () => {
    const { page, context, problems } = await site.open("tut/deep/bad.html");
    const bad = page.locator("#bad");
    await bad.locator("[part~=problems]").waitFor();
    await page.evaluate(() => {
      const el = document.getElementById("bad");
      el.setAttribute("activation", "relu");
      el.neurons = "3"; // the property reflects to the attribute
      el.x = "2";
    });
    await page.waitForFunction(
      () => document.getElementById("bad").shadowRoot.querySelectorAll(".term-weight").length === 2,
    );
    assert.equal(await bad.getByLabel("Activation σ").inputValue(), "relu");
    assert.equal(await bad.getByLabel("Input x = a₀").inputValue(), "2");
    assert.equal(await bad.locator("[part~=problems]").isHidden(), true);
    assert.equal(await page.evaluate(() => document.getElementById("bad").neurons), "3");
    // Weights alone from a script: the weights set the length.
    await page.evaluate(() => {
      document.getElementById("bad").weights = "1,1,1,1,1,1";
    });
    await page.waitForFunction(
      () => document.getElementById("bad").shadowRoot.querySelectorAll(".term-weight").length === 5,
    );
    assert.equal(await page.evaluate(() => document.getElementById("bad").neurons), "6");
    // A control in the element writes its attribute back.
    await bad.getByLabel("Activation σ").selectOption("sigmoid");
    assert.equal(await page.evaluate(() => document.getElementById("bad").activation), "sigmoid");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("themes and sizes: light and dark, 1280×800, 390×844, 150 % zoom", async () => {
    for (const [name, options] of [
      ["light-1280x800", { viewport: { width: 1280, height: 800 } }],
      ["dark-1280x800", { viewport: { width: 1280, height: 800 }, colorScheme: "dark" }],
      ["light-390x844", { viewport: { width: 390, height: 844 } }],
      ["zoom150-853x533", { viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 }],
    ]) {
      const { page, context, problems } = await site.open("tut/deep/labs.html", options);
      await page.locator("gradscope-chain .chain-term").first().waitFor();
      await page.locator("gradscope-softmax .katex").first().waitFor();
      // The theme follows prefers-color-scheme through the host's custom properties.
      const background = await page
        .locator("gradscope-chain")
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      const dark = options.colorScheme === "dark";
      assert.equal(background, dark ? "rgb(22, 24, 28)" : "rgb(255, 255, 255)", name);
      // Nothing wider than the window: the elements follow the page's width.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${name}: ${overflow} px wider than the window`);
      await page.screenshot({ path: `${shots}/labs-${name}.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
