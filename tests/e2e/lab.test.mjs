// The vanishing-gradient lab in headless Chromium, against the built site served under a
// sub-path: the chain view (the seed's section 4) and the deep-network experiment on MNIST
// (Nielsen, chapter 5). Screenshots go to test-artifacts/.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { openPage } from "../support/chromium.js";
import { artifacts, siteRoot, useBuiltSite } from "./built-site.mjs";
import { pageWidthOverflow, paintedPixels } from "./playground-page.mjs";

const number = (text) => Number(text.replace("−", "-"));

/** The value shown after "∂C/∂b₁ = " and the backprop value, from the result line. */
async function result(page) {
  const text = (await page.locator(".chain-result").textContent()) ?? "";
  const m = /∂C\/∂b₁ = (\S+) · backprop \(the four equations, float32\): (\S+) —/.exec(text);
  assert.ok(m, `result line: ${text}`);
  return { product: number(m[1]), backprop: number(m[2]), text };
}

async function terms(page) {
  return page.locator(".chain-term").evaluateAll((items) =>
    items.map((li) => ({
      label: li.querySelector(".term-label")?.textContent ?? "",
      value: Number(li.querySelector(".term-value")?.textContent),
      running: Number(li.querySelector(".running-value")?.textContent),
      name: li.querySelector(".running-name")?.textContent ?? "",
      equation: li.querySelector(".term-equation")?.textContent ?? "",
    })),
  );
}

describe("the vanishing-gradient lab (built site under a sub-path)", () => {
  const built = useBuiltSite();

  test("the lab is reachable from the playground by its tabs and by URL", async () => {
    const { page, context, problems } = await openPage(built.browser, built.server.url);
    await page.getByRole("tab", { name: "Lab: the chain" }).click();
    await page
      .getByRole("heading", { name: "The simplest deep network: one neuron per layer" })
      .waitFor();
    assert.match(page.url(), /#.*view=chain/);
    await page.getByRole("tab", { name: "Lab: deep networks on MNIST" }).click();
    await page.getByRole("heading", { name: /Deep networks on MNIST/ }).waitFor();
    assert.match(page.url(), /view=vanishing/);
    await context.close();
    const direct = await openPage(built.browser, `${built.server.url}#view=vanishing`);
    await direct.page.getByRole("heading", { name: /Deep networks on MNIST/ }).waitFor();
    assert.equal(
      await direct.page
        .getByRole("tab", { name: "Lab: deep networks on MNIST" })
        .getAttribute("aria-selected"),
      "true",
    );
    // Before Run: each result card says what a run will show; the book's note (its λ = 5) only
    // under the book's training setting; the lab's layer numbering against the playground's.
    const d = direct.page;
    assert.equal(await d.locator(".lab-empty:visible").count(), 3);
    assert.match(await d.locator("#lab-vanishing-init .lab-empty").textContent(), /^Run to see /);
    const bookNote = d.getByText("Why the book's accuracy is higher");
    assert.equal(await bookNote.isVisible(), false);
    await d.getByRole("button", { name: "The book's training" }).click();
    await bookNote.waitFor();
    assert.match(
      await d.locator("#lab-vanishing").textContent(),
      /Hidden layer k here is Nielsen's layer l = k \+ 1/,
    );
    assert.deepEqual([...problems, ...direct.problems], []);
    await direct.context.close();
  });

  test("chain view: the product term by term equals backprop and follows every edit", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=chain`,
    );
    await page.locator(".chain-term").first().waitFor();
    let t = await terms(page);
    // Output → input, as backprop multiplies: each running value is ∂C/∂a_j or δ_j (BP1, BP2).
    assert.deepEqual(
      t.map((x) => x.label),
      ["∂C/∂a₄", "× σ′(z₄)", "× w₄", "× σ′(z₃)", "× w₃", "× σ′(z₂)", "× w₂", "× σ′(z₁)"],
    );
    assert.deepEqual(
      t.map((x) => x.name),
      [
        "∂C/∂a₄",
        "δ₄ = ∂C/∂b₄",
        "∂C/∂a₃",
        "δ₃ = ∂C/∂b₃",
        "∂C/∂a₂",
        "δ₂ = ∂C/∂b₂",
        "∂C/∂a₁",
        "δ₁ = ∂C/∂b₁",
      ],
    );
    assert.deepEqual(
      t.map((x) => x.equation),
      ["start", "BP1", "BP2", "BP2", "BP2", "BP2", "BP2", "BP2"],
    );
    const page1 = (await page.locator("main").textContent()) ?? "";
    assert.doesNotMatch(page1, /the seed|section 4/i, "no internal jargon");
    assert.equal(
      await page.getByRole("link", { name: /Nielsen, .*chapter 5/ }).getAttribute("href"),
      "http://neuralnetworksanddeeplearning.com/chap5.html",
    );
    const r = await result(page);
    assert.match(r.text, /equal to float precision/);
    // The running products are the products of the shown factors (4 significant digits each).
    const product = t.reduce((acc, x) => acc * x.value, 1);
    assert.ok(
      Math.abs(product - r.product) <= 0.01 * Math.abs(r.product),
      `${product} vs ${r.product}`,
    );
    assert.equal(t[t.length - 1].running, r.product);
    assert.ok(Math.abs(r.product) < 1e-3, "the default small weights make it vanish");
    await page.screenshot({ path: `${artifacts}/lab-chain-1280x800.png`, fullPage: true });

    // Type a weight: the factor, the product, backprop and the URL follow.
    await page.getByLabel("weight w_2", { exact: true }).fill("2.5");
    await page.getByLabel("weight w_2", { exact: true }).press("Enter");
    t = await terms(page);
    assert.equal(t[6].value, 2.5);
    const typed = await result(page);
    assert.notEqual(typed.product, r.product);
    assert.match(typed.text, /equal to float precision/);
    assert.match(decodeURIComponent(page.url()), /chainW=0\.8,2\.5,0\.7,0\.6/);

    // Drag (set) a slider: the number field and the product update live.
    await page.getByLabel("bias b_1 (slider)").fill("-1.5");
    assert.equal(await page.getByLabel("bias b_1", { exact: true }).inputValue(), "-1.5");
    const dragged = await result(page);
    assert.notEqual(dragged.product, typed.product);
    assert.match(dragged.text, /equal to float precision/);

    // Switch the activation: σ′ changes (tanh′ = 1 − tanh²), so does the ceiling in the text.
    await page.getByLabel("Activation σ").selectOption("tanh");
    const neuron1 = await page
      .locator(".chain-editor tbody tr")
      .first()
      .locator("td.readout")
      .allTextContents();
    const [z1, , sp1] = neuron1.map(number);
    assert.ok(
      Math.abs(sp1 - (1 - Math.tanh(z1) ** 2)) < 2e-3 * Math.max(1, sp1),
      `σ′ ${sp1} at z ${z1}`,
    );
    const why = (await page.locator(".lab-text").textContent()) ?? "";
    assert.match(why, /For tanh, σ′\(z\) ≤ 1/);
    // The paragraph and the factors follow the activation: no sigmoid ceiling of 1/4 for tanh.
    assert.match(why, /tanh′ is at most tanh′\(0\) = 1/);
    assert.doesNotMatch(why, /σ′ of the sigmoid is at most/);
    for (const f of await page.locator(".factor-list li").allTextContents())
      assert.doesNotMatch(f, /1\/4/, f);
    assert.match((await result(page)).text, /equal to float precision/);

    // Ten neurons: twenty factors.
    await page.getByLabel("Neurons n").selectOption("10");
    assert.equal((await terms(page)).length, 20);
    assert.match((await result(page)).text, /equal to float precision/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("chain view: Nielsen's exploding example, restored from its URL", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=chain`,
    );
    await page.getByRole("button", { name: "Nielsen's exploding example" }).click();
    const r = await result(page);
    assert.equal(r.product, 1953, "1/4 × 25³ × 1/2 for four neurons and y = 0");
    const factors = await page.locator(".factor-list li").allTextContents();
    assert.deepEqual(factors, [
      "|w₂ σ′(z₁)| = 25 > 1",
      "|w₃ σ′(z₂)| = 25 > 1",
      "|w₄ σ′(z₃)| = 25 > 1",
    ]);
    const url = page.url();
    assert.match(decodeURIComponent(url), /chainW=100,100,100,100&chainB=-100,-50,-50,-50/);
    await page.screenshot({
      path: `${artifacts}/lab-chain-exploding-1280x800.png`,
      fullPage: true,
    });
    const again = await openPage(built.browser, url);
    await again.page.locator(".chain-term").first().waitFor();
    assert.equal((await result(again.page)).product, 1953);
    assert.equal(await again.page.getByLabel("weight w_3", { exact: true }).inputValue(), "100");
    assert.deepEqual([...problems, ...again.problems], []);
    await again.context.close();
    await context.close();
  });

  test("chain view: the exploding preset's |∂C/∂b₁| exceeds 1 and grows with depth", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=chain`,
    );
    await page.locator(".chain-term").first().waitFor();
    for (const act of ["sigmoid", "tanh"]) {
      await page.getByLabel("Activation σ").selectOption(act);
      // tanh(0) = 0: a target of 0 would make ∂C/∂a_n = 0, so aim at 1.
      await page.getByLabel("Target y").fill("1");
      const seen = [];
      for (const n of [2, 3, 4, 5, 6]) {
        await page.getByLabel("Neurons n").selectOption(String(n));
        await page.getByRole("button", { name: "Nielsen's exploding example" }).click();
        seen.push(Math.abs((await result(page)).product));
      }
      for (let k = 0; k < seen.length; ++k) {
        assert.ok(seen[k] > 1, `${act}: |∂C/∂b₁| = ${seen[k]} with ${k + 2} neurons`);
        if (k > 0) assert.ok(seen[k] > seen[k - 1], `${act}: ${seen} must grow with depth`);
      }
      const growth = act === "sigmoid" ? 25 : 100;
      assert.ok(Math.abs(seen[4] / seen[3] - growth) < 0.01 * growth, `${act}: ${seen}`);
      assert.match(
        (await page.locator(".chain-exploding").textContent()) ?? "",
        new RegExp(`each factor is 100 × \\S+ = ${growth} `),
      );
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("chain view: a dead ReLU's zero gradients are drawn at a marked floor", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=chain&chainAct=relu&chainW=1,1,1,1&chainB=0.5,-5,1,1`,
    );
    await page.locator(".chain-term").first().waitFor();
    const box = page.locator(".lab-two-columns");
    await box
      .locator(".u-legend")
      .filter({ hasText: "0: no gradient (drawn at the floor)" })
      .waitFor();
    assert.match((await box.textContent()) ?? "", /0: no gradient/);
    assert.match(
      (await page.locator(".factor-list").textContent()) ?? "",
      /\|w₃ σ′\(z₂\)\| = 0 < 1/,
    );
    assert.match((await page.locator(".chain-vanishing").textContent()) ?? "", /exactly 0/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("chain view: a bad chain in the URL falls back with a notice; it fits a phone", async () => {
    const { page, context } = await openPage(
      built.browser,
      `${built.server.url}#view=chain&chainW=1,<b>x</b>&chainAct=softmax`,
      { width: 390, height: 844 },
    );
    await page.locator(".chain-term").first().waitFor();
    const notice = (await page.locator("#notices").textContent()) ?? "";
    assert.match(notice, /chainW: .*is not a number; default used/);
    assert.match(
      notice,
      /chainAct: "softmax" is not one of sigmoid, tanh, relu, leaky-relu, identity/,
    );
    assert.equal(await page.locator("#notices b").count(), 0, "URL text is never HTML");
    assert.equal((await terms(page)).length, 8, "the default chain");
    assert.ok((await pageWidthOverflow(page)) <= 0, "wider than a 390 px phone");
    await page.screenshot({ path: `${artifacts}/lab-chain-390x844.png`, fullPage: true });
    await context.close();
  });

  test("deep networks on MNIST: the chapter-5 pattern and the remedies", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing`,
    );
    const status = page.locator(".lab-status");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const started = Date.now();
    await status.filter({ hasText: /finished in/ }).waitFor({ timeout: 120000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `# default experiment (5 networks × 30 epochs on 1,000 digits): ${seconds.toFixed(1)} s; ${await status.textContent()}`,
    );
    // The summary names the networks as the menu does, not by their internal ids.
    const summary = (await status.textContent()) ?? "";
    assert.match(summary, /held-out accuracy sigmoid, N\(0, 1\/n_in\) \(the book\) \d/);
    assert.match(summary, /ReLU \+ He init \d/);
    assert.doesNotMatch(summary, /relu-he|leaky-relu-he/);
    const row = async (variant) =>
      await page.locator(`.speed-table tr[data-variant="${variant}"] td`).allTextContents();
    const book = await row("book");
    const speeds = book.slice(0, 4).map(Number);
    for (let k = 1; k < 4; ++k) assert.ok(speeds[k - 1] < speeds[k], `book speeds ${speeds}`);
    assert.ok(speeds[3] / speeds[0] >= 10, `book speeds ${speeds}`);
    const relu = (await row("relu-he")).slice(0, 4).map(Number);
    assert.ok(relu[3] / relu[0] < 5, `ReLU + He speeds ${relu}`);
    // Outcome: the remedy learns, the book's sigmoid network barely does in 30 epochs.
    const accuracy = async (variant) => parseFloat((await row(variant)).at(-1));
    assert.ok((await accuracy("relu-he")) > 80, `ReLU + He accuracy ${await accuracy("relu-he")}`);
    assert.ok((await accuracy("book")) < 30, `book accuracy ${await accuracy("book")}`);
    assert.match(
      (await page.locator(".speed-table tfoot").textContent()) ?? "",
      /0\.003.*0\.017.*0\.07.*0\.285/,
    );
    for (const id of ["lab-vanishing-init", "lab-vanishing-training", "lab-vanishing-accuracy"]) {
      const painted = await paintedPixels(page, id);
      assert.ok(painted.length > 0 && painted.every((n) => n > 500), `${id}: ${painted}`);
    }
    assert.equal(
      (await paintedPixels(page, "lab-vanishing-training")).length,
      5,
      "one chart per network",
    );
    assert.deepEqual(problems, []);
    await page.screenshot({ path: `${artifacts}/lab-vanishing-1280x800.png`, fullPage: true });
    await context.close();
  });

  test("deep networks: Stop ends a long run; the settings live in the URL", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing&labHidden=3&labEpochs=500&labBatch=1000&labL2=5&labVariants=book`,
    );
    assert.equal(await page.getByLabel("Hidden layers").inputValue(), "3");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page
      .locator('.speed-table tr[data-variant="book"] td')
      .first()
      .filter({ hasText: /\d/ })
      .waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: "Stop" }).click();
    await page
      .locator(".lab-status")
      .filter({ hasText: /stopped after/ })
      .waitFor({ timeout: 30000 });
    // The table after the latest epoch starts with the epoch ("…" before the first one ends).
    const epochText =
      (await page.locator('.latest-table tr[data-variant="book"] td').first().textContent()) ?? "";
    const epochs = epochText === "…" ? 0 : Number(epochText);
    assert.ok(epochs < 500, `ran ${epochs} epochs after Stop`);
    assert.equal(await page.getByRole("button", { name: "Run", exact: true }).isEnabled(), true);
    // The book's three-hidden-layer numbers sit beside ours.
    assert.match(
      (await page.locator(".speed-table tfoot").textContent()) ?? "",
      /0\.012.*0\.06.*0\.283/,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("deep networks: the learner’s own IDX files through the file picker; phone layout", async () => {
    const images = gunzipSync(await readFile(`${siteRoot}/data/mnist-10k-images-idx3-ubyte.gz`));
    const labels = gunzipSync(await readFile(`${siteRoot}/data/mnist-10k-labels-idx1-ubyte.gz`));
    const n = 1200;
    const im = Buffer.concat([images.subarray(0, 16), images.subarray(16, 16 + n * 784)]);
    im.writeUInt32BE(n, 4);
    const lb = Buffer.concat([labels.subarray(0, 8), labels.subarray(8, 8 + n)]);
    lb.writeUInt32BE(n, 4);
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#view=vanishing&labEpochs=2&labVariants=book,relu-he`,
      { width: 390, height: 844 },
    );
    await page.getByLabel("Data", { exact: true }).selectOption("files");
    await page.getByLabel("IDX images (.gz or plain)").setInputFiles({
      name: "my-images-idx3-ubyte.gz",
      mimeType: "application/gzip",
      buffer: gzipSync(im),
    });
    await page.getByLabel("IDX labels").setInputFiles({
      name: "my-labels-idx1-ubyte",
      mimeType: "application/octet-stream",
      buffer: lb,
    });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const status = page.locator(".lab-status");
    await status.filter({ hasText: /finished in/ }).waitFor({ timeout: 60000 });
    const text = (await status.textContent()) ?? "";
    assert.match(
      text,
      /my-images-idx3-ubyte\.gz \+ my-labels-idx1-ubyte: 1,200 images of 784 pixels, 10 classes/,
    );
    const book = (await page.locator('.speed-table tr[data-variant="book"] td').allTextContents())
      .slice(0, 4)
      .map(Number);
    assert.ok(book[3] / book[0] >= 10, `${book}`);
    await page.screenshot({ path: `${artifacts}/lab-vanishing-390x844.png`, fullPage: true });
    assert.ok((await pageWidthOverflow(page)) <= 0, "wider than a 390 px phone");
    // A file that is not IDX: a clear error, and the view keeps working.
    await page.getByLabel("IDX images (.gz or plain)").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("not an idx file at all"),
    });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await status.filter({ hasText: /Stopped: .*magic/i }).waitFor({ timeout: 30000 });
    assert.equal(await page.getByRole("button", { name: "Run", exact: true }).isEnabled(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
