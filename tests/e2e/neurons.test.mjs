// Issue 14, "every neuron inspectable", on the built site: the network diagram's feature toggles
// (x₁² on circle → features= in the URL, three inputs, training goes on), per-neuron maps (hover a
// hidden neuron → the boundary card shows that neuron, and leaves it for the output again; the
// maps are the worker's TrainingRun.neuronMaps, which equal predict of the sub-network [n₁ … n_l]
// with the same parameters, and the card's pixels are those maps' colours), and a weight set by
// hand (the readout and the diagram change, bad text is refused unsent, the run trains on from it).
// The run is reproduced in Node with the page's own TrainingRun (tests/e2e/run-modules.tsconfig.json),
// as tests/e2e/backprop.test.mjs does. Screenshots at 1280×800 and 390×844 go to
// build/screenshots/neurons/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { catalogue, init } from "gradscope";
import { openPage } from "../support/chromium.js";
import { useBuiltSite } from "./built-site.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const shots = `${repo}build/screenshots/neurons`;
const modulesDir = `${repo}build/e2e-run-modules/web/src`;

const status = (page) => page.getByRole("status");
const info = (page) => page.locator("#view-network .diagram-info");
const canvas = (page) => page.locator("#view-network canvas.network-canvas");
const panel = (page) => page.locator("#view-boundary .neuron-map-panel");

async function ready(page) {
  await status(page).filter({ hasText: "test accuracy" }).waitFor({ timeout: 30000 });
}

function stepOf(text) {
  return Number(/\(step (\d+)\)/.exec(text ?? "")?.[1] ?? NaN);
}

/** Moves the mouse over the diagram until the readout starts with `prefix`; returns the text. */
async function hoverUntil(page, prefix) {
  const box = await canvas(page).boundingBox();
  for (let fx = 0.05; fx < 0.95; fx += 0.02) {
    for (let fy = 0.03; fy < 0.9; fy += 0.02) {
      await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
      const text = (await info(page).textContent()) ?? "";
      if (text.startsWith(prefix)) return text;
    }
  }
  throw new Error(`nothing under the pointer reads "${prefix}"`);
}

let modules;
/** The page's own modules, compiled for Node (tests/e2e/run-modules.tsconfig.json). */
async function pageModules() {
  if (!modules) {
    execFileSync(
      `${repo}node_modules/.bin/tsc`,
      ["-p", `${repo}tests/e2e/run-modules.tsconfig.json`],
      {
        stdio: "inherit",
      },
    );
    modules = {
      ...(await import(`${modulesDir}/model/training-run.js`)),
      ...(await import(`${modulesDir}/model/neuron-maps.js`)),
      ...(await import(`${modulesDir}/state/settings.js`)),
    };
  }
  return modules;
}

describe("every neuron inspectable (built site)", () => {
  const built = useBuiltSite();

  test("toggling x₁² on circle: features= in the URL, three inputs, the run trains", async () => {
    await mkdir(shots, { recursive: true });
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=circle`,
    );
    await ready(page);
    const toggle = page.locator('#view-network .feature-toggle[data-feature="x1sq"]');
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    assert.equal(await page.locator("#view-network .feature-toggle[aria-pressed=true]").count(), 2);
    await toggle.click();
    await page.waitForFunction(
      () => new URLSearchParams(location.hash.slice(1)).get("features") === "x1,x2,x1sq",
    );
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    await status(page).filter({ hasText: "(step 0)" }).waitFor();
    // The input column has three neurons: the third is x₁², the fourth does not exist.
    await canvas(page).focus();
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown"]) await page.keyboard.press(key);
    assert.equal(
      await info(page).textContent(),
      "Input neuron x3 (layer l = 1): the feature x₁² of the point; no weights or bias.",
    );
    await page.keyboard.press("ArrowDown");
    assert.match((await info(page).textContent()) ?? "", /^Input neuron x3 /);
    // The last input cannot be removed: x₁ and x₂ off leaves x₁², which stays.
    await page.locator('#view-network .feature-toggle[data-feature="x1"]').click();
    await page.waitForFunction(() => /features=x2%2Cx1sq|features=x2,x1sq/.test(location.hash));
    await page.locator('#view-network .feature-toggle[data-feature="x2"]').click();
    await page.waitForFunction(
      () => new URLSearchParams(location.hash.slice(1)).get("features") === "x1sq",
    );
    await page.locator('#view-network .feature-toggle[data-feature="x1sq"]').click();
    assert.match(
      (await page.locator("#view-network .feature-toggles-message").textContent()) ?? "",
      /x₁² is the only input/,
    );
    assert.equal(
      new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get("features"),
      "x1sq",
    );
    // Back to x₁, x₂, x₁² and train: the steps advance and the accuracy is a number.
    await page.locator('#view-network .feature-toggle[data-feature="x1"]').click();
    await page.locator('#view-network .feature-toggle[data-feature="x2"]').click();
    await page.waitForFunction(
      () => new URLSearchParams(location.hash.slice(1)).get("features") === "x1,x2,x1sq",
    );
    await status(page).filter({ hasText: "(step 0)" }).waitFor();
    await page.getByRole("button", { name: /^Play/ }).click();
    await status(page)
      .filter({ hasText: /\(step [1-9]\d{2,}\)/ })
      .waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: /^Pause/ }).click();
    assert.match((await status(page).textContent()) ?? "", /test accuracy \d+(\.\d)?%/);
    await page.locator("#view-network").screenshot({ path: `${shots}/features-1280x800.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("hovering a hidden neuron shows its map in the boundary card; leaving shows the output", async () => {
    const hash = "#dataset=circle&hidden=4,3&activation=tanh&features=x1,x2,x1sq&steps=60";
    const { page, context, problems } = await openPage(built.browser, `${built.server.url}${hash}`);
    await ready(page);
    await canvas(page).scrollIntoViewIfNeeded();
    assert.equal(await panel(page).isHidden(), true);
    const text = await hoverUntil(page, "Neuron 2 of layer l = 3");
    assert.match(text, /bias b = /);
    await panel(page).waitFor({ state: "visible" });
    assert.equal(await panel(page).getAttribute("data-neuron"), "3:2");
    assert.match(
      (await panel(page).locator(".neuron-map-caption").textContent()) ?? "",
      /^Showing neuron 2 of layer l = 3 \(a hidden layer\): its activation over the input plane \(orange −1, white 0, blue 1: tanh's range\)/,
    );
    await page.screenshot({ path: `${shots}/hover-neuron-1280x800.png` });
    // The pixels are the map's colours: the same run in Node gives the same map.
    const m = await pageModules();
    const { value: settings } = m.parseSettings(new URLSearchParams(hash.slice(1)));
    const gs = await init({ flavour: "simd" });
    const run = new m.TrainingRun(gs, settings, null);
    let values;
    try {
      run.step(60);
      values = m.neuronMap(run.neuronMaps(), { layer: 3, index: 2 });
    } finally {
      run.dispose();
    }
    const scale = m.mapScale(values, "tanh");
    const expected = m.mapPixels(values, scale);
    const n = 48;
    const seen = await panel(page)
      .locator("canvas")
      .evaluate(
        (c, cells) => {
          const ctx = c.getContext("2d");
          const out = [];
          for (const [r, col] of cells) {
            const x = Math.floor(((col + 0.5) / 48) * c.width);
            const y = Math.floor(((r + 0.5) / 48) * c.height);
            out.push([...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
          }
          return out;
        },
        [
          [2, 2],
          [2, 45],
          [45, 2],
          [45, 45],
          [24, 2],
          [2, 24],
        ],
      );
    // Corner and edge cells lie outside the data (|x| ≤ 1 in a ±1.5 square): no point covers them.
    [
      [2, 2],
      [2, 45],
      [45, 2],
      [45, 45],
      [24, 2],
      [2, 24],
    ].forEach(([r, col], k) => {
      const i = r * n + col;
      const want = [...expected.slice(4 * i, 4 * i + 3)];
      const got = seen[k];
      for (let ch = 0; ch < 3; ch++)
        assert.ok(Math.abs(got[ch] - want[ch]) <= 6, `cell ${r},${col}: ${got} vs ${want}`);
    });
    // Leaving the diagram shows the output again.
    await page.mouse.move(2, 2);
    await panel(page).waitFor({ state: "hidden" });
    // The keyboard: a focused, selected neuron is shown too, until the focus leaves.
    await canvas(page).focus();
    for (const key of ["ArrowRight", "ArrowDown"]) await page.keyboard.press(key);
    await panel(page).waitFor({ state: "visible" });
    assert.equal(await panel(page).getAttribute("data-neuron"), "2:2");
    await page.locator("#view-network .parameter-editor input").focus();
    await panel(page).waitFor({ state: "hidden" });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the worker's maps equal predict of the sub-network [n₁ … n_l] (tanh, relu; features)", async () => {
    const m = await pageModules();
    const gs = await init({ flavour: "simd" });
    for (const hash of [
      "#dataset=circle&hidden=4,3&activation=tanh&features=x1,x2,x1sq&steps=60",
      "#dataset=spiral&hidden=5,4,3&activation=relu&init=he&features=x1,x2,sinx1,x1x2&steps=25",
    ]) {
      const { value: settings, problems } = m.parseSettings(new URLSearchParams(hash.slice(1)));
      assert.deepEqual(problems, []);
      const run = new m.TrainingRun(gs, settings, null);
      try {
        run.step(Number(new URLSearchParams(hash.slice(1)).get("steps")));
        const maps = run.neuronMaps();
        const layers = run.snapshot().layers;
        const sizes = run.sizes;
        // The grid the maps are over (x₁ right, x₂ up), as the network's inputs.
        const cells = maps.resolution * maps.resolution;
        const grid = new Float32Array(2 * cells);
        for (let r = 0; r < maps.resolution; r++)
          for (let c = 0; c < maps.resolution; c++) {
            const i = r * maps.resolution + c;
            grid[2 * i] = -maps.extent + ((c + 0.5) * 2 * maps.extent) / maps.resolution;
            grid[2 * i + 1] = maps.extent - ((r + 0.5) * 2 * maps.extent) / maps.resolution;
          }
        const inputs = gs.features.apply(grid, settings.features);
        const picked = [0, 7, 500, 1200, cells - 1];
        for (let l = 2; l <= sizes.length; l++) {
          const act = l === sizes.length ? settings.output : settings.activation;
          const sub = gs.createNetwork({
            layers: sizes.slice(0, l),
            hidden: settings.activation,
            output: act,
            cost: catalogue.costsAllowedAfter(act)[0],
          });
          try {
            for (let k = 2; k <= l; k++) {
              const p = layers[k - 2];
              sub.setParameters(k, { weights: p.weights, biases: p.biases });
            }
            const x = new Float32Array(
              picked.flatMap((i) => [...inputs.subarray(i * sizes[0], (i + 1) * sizes[0])]),
            );
            const a = sub.predict(x);
            for (let j = 1; j <= sizes[l - 1]; j++) {
              const map = m.neuronMap(maps, { layer: l, index: j });
              picked.forEach((cell, s) => {
                const want = a[s * sizes[l - 1] + (j - 1)];
                assert.ok(
                  Math.abs(map[cell] - want) <= 1e-6 * Math.max(1, Math.abs(want)),
                  `${hash} l=${l} j=${j} cell ${cell}: ${map[cell]} vs ${want}`,
                );
              });
            }
          } finally {
            sub.dispose();
          }
        }
        // a¹ is the features themselves.
        const first = m.neuronMap(maps, { layer: 1, index: 1 });
        assert.equal(first[cells - 1], inputs[(cells - 1) * sizes[0]]);
      } finally {
        run.dispose();
      }
    }
  });

  test("setting a weight by hand: the readout and the diagram change; bad text is refused; training goes on", async () => {
    for (const screen of [
      { name: "1280x800", viewport: { width: 1280, height: 800 } },
      { name: "390x844", viewport: { width: 390, height: 844 }, touch: true },
    ]) {
      const { page, context, problems } = await openPage(
        built.browser,
        `${built.server.url}#dataset=xor&hidden=4&steps=20`,
        screen.viewport,
        { touch: screen.touch ?? false },
      );
      await ready(page);
      await canvas(page).scrollIntoViewIfNeeded();
      await canvas(page).focus();
      // w²₁₁: the first input's weight into the first hidden neuron.
      for (const key of ["ArrowDown", "Enter"]) await page.keyboard.press(key);
      const before = (await info(page).textContent()) ?? "";
      assert.match(before, /^Weight wˡⱼₖ with l = 2, j = 1, k = 1 /);
      const editor = page.locator("#view-network .parameter-editor");
      const field = editor.locator("input");
      assert.equal(await editor.isVisible(), true);
      assert.match((await editor.locator("label").textContent()) ?? "", /^Set w²₁₁ to$/);
      const pixelsBefore = await canvas(page).screenshot();
      // Bad input is refused in the field and never sent: the readout keeps its value.
      for (const bad of ["", "abc", "NaN", "1e9", "Infinity"]) {
        await field.fill(bad);
        await field.press("Enter");
        assert.equal(await field.getAttribute("aria-invalid"), "true", bad);
        assert.ok(
          ((await editor.locator(".parameter-editor-message").textContent()) ?? "").length > 5,
        );
        assert.equal(await info(page).textContent(), before, bad);
      }
      await field.fill("-2.5");
      await field.press("Enter");
      await info(page).filter({ hasText: "w = -2.5," }).waitFor({ timeout: 10000 });
      assert.equal(await field.getAttribute("aria-invalid"), "false");
      assert.equal(stepOf(await status(page).textContent()), 20, "setting a weight trains nothing");
      const pixelsAfter = await canvas(page).screenshot();
      assert.notDeepEqual(pixelsAfter, pixelsBefore, "the diagram shows the new weight");
      await page.screenshot({
        path: `${shots}/edit-weight-${screen.name}.png`,
        fullPage: screen.touch === true,
      });
      // A bias too: select the hidden neuron (Enter goes back to it) and set b.
      await canvas(page).focus();
      await page.keyboard.press("Enter");
      assert.match((await editor.locator("label").textContent()) ?? "", /^Set b²₁ to$/);
      await field.fill("0.75");
      await field.press("Enter");
      await info(page).filter({ hasText: "bias b = 0.75," }).waitFor({ timeout: 10000 });
      // The run goes on from the edited network: a Step moves the weight away from −2.5.
      await canvas(page).focus();
      await page.keyboard.press("Enter");
      await info(page).filter({ hasText: "w = -2.5," }).waitFor();
      await page.getByRole("button", { name: /^Step/ }).click();
      await status(page).filter({ hasText: "(step 21)" }).waitFor({ timeout: 10000 });
      const w = Number(/w = (-?[\d.e-]+),/.exec((await info(page).textContent()) ?? "")?.[1]);
      assert.ok(
        Number.isFinite(w) && w !== -2.5 && Math.abs(w + 2.5) < 0.5,
        `w after a step: ${w}`,
      );
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test("phone: the diagram with its toggles and maps fits 390 px; a tap selects a neuron", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=circle&features=x1,x2,x1sq&steps=40`,
      { width: 390, height: 844 },
      { touch: true },
    );
    await ready(page);
    await canvas(page).scrollIntoViewIfNeeded();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width} px wide`);
    const toggles = await page.locator("#view-network .feature-toggles").boundingBox();
    const c = await canvas(page).boundingBox();
    assert.ok(toggles.x + toggles.width <= c.x + 1, "the toggles sit beside the canvas");
    await page.locator("#view-network").screenshot({ path: `${shots}/network-390x844.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
