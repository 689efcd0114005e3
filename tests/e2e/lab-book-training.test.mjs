// The MNIST lab's "book's training" setting in headless Chromium: the page's run (in parallel Web
// Workers) gives the same numbers, to the last bit, as the package's vanishingRun (what the CLI
// prints) for a short version of the run; nothing is concluded before a run and what is concluded
// after it comes from its numbers; the tables say what they show.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { init, vanishingRun } from "gradscope";
import { openPage } from "../support/chromium.js";
import { artifacts, siteRoot, useBuiltSite } from "./built-site.mjs";
import { pageWidthOverflow } from "./playground-page.mjs";

const EPOCHS = 2;
const BOOK = `labSamples=9000&labEpochs=${EPOCHS}&labBatch=10&labRate=0.1&labL2=5&labSeed=1`;

/** The package's run of the same experiment (what `gradscope vanishing --json` prints). */
async function packageRun(activation, init_) {
  const gs = await init();
  const data = gs.datasets.idxDataset(
    gunzipSync(await readFile(`${siteRoot}/data/mnist-10k-images-idx3-ubyte.gz`)),
    gunzipSync(await readFile(`${siteRoot}/data/mnist-10k-labels-idx1-ubyte.gz`)),
  );
  return [
    ...vanishingRun(gs, data, {
      layers: [784, 30, 30, 30, 30, 10],
      activation,
      init: init_,
      cost: "cross-entropy",
      output: "sigmoid",
      seed: 1,
      samples: 9000,
      testSamples: 1000,
      epochs: EPOCHS,
      batchSize: 10,
      learningRate: 0.1,
      l2: 5,
    }),
  ];
}

/** The full-precision numbers of a network's row in one of the two tables. */
async function rowValues(page, table, variant) {
  return page
    .locator(`.${table} tr[data-variant="${variant}"] td`)
    .evaluateAll((tds) =>
      tds.map((td) => (td.dataset.value === undefined ? null : Number(td.dataset.value))),
    );
}

describe("the MNIST lab's book's training (built site)", () => {
  const built = useBuiltSite();

  test("the page's run equals the package's, bit for bit; conclusions only after the run", async () => {
    const expected = {
      book: await packageRun("sigmoid", "scaled"),
      "relu-he": await packageRun("relu", "he"),
    };
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing&${BOOK}&labVariants=book,relu-he,tanh`,
      { width: 1280, height: 800 },
      // Three cores: three networks, so three workers side by side.
      {
        prepare: (p) =>
          p.addInitScript(() =>
            Object.defineProperty(navigator, "hardwareConcurrency", { get: () => 3 }),
          ),
      },
    );
    await page.getByRole("heading", { name: /Deep networks on MNIST/ }).waitFor();
    assert.equal(await page.getByLabel("Training images").inputValue(), "9000");
    const before = (await page.locator("main").textContent()) ?? "";
    assert.doesNotMatch(
      before,
      /slower|more slowly|barely|persists|In this run/,
      "nothing concluded before a run",
    );
    assert.equal(await page.locator(".latest-table").isVisible(), false);
    assert.match(before, /50,000 training images and reports ≈96\.5 %/);
    await page.screenshot({
      path: `${artifacts}/lab-vanishing-book-before-1280x800.png`,
      fullPage: true,
    });

    await page.getByRole("button", { name: "Run", exact: true }).click();
    const status = page.locator(".lab-status");
    await status.filter({ hasText: /finished in/ }).waitFor({ timeout: 240_000 });
    assert.match((await status.textContent()) ?? "", /on 3 Web Workers/);
    assert.equal(await page.locator("progress.lab-progress").evaluate((p) => p.value), 1);

    for (const [variant, points] of Object.entries(expected)) {
      const first = points[0];
      const last = points.at(-1);
      // At initialisation: four speeds, the ratio (text), the held-out accuracy.
      const init_ = await rowValues(page, "initial-table", variant);
      assert.deepEqual(init_.slice(0, 4), first.speeds, `${variant} speeds at initialisation`);
      assert.equal(init_[5], first.test.accuracy, `${variant} held-out accuracy at initialisation`);
      // After the last epoch: epoch, four speeds, ratio, training and held-out accuracy.
      const latest = await rowValues(page, "latest-table", variant);
      assert.equal(latest[0], EPOCHS);
      assert.deepEqual(latest.slice(1, 5), last.speeds, `${variant} speeds after epoch ${EPOCHS}`);
      assert.equal(latest[6], last.train.accuracy, `${variant} training accuracy`);
      assert.equal(latest[7], last.test.accuracy, `${variant} held-out accuracy`);
    }
    // The conclusions are this run's numbers.
    const book = expected.book;
    const said = (await page.locator(".lab-conclusions").textContent()) ?? "";
    const r0 = book[0].speeds[3] / book[0].speeds[0];
    const shown = Number(r0.toPrecision(4)).toString();
    assert.ok(
      said.includes(
        `(the book): in this run at initialisation hidden layer 1 learned ${shown}× slower than hidden layer 4`,
      ),
      said,
    );
    assert.match(said, /9,000 training images, 1,000 held out/);
    assert.match(said, new RegExp(`after epoch ${EPOCHS} hidden layer 1 learned`));
    const acc = (v) => `${(100 * v).toFixed(1)}%`;
    assert.ok(
      said.includes(
        `held-out accuracy went from ${acc(book[0].test.accuracy)} to ${acc(book.at(-1).test.accuracy)}`,
      ),
      said,
    );
    assert.doesNotMatch(said, /not a number|undefined|NaN/);
    await page.screenshot({
      path: `${artifacts}/lab-vanishing-book-after-1280x800.png`,
      fullPage: true,
    });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the named settings, the tables' captions and a phone", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing&labEpochs=1&labVariants=book,relu-he`,
      { width: 390, height: 844 },
    );
    await page.getByRole("button", { name: "The book's training" }).click();
    assert.match(page.url(), /labSamples=9000/);
    assert.match(
      (await page.locator(".lab-setting").textContent()) ?? "",
      /^Training: the book's training — .*9,000 training digits.*λ = 5 \(λ\/n with n = 9,000\), 30 epochs/,
    );
    await page.getByRole("button", { name: "The book's speed figure" }).click();
    assert.match(page.url(), /labSamples=1000&.*labBatch=1000/);
    assert.match(
      (await page.locator(".lab-setting").textContent()) ?? "",
      /speed figure.*500 epochs/,
    );
    await page.getByLabel("Epochs of training").fill("1");
    await page.getByLabel("Epochs of training").dispatchEvent("change");
    assert.match((await page.locator(".lab-setting").textContent()) ?? "", /your own setting/);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page
      .locator(".lab-status")
      .filter({ hasText: /finished in/ })
      .waitFor({ timeout: 120_000 });
    const initCaption = (await page.locator(".initial-table caption").textContent()) ?? "";
    assert.match(initCaption, /^At initialisation/);
    const initHeads = await page.locator(".initial-table thead th").allTextContents();
    assert.ok(!initHeads.some((h) => /now|latest|epoch/.test(h)), `${initHeads}`);
    assert.match(
      (await page.locator(".latest-table caption").textContent()) ?? "",
      /^After the latest epoch/,
    );
    assert.ok((await pageWidthOverflow(page)) <= 0, "wider than a 390 px phone");
    // The tables scroll inside their box rather than push the page wider.
    const box = await page.locator(".table-scroll").evaluate((e) => ({
      sw: e.scrollWidth,
      cw: e.clientWidth,
      ow: e.getBoundingClientRect().right,
    }));
    assert.ok(box.ow <= 390, JSON.stringify(box));
    await page.screenshot({ path: `${artifacts}/lab-vanishing-after-390x844.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
