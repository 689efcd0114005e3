// The budget of a page with one <gradscope-chain>: at most 250 KB of JavaScript and WebAssembly,
// gzipped (each file the page requested, gzipped here with zlib: deterministic, whatever the
// server does), and none of it KaTeX's or the playground's code (the chain's path is split from
// theirs).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { elementsPage, useElementsSite } from "./elements-host.mjs";

const BUDGET = 250_000;

describe("a page with one <gradscope-chain>", () => {
  const site = useElementsSite({
    "tut/chain/index.html": elementsPage(
      "One chain",
      "<p>The chain:</p>\n<gradscope-chain neurons='5'></gradscope-chain>",
    ),
  });

  test(`loads at most ${BUDGET} bytes of JS + wasm gzipped, and no KaTeX or playground code`, async () => {
    const { page, context, problems, violations } = await site.open("tut/chain/");
    await page.locator("gradscope-chain .chain-term").first().waitFor();
    await page.locator("gradscope-chain .uplot canvas").first().waitFor();
    await page.waitForLoadState("networkidle");
    const files = site.server.requests.filter((p) => /\.(m?js|wasm)$/.test(p));
    assert.ok(
      files.some((p) => p.endsWith(".wasm")),
      "the chain loads the core",
    );
    let total = 0;
    const rows = [];
    for (const path of files) {
      const bytes = await readFile(join(site.root, path.slice("/course/".length)));
      const gzipped = gzipSync(bytes).length;
      total += gzipped;
      rows.push(`${path} ${bytes.length} → ${gzipped}`);
      const text = path.endsWith(".wasm") ? "" : bytes.toString("utf8");
      // KaTeX's code (its error text, its HTML's class) or its CSS (its font names); the name of
      // the lazily imported CSS chunk in element-styles is only a path.
      assert.doesNotMatch(text, /KaTeX parse error|katex-html|KaTeX_Main/, `${path} carries KaTeX`);
      assert.doesNotMatch(path, /katex|playground|run-controller|training|softmax/, path);
    }
    console.log(`chain page: ${files.length} files, ${total} bytes gzipped\n${rows.join("\n")}`);
    assert.ok(total <= BUDGET, `${total} bytes gzipped > ${BUDGET}:\n${rows.join("\n")}`);
    assert.equal(files.filter((p) => p.endsWith(".wasm")).length, 1, "the .wasm fetched once");
    assert.deepEqual(problems, []);
    assert.deepEqual(await violations(), []);
    await context.close();
  });
});
