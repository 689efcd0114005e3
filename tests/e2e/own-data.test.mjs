// The learner's own data (issue 14) on the built site: points added in Edit data mode travel in
// the link (same points, same numbers after a reload), a CSV with an error names its line and
// column and changes nothing, and a 300-point CSV says the link will not carry it. Screenshots
// of the mode go to test-artifacts/own-data/.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

const SHOTS = `${artifacts}/own-data`;
const status = (page) => page.getByRole("status");
const plane = (page) => page.locator("#view-boundary .boundary-figure canvas").first();
const editStatus = (page) => page.locator("#view-boundary .edit-data-status");

async function ready(page, hasText = "test accuracy") {
  await status(page).filter({ hasText }).waitFor({ timeout: 30000 });
}

const hashOf = (page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

/** Clicks the plane at input coordinates (x1, x2) and waits until the link holds `count` points. */
async function clickAt(page, x1, x2, count, modifiers = []) {
  await plane(page).scrollIntoViewIfNeeded();
  const box = await plane(page).boundingBox();
  const x = box.x + ((x1 + 1.5) / 3) * box.width;
  const y = box.y + ((1.5 - x2) / 3) * box.height;
  // mouse.click has no modifiers option: the keys are held around it.
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(x, y);
  for (const key of modifiers) await page.keyboard.up(key);
  await editStatus(page)
    .filter({ hasText: `${count} point` })
    .waitFor({ timeout: 10000 });
}

/** The numbers of the status line (losses and accuracies) at step `step`. */
async function figuresAt(page, step) {
  const line = status(page).filter({ hasText: `(step ${step})` });
  await line.waitFor({ timeout: 30000 });
  const text = (await line.textContent()) ?? "";
  return text.replace(/^Epoch [\d.]+ /, "");
}

describe("own data: Edit data, the points key, CSV (built site)", () => {
  const built = useBuiltSite();

  test("points added in Edit data mode come back from the link with the same numbers", async () => {
    await mkdir(SHOTS, { recursive: true });
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=xor&samples=50&dataSeed=3`,
    );
    await ready(page);
    await plane(page).scrollIntoViewIfNeeded();
    // Outside the mode a click changes nothing.
    await plane(page).click();
    assert.equal(hashOf(page).get("dataset"), "xor");
    await page.getByRole("button", { name: "Edit data" }).click();
    assert.equal(
      await page.getByRole("button", { name: "Done editing" }).getAttribute("aria-pressed"),
      "true",
    );
    // The first edit copies xor's 50 points, then each click adds one, quantised to 0.01.
    await clickAt(page, 0.5, 0.5, 51);
    assert.equal(hashOf(page).get("dataset"), "own-classes");
    await page.locator("#view-boundary .edit-data-class").selectOption("1");
    await clickAt(page, -0.8, 0.9, 52);
    await clickAt(page, 0.9, -0.8, 53, ["Shift"]); // the next class: 0
    const link = hashOf(page);
    assert.match(link.get("points") ?? "", /^c[A-Za-z0-9_-]{265}$/, "53 points of 5 characters");
    // The three clicks, last: (0.5, 0.5) class 0, (−0.8, 0.9) class 1, shift: (0.9, −0.8) class 0.
    assert.equal(link.get("points")?.slice(-15), "DIDIABGDwBDwBGA");
    // Undo takes the last point away, Clear then Undo brings them back.
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await editStatus(page).filter({ hasText: "52 points" }).waitFor();
    await clickAt(page, 0.9, -0.8, 53, ["Shift"]);
    assert.equal(hashOf(page).get("points"), link.get("points"));
    await page.screenshot({ path: `${SHOTS}/edit-1280x800.png` });
    // Train three steps, then open the link at step 3: the same points and the same figures.
    await ready(page);
    for (let i = 1; i <= 3; i++) {
      await page.locator("#step").click();
      await status(page)
        .filter({ hasText: `(step ${i})` })
        .waitFor({ timeout: 10000 });
    }
    const trained = await figuresAt(page, 3);
    const hash = new URL(page.url()).hash;
    await context.close();
    const again = await openPage(built.browser, `${built.server.url}${hash}&steps=3`);
    const reloaded = await figuresAt(again.page, 3);
    assert.equal(reloaded, trained);
    const params = hashOf(again.page);
    assert.equal(params.get("points"), link.get("points"));
    assert.equal(params.get("dataset"), "own-classes");
    assert.deepEqual(again.problems, []);
    await again.context.close();
    assert.deepEqual(problems, []);
  });

  test("a CSV with an error names line and column and loads nothing; 300 points: no link", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=xor&samples=50`,
    );
    await ready(page);
    await page.getByRole("button", { name: "Edit data" }).click();
    await page.locator("#view-boundary .edit-data-csv summary").click();
    const before = new URL(page.url()).hash;
    const statusBefore = await status(page).textContent();
    await page.getByLabel("CSV text").fill("x1,x2,label\n0.1,0.2,0\n0.3,abc,1\n");
    await page.getByRole("button", { name: "Load", exact: true }).click();
    const alert = page.locator("#view-boundary .edit-data-csv-error");
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /line 3, column 2: "abc" is not a number/);
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).hash, before, "nothing loaded");
    assert.equal(await status(page).textContent(), statusBefore);
    await page.screenshot({ path: `${SHOTS}/csv-error-1280x800.png` });
    // 300 points: loaded, trained on, and said not to fit in a link.
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `${((i % 20) / 10 - 1).toFixed(2)},${(Math.floor(i / 20) / 10 - 0.7).toFixed(2)},${i % 20 < 10 ? 0 : 1}`,
    );
    await page.getByLabel("CSV text").fill(`x1,x2,label\n${rows.join("\n")}\n`);
    await page.getByRole("button", { name: "Load", exact: true }).click();
    await editStatus(page).filter({ hasText: "300 points" }).waitFor({ timeout: 10000 });
    assert.match(
      (await editStatus(page).textContent()) ?? "",
      /300 points are more than a link carries \(200\): a link or an embed of this run will not bring them back/,
    );
    assert.equal(await alert.isHidden(), true);
    assert.equal(hashOf(page).get("points"), "n300");
    await ready(page);
    await page.screenshot({ path: `${SHOTS}/csv-300-1280x800.png` });
    // Opening that link says what it lacks.
    const opened = await openPage(built.browser, `${built.server.url}${new URL(page.url()).hash}`);
    await opened.page
      .getByText(/made from 300 points, more than a link carries/)
      .first()
      .waitFor({ timeout: 15000 });
    await opened.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Clear, then fewer than 4 points wait on the plane; the 4th starts a run on them", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=gaussians&samples=50`,
    );
    await ready(page);
    await plane(page).scrollIntoViewIfNeeded();
    await page.getByRole("button", { name: "Edit data" }).click();
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    await editStatus(page).filter({ hasText: "0 points so far" }).waitFor();
    assert.equal(hashOf(page).get("dataset"), "gaussians", "no run asked for yet");
    await clickAt(page, -1, -1, 1);
    await clickAt(page, -0.5, -1, 2);
    await clickAt(page, 1, 1, 3, ["Shift"]);
    assert.equal(hashOf(page).get("dataset"), "gaussians");
    const overlay = page.locator("#view-boundary .edit-data-overlay");
    assert.equal(
      await overlay.getAttribute("aria-label"),
      "Your points so far: 3, not yet trained on",
    );
    const [planeBox, overlayBox] = [await plane(page).boundingBox(), await overlay.boundingBox()];
    assert.deepEqual(overlayBox, planeBox, "the drawing covers the plane exactly");
    await page.screenshot({ path: `${SHOTS}/pending-1280x800.png` });
    await page.locator("#view-boundary .edit-data-class").selectOption("1");
    await clickAt(page, 0.5, 1, 4);
    assert.equal(hashOf(page).get("dataset"), "own-classes");
    // x1, x2 as hundredths + 150 in two base64url digits, then the class.
    assert.equal(hashOf(page).get("points"), "cAyAyABkAyAD6D6BDID6B");
    await ready(page);
    assert.equal(await overlay.count(), 0);
    // Undo goes back to the three pending points, and again to the first of them.
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await editStatus(page).filter({ hasText: "3 points so far" }).waitFor();
    // A long press adds a point of the next class; a drag along x₂ = −1 erases the three points on it.
    let box = await plane(page).boundingBox();
    const px = (x1, x2) => [
      box.x + ((x1 + 1.5) / 3) * box.width,
      box.y + ((1.5 - x2) / 3) * box.height,
    ];
    await page.mouse.move(...px(0, -1));
    await page.mouse.down();
    await page.waitForTimeout(800);
    await page.mouse.up();
    await editStatus(page).filter({ hasText: "own" }).waitFor();
    assert.equal(
      hashOf(page).get("points"),
      "cAyAyABkAyAD6D6BCWAyA",
      "class 1 chosen: the next, 0, at (0, −1)",
    );
    box = await plane(page).boundingBox(); // the texts above may have changed their height
    await page.mouse.move(...px(-1.2, -1));
    await page.mouse.down();
    for (let x = -1.2; x <= 0.2; x += 0.05) await page.mouse.move(...px(x, -1));
    await page.mouse.up();
    await editStatus(page).filter({ hasText: "1 point so far" }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("values: a CSV of x1,x2,value runs own-values; a click adds the chosen value", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=xor&samples=50`,
    );
    await ready(page);
    await page.getByRole("button", { name: "Edit data" }).click();
    await page.locator("#view-boundary .edit-data-csv summary").click();
    await page.getByLabel("CSV columns").selectOption("regression");
    const rows = ["x1,x2,value", "-1,-1,-1", "-0.5,0.5,0", "0.5,-0.5,0.25", "1,1,1", "0,0,0.004"];
    await page.getByLabel("CSV text").fill(rows.join("\n"));
    await page.getByRole("button", { name: "Load", exact: true }).click();
    await editStatus(page).filter({ hasText: "5 points of your own" }).waitFor({ timeout: 10000 });
    assert.equal(hashOf(page).get("dataset"), "own-values");
    // v, then x1, x2, value per point: hundredths + 150 in two base64url digits each.
    assert.equal(hashOf(page).get("points"), "vAyAyAyBkDICWDIBkCvD6D6D6CWCWCW");
    await status(page).filter({ hasText: "(step 0)" }).waitFor({ timeout: 15000 });
    await page.locator("#view-boundary .edit-data-value").fill("-0.75");
    await clickAt(page, 1, -1, 6);
    assert.equal(hashOf(page).get("points")?.slice(-6), "D6AyBL", "(1, −1) with value −0.75");
    await status(page).filter({ hasText: "(step 0)" }).waitFor({ timeout: 15000 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("screenshots: the mode on a phone and at 150 % zoom", async () => {
    for (const [name, viewport, scale] of [
      ["390x844", { width: 390, height: 844 }, 1],
      ["zoom150", { width: 853, height: 533 }, 1.5],
    ]) {
      const { page, context } = await openPage(
        built.browser,
        `${built.server.url}#dataset=spiral&samples=100`,
        viewport,
        { deviceScaleFactor: scale },
      );
      await ready(page);
      await page.getByRole("button", { name: "Edit data" }).scrollIntoViewIfNeeded();
      await page.getByRole("button", { name: "Edit data" }).click();
      await page.locator("#view-boundary .edit-data-csv summary").click();
      await page.locator("#view-boundary").screenshot({ path: `${SHOTS}/edit-${name}.png` });
      await context.close();
    }
  });
});
