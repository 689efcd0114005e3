// A seeded fuzzer of the URL hash: 320 hostile hashes applied one after another to one page (via
// location.hash, as a learner editing the address bar does). For each: no console error, no
// uncaught exception, no dialog, no element injected from the URL, a visible notice naming a bad
// value, and no "undefined" or "NaN" in the status line. Afterwards the page still trains, also
// with valid but extreme settings (huge η, large weights: runs that diverge), and its status line
// and diagram readout still never say "undefined" or "NaN".
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mulberry32 } from "../../scripts/mulberry32.mjs";
import { openPage } from "../support/chromium.js";
import { useBuiltSite } from "./built-site.mjs";

const SEED = 20261129;
const COUNT = 320;

/** Keys the playground always reads, whichever view is shown. */
const PLAYGROUND_KEYS = [
  "dataset",
  "hidden",
  "activation",
  "output",
  "cost",
  "init",
  "learningRate",
  "batchSize",
  "l2",
  "seed",
  "dataSeed",
  "initSeed",
  "speed",
  "noise",
  "samples",
  "testFraction",
];
const OTHER_KEYS = [
  "view",
  "chainAct",
  "chainCost",
  "chainX",
  "chainY",
  "chainW",
  "chainB",
  "labHidden",
  "labWidth",
  "labEpochs",
  "labBatch",
  "labRate",
  "labL2",
  "labVariants",
  "sample",
  "logits",
  "target",
  "nudge",
  "__proto__",
  "constructor",
  "toString",
  "<img src=x onerror=alert(1)>",
  "",
];
/** Values no key accepts: markup, script URLs, words, broken escapes, control characters. */
const GARBAGE = [
  "<img src=x onerror=alert(1)>",
  "\"'><script>alert(2)</script>",
  "<svg/onload=alert(3)>",
  "javascript:alert(4)",
  "<iframe src=javascript:alert(5)>",
  "{{constructor.constructor('alert(6)')()}}",
  "${alert(7)}",
  "abc",
  "NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "null",
  "true",
  "0x1g",
  "1e999",
  "--1",
  "1,,2",
  "\u202eevil",
  "\u0000",
  "%E0%A4%A",
  "%",
  "ＭＮＩＳＴ",
  "A".repeat(5000),
  "<b>bold</b>",
];
/** Values that are merely out of range or odd for some keys, valid for others. */
const ODD = [
  "0",
  "-1",
  "1e308",
  "-0",
  "0.0000001",
  "999999999999",
  "2147483648",
  "500",
  "501",
  "1.5",
  "",
  "1,2,3",
  "100,100,100,100,100,100,100,100,100,100,100",
  "relu",
  "softmax",
  "mnist",
  "chain",
  "vanishing",
  "book,relu-he,book",
  "backprop",
  "train:3",
  "test:99999",
  "0:0.5",
  " 3 ",
];

function hostileHashes(count, seed) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const enc = (s) => (rand() < 0.7 ? encodeURIComponent(s) : s.replace(/[#&=]/g, ""));
  const hashes = [];
  for (let i = 0; i < count; i++) {
    const pairs = [];
    for (let extra = Math.floor(rand() * 4); extra > 0; extra--) {
      const key = rand() < 0.5 ? pick(PLAYGROUND_KEYS) : pick(OTHER_KEYS);
      pairs.push(`${enc(key)}=${enc(rand() < 0.5 ? pick(GARBAGE) : pick(ODD))}`);
    }
    // One value that is bad for a key the playground always reads, made unique by the index.
    const bad = { key: pick(PLAYGROUND_KEYS), value: `${pick(GARBAGE)}${i}` };
    pairs.splice(Math.floor(rand() * (pairs.length + 1)), 0, `${bad.key}=${enc(bad.value)}`);
    const noise = rand();
    const text =
      noise < 0.1 ? pairs.join("&&") : noise < 0.2 ? `&${pairs.join("&")}#x` : pairs.join("&");
    hashes.push({ hash: text, bad });
  }
  return hashes;
}

/** Valid settings at their extremes, seeded; the first is known to diverge within a few steps. */
function extremeHashes(count, seed) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const hashes = [
    "dataset=xor&activation=relu&output=identity&cost=quadratic&learningRate=10&init=large&speed=50",
  ];
  while (hashes.length < count) {
    hashes.push(
      [
        `dataset=${pick(["circle", "xor", "gaussians", "spiral"])}`,
        `activation=${pick(["sigmoid", "tanh", "relu", "leaky-relu"])}`,
        "output=identity&cost=quadratic",
        `learningRate=${pick([10, 5, 1e-5])}`,
        `init=${pick(["large", "he", "scaled"])}`,
        `batchSize=${pick([1, 500])}`,
        `l2=${pick([0, 10])}`,
        `speed=${pick([1, 200, 500])}`,
        `seed=${Math.floor(rand() * 2 ** 31)}`,
      ].join("&"),
    );
  }
  return hashes;
}

describe("URL-hash fuzzer (built site)", () => {
  const built = useBuiltSite();

  test(`${COUNT} seeded hostile hashes: no error, no injection, a notice, still trains`, async () => {
    const cases = hostileHashes(COUNT, SEED);
    assert.equal(new Set(cases.map((c) => c.hash)).size, COUNT, "every hash differs");
    const { page, context, problems, dialogs } = await openPage(built.browser, built.server.url);
    const status = page.getByRole("status");
    await status.filter({ hasText: "test accuracy" }).waitFor();
    const failures = [];
    for (const [i, { hash, bad }] of cases.entries()) {
      const seen = problems.length;
      const r = await page.evaluate(async (h) => {
        document.querySelector(".notice-dismiss")?.click();
        location.hash = h;
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const notices = document.getElementById("notices");
        return {
          noticeShown: !notices.hidden && notices.getBoundingClientRect().height > 0,
          notices: [...notices.querySelectorAll("li")].map((li) => li.textContent),
          injected: document.querySelectorAll(
            'img, iframe, object, embed, svg, b, script:not([type="module"])',
          ).length,
          status: document.querySelector('[role="status"]')?.textContent ?? "",
        };
      }, hash);
      const why = [];
      if (!r.noticeShown || r.notices.length === 0) why.push("no visible notice");
      else if (r.notices.length < 6 && !r.notices.some((n) => n.startsWith(`${bad.key}:`)))
        why.push(`no notice names ${bad.key}: ${JSON.stringify(r.notices)}`);
      if (r.injected > 0) why.push(`${r.injected} element(s) injected`);
      if (/undefined|NaN/.test(r.status)) why.push(`status: ${r.status}`);
      if (problems.length > seen) why.push(problems.slice(seen).join("; "));
      if (why.length > 0) failures.push(`#${i} ${JSON.stringify(hash.slice(0, 200))}: ${why}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(dialogs, []);
    // Still trains: a valid hash, Play, and the step count grows.
    await page.evaluate(() => {
      document.querySelector(".notice-dismiss")?.click();
      location.hash = "dataset=xor&speed=20";
    });
    await status.filter({ hasText: "(step 0)" }).waitFor();
    await page.getByRole("button", { name: /^Play/ }).click();
    await status.filter({ hasText: /step [1-9]\d{2,}/ }).waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: /^Pause/ }).click();
    assert.equal(await page.locator("#notices").isHidden(), true, "the valid hash gave no notice");
    // Extreme settings: train until some steps are done (or the run diverges and pauses), then
    // read the status line and a neuron's readout.
    const words = [];
    for (const hash of extremeHashes(4, SEED + 1)) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await status.filter({ hasText: "(step 0)" }).waitFor();
      await page.getByRole("button", { name: /^Play/ }).click();
      await status
        .filter({ hasText: /step [1-9]/ })
        .waitFor({ timeout: 30000 })
        .catch((e) => assert.fail(`${hash}: ${e.message}; status: ${problems}`));
      await page.waitForTimeout(500);
      const pause = page.getByRole("button", { name: /^Pause/ });
      if (await pause.isVisible()) await pause.click();
      await page.locator("#view-network canvas").focus();
      await page.keyboard.press("ArrowRight");
      const shown = `${await status.textContent()} | ${await page.locator("#view-network .diagram-info").textContent()}`;
      if (/undefined|NaN/.test(shown)) words.push(`${hash}: ${shown}`);
    }
    assert.deepEqual(words, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
