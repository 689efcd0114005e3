// The MNIST lab's "book's training" run, timed: [784, 30, 30, 30, 30, 10] networks on the 9,000
// bundled training digits (mini-batches of 10, η = 0.1, λ = 5, 30 epochs, seed 1), held-out
// accuracy on the next 1,000. Once through the npm package in Node (the book's sigmoid network
// alone, as `gradscope vanishing` runs it) and once on the built page in headless Chromium (all
// five networks in parallel Web Workers, one per core), whose book row must equal the package's.
// Figures for docs/performance.md and docs/vanishing.md (bench/report.mjs).
//   node bench/lab_book_bench.mjs <out.json>
import { readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { init, vanishingRun } from "gradscope";
import { launchChromium, openPage } from "../tests/support/chromium.js";
import { startStaticServer } from "../tests/support/static-server.js";

const [outFile] = process.argv.slice(2);
const root = fileURLToPath(new URL("../dist", import.meta.url));
const EPOCHS = 30;
const options = {
  layers: [784, 30, 30, 30, 30, 10],
  activation: "sigmoid",
  init: "scaled",
  cost: "cross-entropy",
  output: "sigmoid",
  seed: 1,
  samples: 9000,
  testSamples: 1000,
  epochs: EPOCHS,
  batchSize: 10,
  learningRate: 0.1,
  l2: 5,
};

const loadStart = loadavg()
  .map((v) => v.toFixed(2))
  .join(" ");
const gs = await init();
const data = gs.datasets.idxDataset(
  gunzipSync(await readFile(`${root}/data/mnist-10k-images-idx3-ubyte.gz`)),
  gunzipSync(await readFile(`${root}/data/mnist-10k-labels-idx1-ubyte.gz`)),
);
let started = performance.now();
const points = [...vanishingRun(gs, data, options)];
const nodeSeconds = (performance.now() - started) / 1000;
console.error(`bench: lab book training in Node: ${nodeSeconds.toFixed(1)} s`);

const server = await startStaticServer({ root, base: "/bench/" });
const browser = await launchChromium();
let page_;
try {
  const variants = "book,relu-he,tanh,leaky-relu-he,large";
  const url =
    `${server.url}#view=vanishing&labSamples=9000&labEpochs=${EPOCHS}&labBatch=10&labRate=0.1` +
    `&labL2=5&labSeed=1&labVariants=${variants}`;
  const { page, context } = await openPage(browser, url);
  await page.getByRole("button", { name: "Run", exact: true }).waitFor();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  started = performance.now();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page
    .locator(".lab-status")
    .filter({ hasText: /finished in/ })
    .waitFor({ timeout: 1_800_000 });
  const pageSeconds = (performance.now() - started) / 1000;
  const rows = {};
  for (const v of variants.split(",")) {
    const values = (table) =>
      page
        .locator(`.${table} tr[data-variant="${v}"] td`)
        .evaluateAll((tds) =>
          tds.map((td) => (td.dataset.value === undefined ? null : Number(td.dataset.value))),
        );
    const init_ = await values("initial-table");
    const latest = await values("latest-table");
    rows[v] = {
      speedsInit: init_.slice(0, 4),
      testInit: init_[5],
      speedsEnd: latest.slice(1, 5),
      trainEnd: latest[6],
      testEnd: latest[7],
    };
  }
  page_ = {
    seconds: pageSeconds,
    cores,
    workers: Math.min(cores, 5),
    status: await page.locator(".lab-status").textContent(),
    rows,
  };
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
const last = points.at(-1);
const same =
  JSON.stringify(page_.rows.book.speedsEnd) === JSON.stringify(last.speeds) &&
  page_.rows.book.testEnd === last.test.accuracy;
const result = {
  options,
  load: `${loadStart} / ${loadavg()
    .map((v) => v.toFixed(2))
    .join(" ")}`,
  node: {
    seconds: nodeSeconds,
    imagesPerSecond: (9000 * EPOCHS) / nodeSeconds,
    history: points.map((p) => ({
      epoch: p.epoch,
      speeds: p.speeds,
      train: p.train.accuracy,
      test: p.test.accuracy,
    })),
  },
  page: page_,
  pageEqualsPackage: same,
};
await writeFile(outFile, JSON.stringify(result));
console.error(
  `bench: lab book training on the page (5 networks, ${page_.workers} workers): ${page_.seconds.toFixed(1)} s; ` +
    `book held-out ${(100 * last.test.accuracy).toFixed(1)}%; page = package: ${same}`,
);
if (!same) process.exitCode = 1;
