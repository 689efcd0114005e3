// What a bundler user gets: `npm run pack`, the tarball installed offline into a fresh app that
// imports "gradscope/elements", built by our Vite and served: the chain, the softmax panel and
// the deep-network lab (its workers, .wasm and digits re-bundled by the app's build) render and
// run with zero console errors; and the shipped types type-check a script using the elements.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { launchChromium, openPage } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { artifacts } from "./built-site.mjs";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/elements-app/", import.meta.url));

describe("gradscope/elements from the packed tarball in a Vite app", () => {
  let tmp;
  let app;
  let files;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "gradscope-elements-app-"));
    app = join(tmp, "app");
    await mkdir(app);
    const { stdout } = await run("bash", ["scripts/pack.sh", tmp], {
      cwd: repo,
      maxBuffer: 1 << 26,
    });
    const [info] = JSON.parse(stdout);
    files = info.files.map((f) => f.path);
    await writeFile(
      join(app, "package.json"),
      JSON.stringify({ name: "elements-app", private: true, type: "module" }),
    );
    // The package has no dependencies, so this needs no registry.
    await run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--offline", join(tmp, info.filename)],
      {
        cwd: app,
      },
    );
    for (const f of ["index.html", "main.js", "types-check.ts", "types-mistake.ts"]) {
      await copyFile(join(fixtures, f), join(app, f));
    }
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test("the tarball ships the elements' script, types, chunks, workers and fonts", () => {
    for (const required of [
      "wasm/dist/elements/gradscope-elements.js",
      "wasm/dist/elements/gradscope-elements.d.ts",
    ]) {
      assert.ok(files.includes(required), `${required} missing`);
    }
    const elements = files.filter((f) => f.startsWith("wasm/dist/elements/"));
    for (const kind of [/chunks\/.*\.js$/, /workers\/.*\.js$/, /\.woff2$/, /\.wasm$/]) {
      assert.ok(
        elements.some((f) => kind.test(f)),
        `no ${kind} in the tarball`,
      );
    }
  });

  test("a Vite build of the app renders and runs the elements, zero console errors", async () => {
    const vite = join(repo, "node_modules/vite/bin/vite.js");
    await run(process.execPath, [vite, "build", "--base", "./", "--logLevel", "warn"], {
      cwd: app,
    });
    const server = await startStaticServer({ root: join(app, "dist"), base: "/app/" });
    const browser = await launchChromium();
    try {
      const { page, problems } = await openPage(browser, server.url);
      await page.locator("gradscope-chain .chain-term").first().waitFor();
      assert.equal(await page.locator("gradscope-chain .chain-term.term-weight").count(), 2);
      await page.locator("gradscope-softmax .katex").first().waitFor();
      const lab = page.locator("gradscope-vanishing");
      await lab.getByRole("button", { name: "Run", exact: true }).click();
      await lab
        .locator(".lab-status")
        .filter({ hasText: /finished in/ })
        .waitFor({ timeout: 120_000 });
      // KaTeX's fonts are files the app's build emitted, and the browser loaded them.
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family);
      });
      assert.ok(
        fonts.some((f) => /KaTeX/.test(f)),
        `KaTeX fonts loaded: ${fonts}`,
      );
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: `${artifacts}/elements-vite-app.png`, fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test("the shipped types check a script using the elements, and catch a misspelt method", async () => {
    const tsc = join(repo, "node_modules/typescript/bin/tsc");
    const check = (file) =>
      run(
        process.execPath,
        [
          tsc,
          "--noEmit",
          "--strict",
          "--target",
          "es2022",
          "--lib",
          "es2022,dom",
          "--module",
          "esnext",
          "--moduleResolution",
          "bundler",
          file,
        ],
        { cwd: app },
      );
    await check("types-check.ts").catch((e) => assert.fail(`${e.stdout}${e.stderr}`));
    await assert.rejects(check("types-mistake.ts"), (e) => {
      assert.match(e.stdout, /Property 'plya' does not exist on type 'GradscopeRunElement'/);
      return true;
    });
  });
});
