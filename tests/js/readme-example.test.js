// The README's JavaScript example, run exactly as printed against the built package: the first
// ```js block of README.md's "Use from JavaScript" section, written to a temporary folder where
// `gradscope` resolves to this repository's package (wasm/dist).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("../../", import.meta.url));

/** The first ```js block after the heading `## <heading>` in the markdown text. */
function jsBlockAfter(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section '## ${heading}'`);
  const block = markdown.slice(start).match(/\n```js\n([\s\S]*?)\n```\n/);
  if (!block) throw new Error(`README.md's '${heading}' section has no \`\`\`js block`);
  return block[1];
}

test("README.md's JavaScript example runs as printed and prints what its comments say", async (t) => {
  const code = jsBlockAfter(
    await fs.readFile(path.join(repo, "README.md"), "utf8"),
    "Use from JavaScript",
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "gradscope-readme-"));
  t.after(() => fs.rm(dir, { recursive: true, force: true }));
  await fs.mkdir(path.join(dir, "node_modules"));
  await fs.symlink(repo, path.join(dir, "node_modules", "gradscope"), "dir");
  await fs.writeFile(path.join(dir, "example.mjs"), code);
  const { stdout, stderr } = await run(process.execPath, ["example.mjs"], { cwd: dir });
  assert.equal(stderr, "");
  const lines = stdout.trim().split("\n");
  // console.log(history.at(-1).train.accuracy);  // ≈ 1
  const accuracy = Number(lines[0]);
  assert.ok(accuracy >= 0.95 && accuracy <= 1, `final training accuracy ${lines[0]}`);
  // One line per weighted layer l = 2 … L of [2, 8, 8, 1]: l, ‖∂C/∂b^l‖, mean |σ'(z^l)|.
  const layers = lines.slice(1).map((line) => line.split(" ").map(Number));
  assert.deepEqual(
    layers.map((l) => l[0]),
    [2, 3, 4],
  );
  for (const [l, biasGradNorm, meanAbsActDeriv] of layers) {
    assert.ok(Number.isFinite(biasGradNorm) && biasGradNorm >= 0, `layer ${l}: ${biasGradNorm}`);
    assert.ok(meanAbsActDeriv > 0 && meanAbsActDeriv <= 1, `layer ${l}: ${meanAbsActDeriv}`);
  }
});
