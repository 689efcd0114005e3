// <gradscope-run> carries the learner's own points (issue 14): the `points` attribute and
// `points=` in `config` give the same run as the playground's link with that key, step for step.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { artifacts } from "./built-site.mjs";
import { useElementsSite } from "./elements-site.mjs";

/** Sixteen points of an XOR pattern on a 4 × 4 grid (tests/e2e/elements-site/tut/own/points.html). */
const POINTS = "cAyAyAAyBkAAyDIBAyD6BBkAyABkBkABkDIBBkD6BDIAyBDIBkBDIDIADID6AD6AyBD6BkBD6DIAD6D6A";

describe("<gradscope-run> with your own points", () => {
  const site = useElementsSite();

  test("the points attribute, config's points= and the playground's link train alike", async () => {
    const { page, context, problems } = await openPage(
      site.browser,
      `${site.server.url}tut/own/points.html`,
    );
    const status = (id) => page.locator(`gradscope-run#${id}`).getByRole("status");
    for (const id of ["attribute", "config"]) {
      await status(id).filter({ hasText: "(step 30)" }).waitFor({ timeout: 30000 });
    }
    const attribute = await status("attribute").textContent();
    assert.equal(await status("config").textContent(), attribute);
    assert.equal(
      await page.evaluate(() => document.querySelector("#attribute").settings.points.data.length),
      48,
    );
    await page
      .locator("gradscope-view")
      .screenshot({ path: `${artifacts}/own-data/element-view.png` });
    assert.deepEqual(problems, []);
    await context.close();
    const playground = await openPage(
      site.browser,
      `${site.server.url}playground/#dataset=own-classes&points=${POINTS}&steps=30`,
    );
    const line = playground.page.getByRole("status").filter({ hasText: "(step 30)" });
    await line.waitFor({ timeout: 30000 });
    assert.equal(await line.textContent(), attribute);
    assert.deepEqual(playground.problems, []);
    await playground.context.close();
  });
});
