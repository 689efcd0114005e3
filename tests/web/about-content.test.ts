// The about page's package example (web/src/about/about-content.ts), run exactly as the page
// prints it against this repository's built package, as a user who pasted it would.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { GLOSSARY, INSTALL_COMMAND, PACKAGE_EXAMPLE } from "../../web/src/about/about-content.js";

const run = promisify(execFile);

/** The repository root: the package.json named gradscope above this (compiled) file. */
async function repoRoot(): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(dir, "package.json"), "utf8"));
      if (pkg.name === "gradscope") return dir;
    } catch {
      // no package.json here
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error("no gradscope package.json above the test");
    dir = up;
  }
}

test("the about page's example is 10 lines and runs as printed", async (t) => {
  assert.equal(PACKAGE_EXAMPLE.split("\n").length, 10);
  assert.equal(INSTALL_COMMAND, "npm install gradscope");
  const repo = await repoRoot();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "gradscope-about-"));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  await fs.mkdir(path.join(dir, "node_modules"));
  await fs.symlink(repo, path.join(dir, "node_modules", "gradscope"), "dir");
  await fs.writeFile(path.join(dir, "example.mjs"), PACKAGE_EXAMPLE);
  const { stdout, stderr } = await run(process.execPath, ["example.mjs"], { cwd: dir });
  assert.equal(stderr, "");
  const rows = stdout
    .trim()
    .split("\n")
    .map((line) => line.split(" ").map(Number));
  assert.deepEqual(
    rows.map((r) => r[0]),
    [2, 3, 4],
  );
  for (const [, norm] of rows) assert.ok(Number.isFinite(norm) && (norm ?? -1) >= 0, String(norm));
});

test("the glossary explains every symbol the cards and labs use", () => {
  const terms = GLOSSARY.map(([t]) => t);
  for (const symbol of ["η", "λ", "n_in", "He init", "δˡ", "BP1–BP4", "⊙", "l, L"])
    assert.ok(terms.includes(symbol), symbol);
  for (const [term, meaning] of GLOSSARY) assert.ok(meaning.length > 10, term);
  const numbering = GLOSSARY.find(([t]) => t === "l, L")?.[1] ?? "";
  assert.match(numbering, /l = 1 is the input layer, l = 2 the first hidden layer/);
});
