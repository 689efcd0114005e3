// gradscope's npm package in headless Chromium: serves the repository on 127.0.0.1 and runs
// bench/browser/index.html once per (flavour, network), each in a fresh page.
//   node bench/chromium_bench.mjs <layers> <batch size> <epochs> <simd|scalar>
// Prints one JSON line. The data must already be in build/bench/data (scripts/bench.sh).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/support/chromium.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const [layers, batch, epochs, flavour] = process.argv.slice(2);
const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".gz": "application/gzip",
};

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  const file = join(root, path);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const { port } = server.address();

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const query = new URLSearchParams({ flavour, layers, batch, epochs });
  await page.goto(`http://127.0.0.1:${port}/bench/browser/index.html?${query}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
  const { result, error } = await page.evaluate(() => window.benchResult);
  if (error) throw new Error(`in Chromium: ${error}`);
  result.browser = browser.version();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
