// Tests what ships: `npm run pack` (scripts/pack.sh), install the tarball into a fresh temporary
// folder, and there (1) a Node ESM script trains xor, (2) a `vite build` of a tiny page trains in
// headless Chromium, (3) a plain static page served from a sub-path under a CSP without
// 'unsafe-eval' trains on the main thread, forced to the scalar flavour, and in a module worker.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

import { launchChromium, resultOfPage } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { STRICT_CSP } from "../support/strict-csp.js";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const artifacts = path.join(repo, "test-artifacts");

let tmp;
let app;
let tarball;
let browser;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "gradscope-install-"));
  app = path.join(tmp, "app");
  await fs.mkdir(app);
  await fs.mkdir(artifacts, { recursive: true });
  const { stdout } = await run("bash", ["scripts/pack.sh", tmp], { cwd: repo });
  const [info] = JSON.parse(stdout);
  tarball = { ...info, path: path.join(tmp, info.filename) };
  await fs.writeFile(
    path.join(app, "package.json"),
    JSON.stringify({ name: "install-check", private: true, type: "module" }),
  );
  // No dependencies, so this needs no registry.
  await run("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball.path], { cwd: app });
  for (const f of ["xor.mjs", "index.html", "main.js", "types-check.ts"])
    await fs.copyFile(path.join(fixtures, "install-app", f), path.join(app, f));
  await fs.copyFile(path.join(fixtures, "train-xor.js"), path.join(app, "train-xor.js"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test("the tarball holds only the built JS, .d.ts, .wasm, data and font files", async (t) => {
  const names = tarball.files.map((f) => f.path);
  for (const required of [
    "package.json",
    "wasm/dist/index.js",
    "wasm/dist/index.d.ts",
    "wasm/dist/gradscope-simd.wasm",
    "wasm/dist/gradscope-scalar.wasm",
    "wasm/dist/gradscope-simd.js",
    "wasm/dist/gradscope-scalar.js",
  ]) {
    assert.ok(names.includes(required), `${required} missing from the tarball`);
  }
  const stray = names.filter(
    (n) =>
      !/^wasm\/dist\/.*\.(js|d\.ts|wasm|gz)$/.test(n) &&
      // The elements' KaTeX fonts, as files (issue 13: no data: URIs under the strict CSP).
      !/^wasm\/dist\/elements\/assets\/KaTeX_[\w-]+\.(woff2|woff|ttf)$/.test(n) &&
      !["package.json", "README.md", "LICENSE"].includes(n),
  );
  assert.deepEqual(stray, [], "unexpected files in the tarball");
  const sizes = {
    tarball: tarball.size,
    unpacked: tarball.unpackedSize,
    files: names.length,
    wasm: {},
  };
  for (const flavour of ["simd", "scalar"]) {
    const bytes = await fs.readFile(
      path.join(app, "node_modules/gradscope/wasm/dist", `gradscope-${flavour}.wasm`),
    );
    sizes.wasm[flavour] = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  }
  await fs.writeFile(path.join(artifacts, "package-size.json"), JSON.stringify(sizes, null, 2));
  t.diagnostic(`package sizes: ${JSON.stringify(sizes)}`);
});

test("the package's README is the API document, wasm/README.md", async () => {
  assert.ok(
    tarball.files.some((f) => f.path === "README.md"),
    "README.md missing from the tarball",
  );
  assert.equal(
    await fs.readFile(path.join(app, "node_modules/gradscope/README.md"), "utf8"),
    await fs.readFile(path.join(repo, "wasm/README.md"), "utf8"),
  );
});

test("installed package: a Node ESM script trains xor to >= 95% accuracy", async () => {
  const { stdout } = await run(process.execPath, ["xor.mjs"], { cwd: app });
  const r = JSON.parse(stdout);
  assert.equal(r.flavour, "simd");
  assert.ok(r.testAccuracy >= 0.95, `test accuracy ${r.testAccuracy}`);
});

test("installed package: its types resolve through the exports map under strict tsc", async () => {
  const tsc = path.join(repo, "node_modules/typescript/bin/tsc");
  for (const resolution of [
    ["--module", "nodenext", "--moduleResolution", "nodenext"],
    ["--module", "esnext", "--moduleResolution", "bundler"],
  ]) {
    await run(
      process.execPath,
      [
        tsc,
        "--noEmit",
        "--strict",
        "--target",
        "es2022",
        "--lib",
        "es2022,dom",
        ...resolution,
        "types-check.ts",
      ],
      { cwd: app },
    ).catch((e) => assert.fail(`tsc ${resolution.join(" ")}: ${e.stdout}${e.stderr}`));
  }
});

test("installed package: a Vite build of a page trains in headless Chromium", async () => {
  const vite = path.join(repo, "node_modules/vite/bin/vite.js");
  await run(process.execPath, [vite, "build", "--base", "./", "--logLevel", "warn"], { cwd: app });
  const assets = await fs.readdir(path.join(app, "dist/assets"));
  assert.equal(
    assets.filter((a) => a.endsWith(".wasm")).length,
    2,
    `both flavours emitted: ${assets}`,
  );
  const server = await startStaticServer({ root: path.join(app, "dist") });
  try {
    const { result, problems } = await resultOfPage(browser, server.url, {
      screenshot: path.join(artifacts, "install-vite-page.png"),
    });
    assert.equal(result.error, undefined, `${result.error}\n${problems.join("\n")}`);
    assert.equal(result.flavour, "simd");
    assert.ok(result.testAccuracy >= 0.95, `test accuracy ${result.testAccuracy}`);
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});

test("installed package: plain static page from a sub-path, strict CSP, scalar and worker", async () => {
  const site = path.join(tmp, "site");
  const page = path.join(site, "deep/sub/path");
  await fs.mkdir(page, { recursive: true });
  await fs.cp(path.join(app, "node_modules/gradscope"), path.join(page, "vendor/gradscope"), {
    recursive: true,
  });
  await fs.cp(path.join(fixtures, "static-page"), page, { recursive: true });
  await fs.copyFile(path.join(fixtures, "train-xor.js"), path.join(page, "train-xor.js"));
  const server = await startStaticServer({
    root: site,
    headers: { "content-security-policy": STRICT_CSP },
  });
  try {
    const { result, problems } = await resultOfPage(browser, `${server.url}deep/sub/path/`, {
      screenshot: path.join(artifacts, "install-static-csp-page.png"),
    });
    assert.equal(result.evalBlocked, true, "the CSP must really forbid eval on the page");
    assert.deepEqual(result.violations, []);
    for (const [name, r, flavour] of [
      ["main", result.main, "simd"],
      ["scalar", result.scalar, "scalar"],
      ["worker", result.worker, "simd"],
    ]) {
      assert.equal(r.error, undefined, `${name}: ${r.error}\n${problems.join("\n")}`);
      assert.equal(r.flavour, flavour, name);
      assert.ok(r.testAccuracy >= 0.95, `${name}: test accuracy ${r.testAccuracy}`);
    }
    assert.equal(result.scalar.backend, "scalar");
    assert.equal(result.worker.evalBlocked, true, "the CSP must really forbid eval in the worker");
    assert.equal(result.worker.stepwiseNorms.length, 5);
    assert.deepEqual(problems, []);
  } finally {
    await server.close();
  }
});
