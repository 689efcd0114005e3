// The "Backprop, step by step" tab in headless Chromium against the built site: every number the
// page shows, on every step, equals the package's net.trace computed in Node for the same URL —
// the run reproduced by the page's own TrainingRun (web/src/model/training-run.ts, compiled by tsc
// as the worker's code), with the same settings, seeds and steps, and the same wasm flavour
// (SIMD: Chromium loads it, and Node is told to), so the comparison is exact (String(value) of
// each float). Also: opening the tab pauses training and re-traces after more training; a new run
// voids the trace; `sample=` round-trips and a bad one gets its notice; the picker works by index,
// by clicking a point and by a digit; a phone; the strict CSP.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { init } from "gradscope";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { useBuiltSite } from "./built-site.mjs";
import { pageWidthOverflow } from "./playground-page.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
/** The view's screenshots (looked at, not compared): the frame, the picker and the first step. */
const shots = `${repo}build/screenshots/backprop`;
const modulesDir = `${repo}build/e2e-run-modules/web/src`;

/** Three bp1 forms, depths 1–3, both sets, λ = 0 and λ > 0, a 2-D set and MNIST. */
const URLS = {
  // Sigmoid + cross-entropy (the shortcut δᴸ = aᴸ − y), two hidden layers, λ > 0.
  shortcut:
    "#view=backprop&dataset=xor&hidden=5,3&activation=tanh&output=sigmoid&cost=cross-entropy" +
    "&l2=0.5&steps=300&sample=train:12",
  // Softmax + quadratic: BP1 through the softmax Jacobian.
  jacobian:
    "#view=backprop&dataset=circle&hidden=4&output=softmax&cost=quadratic&learningRate=0.5" +
    "&steps=50&sample=test:3",
  // Sigmoid + quadratic (the Hadamard product), three ReLU layers.
  hadamard:
    "#view=backprop&dataset=spiral&hidden=6,5,4&activation=relu&init=he&output=sigmoid" +
    "&cost=quadratic&learningRate=0.05&steps=120&sample=test:7",
  // MNIST's preset (softmax + log-likelihood), a test digit.
  mnist: "#view=backprop&dataset=mnist&steps=20&sample=test:3",
  // Issue 14: L1 beside L2, and input features (a¹ = x₁, x₂, x₁² of the point).
  l1: "#view=backprop&dataset=circle&hidden=4,3&features=x1,x2,x1sq&l1=0.3&l2=0.1&steps=80&sample=train:5",
};

/** The page's own modules, compiled for Node (tests/e2e/run-modules.tsconfig.json). */
let modules;
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
      ...(await import(`${modulesDir}/model/bundled-mnist.js`)),
      ...(await import(`${modulesDir}/state/settings.js`)),
    };
  }
  return modules;
}

/**
 * The worker's reply for `hash`, computed in Node: the page's settings parser and TrainingRun,
 * `steps` mini-batches, then TrainingRun.trace (net.trace with the run's η, λ and n).
 */
async function packageTrace(hash, siteUrl, steps, sample) {
  const m = await pageModules();
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const { value: settings, problems } = m.parseSettings(params);
  assert.deepEqual(problems, [], hash);
  const gs = await init({ flavour: "simd" });
  const digits =
    settings.dataset === "mnist" ? await m.fetchIdxDataset(gs, m.bundledMnistUrls(siteUrl)) : null;
  const run = new m.TrainingRun(gs, settings, digits);
  try {
    if (steps > 0) run.step(steps);
    return run.trace(sample);
  } finally {
    run.dispose();
  }
}

function sampleOf(hash) {
  const [set, index] = (
    new URLSearchParams(hash.replace(/^#/, "")).get("sample") ?? "train:0"
  ).split(":");
  return { set, index: Number(index) };
}

/** The value at a data-path such as `layers[1].weightGradient[7]` or `cost`. */
function valueAt(trace, path) {
  let v = trace;
  for (const [, name, index] of path.matchAll(/\.?([A-Za-z]+)|\[(\d+)\]/g)) {
    v = v?.[name ?? Number(index)];
  }
  return v;
}

const traced = (page) => page.locator(".backprop-status[data-traced]");

/** Waits until the view shows the trace of `sample` at `step`. */
async function waitForTrace(page, sample, step, timeout = 60_000) {
  await page
    .locator(`.backprop-status[data-traced="${sample.set}:${sample.index}@${step}"]`)
    .waitFor({ timeout });
}

/**
 * The step of the trace shown once it stays put (a pause inside an update sends one more
 * snapshot, which is traced again).
 */
async function steadyStep(page) {
  let last = null;
  for (;;) {
    await traced(page).waitFor();
    const now = await traced(page).getAttribute("data-traced");
    if (now === last) return Number(/@(\d+)$/.exec(now)?.[1]);
    last = now;
    await page.waitForTimeout(400);
  }
}

/** Every `[data-path]` of the steps area now shown: [path, data-value] pairs. */
function shownValues(page) {
  return page
    .locator(".backprop-steps [data-path]")
    .evaluateAll((els) => els.map((e) => [e.dataset.path, e.dataset.value]));
}

/**
 * Walks every step with the next button (or → with focus inside), opening every "show all", and
 * checks each shown value against `expected`. Returns the number of steps and the paths seen.
 */
async function walkAndCompare(page, expected, { keys = false, label }) {
  const steps = page.locator(".backprop-steps");
  const next = steps.getByRole("button", { name: "Next →" });
  const readout = steps.locator(".bp-readout");
  const seen = new Set();
  let count = 0;
  const check = (path, value, where) => {
    const want = valueAt(expected, path);
    assert.equal(typeof want, "number", `${label}: ${path} is not a number of the trace`);
    assert.equal(value, String(want), `${label} step ${count}${where}: ${path}`);
    seen.add(path);
  };
  for (;;) {
    count++;
    for (const more of await steps.getByRole("button", { name: /^show all/ }).all())
      if (await more.isVisible()) await more.click();
    for (const [path, value] of await shownValues(page)) check(path, value, "");
    // A heatmap's entries are read through the readout: its first entry on focus, one down and
    // right with the keys, and one near the far corner under the pointer.
    for (const heat of await steps.locator(".bp-heat canvas").all()) {
      if (!(await heat.isVisible())) continue;
      const read = async (how) => {
        const [path, value] = await readout.evaluate((e) => [e.dataset.path, e.dataset.value]);
        assert.ok(path, `${label} step ${count}: the readout names no entry after ${how}`);
        check(path, value, ` (heatmap, ${how})`);
      };
      await heat.focus();
      await read("focus");
      // One pixel per entry: rows × cols. (At an edge the arrow would go to the stepper.)
      const [cols, rows] = await heat.evaluate((c) => [c.width, c.height]);
      if (rows > 1) await page.keyboard.press("ArrowDown");
      if (cols > 1) await page.keyboard.press("ArrowRight");
      if (rows > 1 || cols > 1) await read("keys");
      const box = await heat.boundingBox();
      if (box) {
        await heat.hover({ position: { x: box.width * 0.9, y: box.height * 0.9 } });
        await read("pointer");
      }
    }
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    assert.ok(count < 200, `${label}: more than 200 steps`);
    if (keys) {
      await next.focus();
      await page.keyboard.press(count % 2 ? "ArrowRight" : "PageDown");
    } else await next.click();
  }
  return { count, seen };
}

/**
 * The trace fields every walk must have shown at least one entry of. With an exact shortcut
 * (δᴸ = aᴸ − y) BP1 needs neither ∂C/∂aᴸ nor σ′(zᴸ); otherwise both (or the softmax Jacobian).
 */
function requiredFields(trace) {
  const fields = ["input", "target", "cost", "costAfter"];
  const shortcut = trace.bp1Form === "shortcut";
  trace.layers.forEach((l, i) => {
    for (const f of ["weights", "biases", "z", "a", "delta", "biasGradient", "weightGradient"])
      fields.push(`layers[${i}].${f}`);
    if (l.weightedError)
      fields.push(`layers[${i}].weightedError`, `layers[${i}].activationDerivative`);
    if (l.costGradient && !shortcut) fields.push(`layers[${i}].costGradient`);
    if (l.outputJacobian && !shortcut) fields.push(`layers[${i}].outputJacobian`);
    if (trace.bp1Form === "hadamard" && l.costGradient)
      fields.push(`layers[${i}].activationDerivative`);
  });
  trace.updated?.forEach((_, i) => fields.push(`updated[${i}].weights`, `updated[${i}].biases`));
  return fields;
}

describe("the backprop view (built site)", () => {
  const built = useBuiltSite();
  before(async () => {
    await mkdir(shots, { recursive: true });
    await pageModules();
  });

  for (const [name, hash] of Object.entries(URLS)) {
    test(`${name}: every number on every step equals the package's net.trace in Node`, async () => {
      const params = new URLSearchParams(hash.slice(1));
      const steps = Number(params.get("steps"));
      const sample = sampleOf(hash);
      const { page, context, problems } = await openPage(built.browser, built.server.url + hash);
      await waitForTrace(page, sample, steps, 120_000);
      if (params.has("features")) {
        // The first step shows a¹: its entries are named by the chosen features, in order.
        const names = await page
          .locator('.bp-cell[data-path^="input["]')
          .evaluateAll((cells) => cells.map((c) => /\(row: (.+)\)$/.exec(c.dataset.readout)?.[1]));
        assert.deepEqual(names, ["x₁", "x₂", "x₁²"]);
      }
      // Same flavour on both sides: the page loaded the SIMD build, as Node does here.
      assert.ok(
        built.server.requests.some((p) => /gradscope-simd[^/]*\.wasm$/.test(p)),
        "the page loaded the SIMD wasm",
      );
      const reply = await packageTrace(hash, built.server.url, steps, sample);
      // Non-breaking spaces keep a symbol with its value; compared here as plain spaces.
      const shown = (await traced(page).textContent()) ?? "";
      assert.match(shown, /η\u00a0=\u00a0/);
      const status = shown.replace(/\u00a0/g, " ");
      const batches = steps === 1 ? "mini-batch" : "mini-batches";
      assert.ok(
        status.startsWith(`Snapshot after ${steps.toLocaleString("en")} ${batches} `),
        status,
      );
      assert.ok(status.includes(reply.sampleLabel), `${status} names ${reply.sampleLabel}`);
      assert.equal(await page.locator(".backprop-sample-label").textContent(), reply.sampleLabel);
      const { count, seen } = await walkAndCompare(page, reply.trace, {
        keys: name === "jacobian",
        label: name,
      });
      const fields = new Set([...seen].map((p) => p.replace(/\[\d+\]$/, "")));
      for (const f of requiredFields(reply.trace))
        assert.ok(fields.has(f), `${name}: no step shows ${f} (seen: ${[...fields].join(", ")})`);
      console.log(`# ${name}: ${count} steps, ${seen.size} values equal to the package's`);
      // The update shown is the rule the caption names, with the URL's η, λ and λ₁ (independent
      // of TrainingRun, which both sides share): w → (1 − ηλ/n) w − (ηλ₁/n) sgn(w) − η ∂C/∂w,
      // b → b − η ∂C/∂b.
      const {
        learningRate: eta,
        l2: lambda,
        l1,
      } = (await pageModules()).parseSettings(params).value;
      assert.ok(status.includes(`η = ${eta}, `), status);
      const n = Number(/n = ([\d,]+)/.exec(status)?.[1]?.replace(/,/g, "") ?? NaN);
      if (lambda > 0) assert.ok(status.includes(`λ = ${lambda}, `) && n > 0, status);
      if (l1 > 0) assert.ok(status.includes(`λ₁ = ${l1}, n = `) && n > 0, status);
      if (lambda === 0 && l1 === 0) assert.ok(status.includes("no L2 (λ = 0)"), status);
      reply.trace.layers.forEach((l, i) => {
        const u = reply.trace.updated[i];
        const decay = lambda > 0 ? 1 - (eta * lambda) / n : 1;
        l.weights.forEach((w, k) => {
          // Without L1 the status names no n (n is NaN here), and the L1 term is 0.
          const shrink = l1 > 0 ? ((eta * l1) / n) * Math.sign(w) : 0;
          const want = decay * w - shrink - eta * l.weightGradient[k];
          assert.ok(
            Math.abs(u.weights[k] - want) <= 1e-6 * (1 + Math.abs(want)),
            `${name} w ${i} ${k}`,
          );
        });
        l.biases.forEach((b, k) => {
          const want = b - eta * l.biasGradient[k];
          assert.ok(
            Math.abs(u.biases[k] - want) <= 1e-6 * (1 + Math.abs(want)),
            `${name} b ${i} ${k}`,
          );
        });
      });
      // The tab shows the playground's run at that step, paused.
      assert.equal(
        await page
          .locator("#status")
          .textContent()
          .then((t) => /\(step (\d+)\)/.exec(t)?.[1]),
        String(steps),
      );
      await page.screenshot({ path: `${shots}/${name}-1280x800.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("opening the tab pauses training; more training is traced anew; a new run voids the trace", async () => {
    const hash = "#dataset=gaussians&hidden=3&speed=3";
    const { page, context, problems } = await openPage(built.browser, built.server.url + hash);
    const status = page.locator("#status");
    await status.filter({ hasText: "test accuracy" }).waitFor();
    await page.getByRole("button", { name: /^Play/ }).click();
    await status.filter({ hasText: /\(step [1-9]\d+\)/ }).waitFor();
    await page.getByRole("tab", { name: "Backprop, step by step" }).click();
    const k = await steadyStep(page);
    assert.ok(k > 0);
    // Paused: the play button says Play, and the step stays where it was traced.
    await page.waitForTimeout(500);
    assert.equal(
      await page.locator("button[aria-pressed]").first().getAttribute("aria-pressed"),
      "false",
    );
    assert.equal(await steadyStep(page), k);
    const playgroundStep = Number(/\(step (\d+)\)/.exec(await status.textContent())?.[1]);
    assert.equal(playgroundStep, k, "the trace is of the snapshot the playground shows");
    const first = await packageTrace(hash, built.server.url, k, { set: "train", index: 0 });
    await walkAndCompare(page, first.trace, { label: `step ${k}` });

    // Train more on the playground tab, come back: traced again at the new step.
    await page.getByRole("tab", { name: "Playground" }).click();
    await page.getByRole("button", { name: /^Play/ }).click();
    await status.filter({ hasText: new RegExp(`\\(step (?!${k}\\))\\d+\\)`) }).waitFor();
    await page.getByRole("tab", { name: "Backprop, step by step" }).click();
    await page.waitForFunction((k) => {
      const t = document.querySelector(".backprop-status")?.dataset.traced;
      return t !== undefined && !t.endsWith(`@${k}`);
    }, k);
    const k2 = await steadyStep(page);
    assert.ok(k2 > k, `${k2} > ${k}`);
    const second = await packageTrace(hash, built.server.url, k2, { set: "train", index: 0 });
    await walkAndCompare(page, second.trace, { label: `step ${k2}` });

    // New weights on the playground: a new run, step 0, the old trace is gone.
    await page.getByRole("tab", { name: "Playground" }).click();
    await page.getByRole("button", { name: "New weights" }).click();
    await status.filter({ hasText: "(step 0)" }).waitFor();
    await page.getByRole("tab", { name: "Backprop, step by step" }).click();
    await waitForTrace(page, { set: "train", index: 0 }, 0);
    const fresh = await packageTrace(new URL(page.url()).hash, built.server.url, 0, {
      set: "train",
      index: 0,
    });
    await walkAndCompare(page, fresh.trace, { label: "new weights" });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("sample= round-trips; the picker by index, set, point and digit; bad values get notices", async () => {
    const base = "#view=backprop&dataset=xor&hidden=4";
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}${base}&sample=train:99999`,
    );
    const notices = page.locator("#notices");
    await notices
      .filter({
        hasText: "sample: train:99999 is out of range (training samples: 0 … 199); train:0 used",
      })
      .waitFor();
    await waitForTrace(page, { set: "train", index: 0 }, 0);
    assert.doesNotMatch(page.url(), /sample=/);

    // By index: the URL, the label, the trace follow.
    const index = page.getByLabel(/Index in the training set/);
    await index.fill("5");
    await index.press("Enter");
    await waitForTrace(page, { set: "train", index: 5 }, 0);
    assert.match(page.url(), /sample=train:5(&|$)/);
    assert.match(
      (await page.locator(".backprop-sample-label").textContent()) ?? "",
      /^training sample 5 \(class [01]\)$/,
    );
    // The test set keeps the index.
    await page.getByRole("radio", { name: "test set" }).check();
    await waitForTrace(page, { set: "test", index: 5 }, 0);
    assert.match(page.url(), /sample=test:5(&|$)/);
    // A click picks the nearest test point; ← and → step through the samples.
    const canvas = page.locator("canvas.backprop-points");
    const box = await canvas.boundingBox();
    await canvas.click({ position: { x: 3, y: 3 } });
    await page.waitForFunction(() => !/sample=test:5(&|$)/.test(location.hash));
    const picked = Number(/sample=test:(\d+)/.exec(page.url())?.[1]);
    assert.ok(box && Number.isInteger(picked));
    await waitForTrace(page, { set: "test", index: picked }, 0);
    await canvas.focus();
    await page.keyboard.press(picked > 0 ? "ArrowLeft" : "ArrowRight");
    const stepped = picked > 0 ? picked - 1 : picked + 1;
    await waitForTrace(page, { set: "test", index: stepped }, 0);
    // A typed index out of range: a notice, the sample kept.
    const testIndex = page.getByLabel(/Index in the test set/);
    await testIndex.fill("4000");
    await testIndex.press("Enter");
    await notices
      .filter({ hasText: `index "4000" is not a test sample (0 … 199); ${stepped} kept` })
      .waitFor();
    assert.equal(await testIndex.inputValue(), String(stepped));

    // The URL carries the sample to a fresh page.
    const url = page.url();
    const again = await openPage(built.browser, url);
    await waitForTrace(again.page, { set: "test", index: stepped }, 0);
    assert.equal(
      await again.page.getByLabel(/Index in the test set/).inputValue(),
      String(stepped),
    );
    assert.ok(await again.page.getByRole("radio", { name: "test set" }).isChecked());
    await again.context.close();

    // A malformed value: its notice, train:0.
    const bad = await openPage(built.browser, `${built.server.url}${base}&sample=valid:3`);
    await bad.page
      .locator("#notices")
      .filter({ hasText: 'sample: "valid:3" is not train:<index> or test:<index>; default used' })
      .waitFor();
    await waitForTrace(bad.page, { set: "train", index: 0 }, 0);
    await bad.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("MNIST: a digit of the grid is picked by click and by keyboard", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=backprop&dataset=mnist&sample=test:3`,
    );
    await waitForTrace(page, { set: "test", index: 3 }, 0, 120_000);
    const digit = page.getByRole("button", { name: /^test digit 10, a \d$/ });
    await digit.click();
    await waitForTrace(page, { set: "test", index: 10 }, 0);
    assert.equal(await digit.getAttribute("aria-pressed"), "true");
    assert.match(page.url(), /sample=test:10(&|$)/);
    // Arrow keys move between digits; Enter picks.
    await digit.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await waitForTrace(page, { set: "test", index: 18 }, 0);
    const label = (await page.locator(".backprop-sample-label").textContent()) ?? "";
    assert.match(label, /^test sample 18 \(digit \d\)$/);
    assert.ok(
      (
        await page.getByRole("button", { name: /^test digit 18, a \d$/ }).getAttribute("aria-label")
      )?.endsWith(label.slice(-2, -1)),
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a phone: 390 × 844, no sideways scroll; screenshots at 390 × 844 and 150 %", async () => {
    for (const [name, hash] of [
      ["2d", URLS.shortcut],
      ["mnist", URLS.mnist],
    ]) {
      const sample = sampleOf(hash);
      const steps = Number(new URLSearchParams(hash.slice(1)).get("steps"));
      const phone = await openPage(built.browser, built.server.url + hash, {
        width: 390,
        height: 844,
      });
      await waitForTrace(phone.page, sample, steps, 120_000);
      assert.ok((await pageWidthOverflow(phone.page)) <= 0, `${name}: wider than a 390 px phone`);
      await phone.page.screenshot({
        path: `${shots}/${name}-390x844.png`,
        fullPage: true,
      });
      assert.deepEqual(phone.problems, []);
      await phone.context.close();
      const zoom = await openPage(
        built.browser,
        built.server.url + hash,
        { width: 853, height: 533 },
        { deviceScaleFactor: 1.5 },
      );
      await waitForTrace(zoom.page, sample, steps, 120_000);
      assert.ok((await pageWidthOverflow(zoom.page)) <= 0, `${name}: wider than 853 px`);
      await zoom.page.screenshot({
        path: `${shots}/${name}-150pct.png`,
        fullPage: true,
      });
      assert.deepEqual(zoom.problems, []);
      await zoom.context.close();
    }
  });
});

describe("the backprop view under the strict CSP", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("traces and steps through with zero CSP violations", async () => {
    let violations;
    const { page, context, problems } = await openPage(
      built.browser,
      built.server.url + URLS.jacobian,
      undefined,
      {
        prepare: async (p) => {
          violations = await recordCspViolations(p);
        },
      },
    );
    await waitForTrace(page, sampleOf(URLS.jacobian), 50, 120_000);
    const reply = await packageTrace(URLS.jacobian, built.server.url, 50, sampleOf(URLS.jacobian));
    await walkAndCompare(page, reply.trace, { label: "csp" });
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
