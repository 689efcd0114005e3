// The playground's time charts in headless Chromium: exact zeros at the marked floor and the
// status line under dead ReLUs, the learning-speed summary under deep sigmoid and ReLU networks,
// the "compare" ghost, the shared x unit and smoothing in the URL, and every chart's table and
// CSV download under the strict CSP.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { useBuiltSite } from "./built-site.mjs";

/** A seeded run whose ReLU layers die: η = 3 on spiral kills layers 2 and 3 within a few steps. */
export const DEAD_RELU_HASH = "#dataset=spiral&hidden=8,8,8&activation=relu&learningRate=3&seed=1";
const DEEP_SIGMOID_HASH = "#dataset=spiral&hidden=8,8,8,8,8,8&activation=sigmoid&seed=1";
const DEEP_RELU_HASH = "#dataset=spiral&hidden=8,8,8,8,8,8&activation=relu&init=he&seed=1";

const stepOf = async (page) =>
  Number(/\(step (\d+)\)/.exec((await page.getByRole("status").textContent()) ?? "")?.[1] ?? NaN);

/** Trains until the status line shows step ≥ n, pauses, and waits for the last frame. */
async function trainSteps(page, n) {
  await page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor({ timeout: 15000 });
  if ((await stepOf(page)) >= n) return;
  await page.getByRole("button", { name: /^Play/ }).click();
  const start = Date.now();
  while ((await stepOf(page)) < n) {
    if (Date.now() - start > 60000) throw new Error(`step ${await stepOf(page)} after 60 s`);
    await page.waitForTimeout(50);
  }
  await page.getByRole("button", { name: /^Pause/ }).click();
  // The snapshot in flight when Pause was pressed is drawn; then nothing changes.
  let last = "";
  for (;;) {
    await page.waitForTimeout(300);
    const now = `${await page.getByRole("status").textContent()}|${await summary(page)}`;
    if (now === last) return;
    last = now;
  }
}

const summary = (page) => page.locator("#gradient-summary").textContent();

/** The rows of the table under the chart whose title starts with `title` (opens it). */
async function chartTable(page, title) {
  const details = page.locator("details.chart-data", { hasText: title });
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  await details.locator("table tbody tr").first().waitFor();
  return details.evaluate((d) =>
    [...d.querySelectorAll("tr")].map((tr) => [...tr.children].map((c) => c.textContent)),
  );
}

/** "1.3·10⁴" → 13000, "45" → 45. */
function parseRatio(text) {
  const sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  const m = /^([\d.]+)(?:·10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(text);
  if (!m) throw new Error(`not a ratio: ${text}`);
  const exp = m[2] ? Number([...m[2]].map((c) => (c === "⁻" ? "-" : sup.indexOf(c))).join("")) : 0;
  return Number(m[1]) * 10 ** exp;
}

/** The summary's two norms and its claim, checked against each other. */
function checkSummary(text) {
  const m =
    /^At step \d+: Layer 2 (learns (\S+)× (slower|faster) than|and) the output layer (?:learn at about the same speed )?\(‖∂C\/∂b²‖ = (\S+), ‖∂C\/∂b⁸‖ = (\S+)\)\.$/.exec(
      text,
    );
  assert.ok(m, `summary: ${text}`);
  const [b2, bL] = [Number(m[4]), Number(m[5])];
  assert.ok(b2 > 0 && bL > 0, text);
  const measured = bL / b2;
  if (m[3] === "slower") {
    assert.ok(measured >= 1.5, text);
    assert.ok(Math.abs(parseRatio(m[2]) / measured - 1) < 0.06, `${m[2]} vs ${measured}: ${text}`);
  } else if (m[3] === "faster") {
    assert.ok(measured <= 1 / 1.5, text);
    assert.ok(Math.abs(parseRatio(m[2]) * measured - 1) < 0.06, `${m[2]} vs ${1 / measured}`);
  } else {
    assert.ok(measured > 1 / 1.5 && measured < 1.5, text);
  }
  return { b2, bL, measured };
}

describe("time charts (built dist/)", () => {
  const built = useBuiltSite();

  test("dead ReLUs: the status line names the layers; their zeros sit on the floor as 0", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      built.server.url + DEAD_RELU_HASH,
    );
    await trainSteps(page, 30);
    const status = (await page.getByRole("status").textContent()) ?? "";
    // Both norms zero ("no gradient in layers 2 and 3 (…)") or ‖∂C/∂w‖ named apart.
    const m =
      /no gradient in layers? ([\d, and]+?) \(‖∂C\/∂w‖ = ‖∂C\/∂b‖ = 0\)/.exec(status) ??
      /‖∂C\/∂w‖ = 0 in layers? ([\d, and]+)/.exec(status);
    assert.ok(m, `status names no layer without gradient: ${status}`);
    const named = m[1].split(/, | and /).map(Number);
    // The weight chart's table: the last row has an exact 0 for a named layer, and the legend's
    // value at the newest point is "0", not a gap.
    const rows = await chartTable(page, "‖∂C/∂wˡ‖");
    const header = rows[0];
    const last = rows[rows.length - 1];
    const zeroColumns = header.flatMap((h, i) => (i > 0 && last[i] === "0" ? [h] : []));
    assert.ok(zeroColumns.length > 0, `no zero in the last row ${last.join(" ")}`);
    for (const h of zeroColumns) {
      const layer = /l = (\d+)/.exec(h)?.[1];
      assert.ok(named.includes(Number(layer)), `layer ${layer} at 0; status: ${status}`);
    }
    const chart = page.locator("#view-gradients .uplot").nth(1);
    const box = await chart.locator(".u-over").boundingBox();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    const legend = await chart
      .locator(".u-legend .u-series")
      .evaluateAll((rows) => rows.map((r) => r.textContent));
    const dead = legend.filter((t) => zeroColumns.some((h) => t.startsWith(h) && t.endsWith("0")));
    assert.equal(dead.length, zeroColumns.length, `legend: ${legend.join(" | ")}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("summary: deep sigmoid learns ≥ 100× slower in layer 2, true to its own numbers", async () => {
    const { page, context } = await openPage(built.browser, built.server.url + DEEP_SIGMOID_HASH);
    await trainSteps(page, 200);
    const text = (await summary(page)) ?? "";
    const { b2, bL, measured } = checkSummary(text);
    assert.ok(measured > 100, text);
    // The same numbers as the chart's table at that step.
    const rows = await chartTable(page, "‖∂C/∂bˡ‖");
    const last = rows[rows.length - 1];
    assert.equal(last[0], /At step (\d+)/.exec(text)?.[1]);
    assert.ok(Math.abs(Number(last[1]) / b2 - 1) < 0.01, `${last[1]} vs ${b2}`);
    const output = rows[0].indexOf("l = 8 (output)");
    assert.ok(Math.abs(Number(last[output]) / bL - 1) < 0.01, `${last[output]} vs ${bL}`);
    await context.close();
  });

  test("summary: ReLU + He in the same network is true to its numbers and far closer", async () => {
    const { page, context } = await openPage(built.browser, built.server.url + DEEP_RELU_HASH);
    await trainSteps(page, 200);
    const text = (await summary(page)) ?? "";
    const { measured } = checkSummary(text);
    assert.ok(measured < 10 && measured > 0.1, text);
    await context.close();
  });

  test("compare: the pinned run stays as faded ghosts under the next run; Clear removes them", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      built.server.url + DEEP_SIGMOID_HASH,
    );
    const legendRows = () => page.locator("#view-gradients .u-legend .u-series");
    assert.equal(await page.locator("#compare-clear").isDisabled(), true);
    await trainSteps(page, 50);
    await page.locator("#compare-pin").click();
    await page.getByLabel("Hidden activation").selectOption("relu");
    await page.getByLabel("Initialiser").selectOption("he");
    await trainSteps(page, 20);
    // x column, 7 current layers, 7 pinned ones, in each of the two charts.
    assert.equal(await legendRows().count(), 2 * (1 + 7 + 7));
    const labels = await legendRows().allTextContents();
    assert.equal(labels.filter((t) => t.startsWith("pinned l = ")).length, 14);
    assert.match(
      (await page.locator(".chart-pinned").textContent()) ?? "",
      /pinned.*spiral, hidden 8-8-8-8-8-8, sigmoid, scaled init/,
    );
    // The ghost's numbers are the pinned run's: its table column has values at steps ≤ 50 only.
    const rows = await chartTable(page, "‖∂C/∂bˡ‖");
    const ghost = rows[0].indexOf("pinned l = 2");
    const steps = rows
      .slice(1)
      .filter((r) => r[ghost] !== "")
      .map((r) => Number(r[0]));
    assert.ok(steps.length > 0 && Math.max(...steps) >= 50, `${steps}`);
    await page.locator("#compare-clear").click();
    assert.equal(await legendRows().count(), 2 * (1 + 7));
    assert.equal(await page.locator("#compare-clear").isDisabled(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("one x unit: epochs for every time chart, kept in the URL; smoothing states its window", async () => {
    const { page, context } = await openPage(built.browser, built.server.url + "#dataset=xor");
    await trainSteps(page, 40);
    for (const title of ["Loss and accuracy", "‖∂C/∂bˡ‖", "‖∂C/∂wˡ‖"])
      assert.equal((await chartTable(page, title))[0][0], "step");
    await page.getByLabel(/Time axis/).selectOption("epoch");
    await page.getByLabel("Smoothing").selectOption("20");
    for (const title of ["Loss and accuracy", "‖∂C/∂bˡ‖", "‖∂C/∂wˡ‖"])
      assert.equal((await chartTable(page, title))[0][0], "epoch");
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /(^#|&)time=epoch(&|$)/);
    assert.match(hash, /(^#|&)smooth=20(&|$)/);
    assert.match(
      (await page.locator("#view-gradients .u-title").first().textContent()) ?? "",
      /mean of the last 20 points/,
    );
    const again = await openPage(built.browser, built.server.url + hash);
    await again.page.getByRole("status").filter({ hasText: "test accuracy" }).waitFor();
    assert.equal(await again.page.getByLabel(/Time axis/).inputValue(), "epoch");
    assert.equal(await again.page.getByLabel("Smoothing").inputValue(), "20");
    await again.context.close();
    await context.close();
  });
});

describe("chart tables and CSV under the strict CSP", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("every playground chart has its numbers as a table and a CSV download", async () => {
    const { page, context, problems } = await openPage(built.browser, built.server.url, undefined, {
      prepare: async (p) => {
        built.violations = await recordCspViolations(p);
      },
    });
    await trainSteps(page, 20);
    const charts = await page.locator(".view-cards .uplot").count();
    assert.equal(await page.locator(".view-cards details.chart-data").count(), charts);
    const rows = await chartTable(page, "Loss and accuracy");
    assert.deepEqual(rows[0], [
      "step",
      "train loss",
      "test loss",
      "train accuracy",
      "test accuracy",
    ]);
    const details = page.locator("details.chart-data", { hasText: "Loss and accuracy" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      details.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(
      download.suggestedFilename(),
      "loss-and-accuracy-training-solid-and-test-dashed.csv",
    );
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.trimEnd().split("\r\n");
    assert.equal(lines[0], "step,train loss,test loss,train accuracy,test accuracy");
    // The table (header row, then one row per point) and the CSV agree.
    assert.equal(lines.length, rows.length);
    const tableLast = rows[rows.length - 1];
    const csvLast = lines[lines.length - 1].split(",");
    assert.equal(csvLast[0], tableLast[0]);
    assert.ok(Math.abs(Number(csvLast[1]) - Number(tableLast[1])) < 1e-5);
    assert.deepEqual(await built.violations(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
