// The built site under the one strict CSP (tests/support/strict-csp.js, documented in
// wasm/README.md), served from a sub-path: every view works — the playground trains, the chain
// lab computes, the deep-network lab runs in its worker — and the page logs no CSP violation.
// (The packed tarball's static page is held to the same policy in tests/js/install.test.js.)
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

/** Opens `hash` under the strict CSP; returns the page, its problems and its violations. */
async function openUnderCsp(built, hash) {
  let violations;
  const opened = await openPage(built.browser, built.server.url + hash, undefined, {
    prepare: async (page) => {
      violations = await recordCspViolations(page);
    },
  });
  return { ...opened, violations };
}

describe("the built site under a strict Content-Security-Policy", () => {
  const built = useBuiltSite({ headers: { "content-security-policy": STRICT_CSP } });

  test("the page is served with the policy, and a data: image is refused and reported", async () => {
    const { page, context, violations } = await openUnderCsp(built, "#view=chain");
    const response = await page.reload();
    assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
    await page.locator(".chain-term").first().waitFor();
    // The canary: the recorder sees what the policy blocks (a data: URL, as the old favicon was).
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      document.body.append(img);
    });
    await page.waitForFunction(() => window.cspViolations.length > 0);
    assert.match((await violations()).join("\n"), /img-src.*data/);
    await context.close();
  });

  test("playground, chain lab and deep-network lab work with zero CSP violations", async () => {
    const { page, context, problems, violations } = await openUnderCsp(
      built,
      "#dataset=xor&speed=20",
    );
    const status = page.getByRole("status");
    await status.filter({ hasText: "test accuracy" }).waitFor();
    await page.getByRole("button", { name: /^Play/ }).click();
    await status.filter({ hasText: /step [1-9]\d{2,}/ }).waitFor({ timeout: 30000 });
    await page.getByRole("button", { name: /^Pause/ }).click();
    assert.deepEqual(await violations(), [], "the playground");
    assert.ok(
      built.server.requests.some((p) => p.endsWith("/favicon.svg")),
      "the favicon is a file on the site",
    );
    await page.screenshot({ path: `${artifacts}/csp-playground-1280x800.png` });

    await page.getByRole("tab", { name: "Lab: the chain" }).click();
    await page.locator(".chain-term").first().waitFor();
    await page.getByRole("button", { name: "Nielsen's exploding example" }).click();
    await page.locator(".chain-result").filter({ hasText: "∂C/∂b₁ = 1953" }).waitFor();

    await page.getByRole("tab", { name: "Lab: deep networks on MNIST" }).click();
    await page.getByLabel("Epochs of training").fill("1");
    await page.getByLabel("Epochs of training").press("Enter");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page
      .locator(".lab-status")
      .filter({ hasText: /finished in/ })
      .waitFor({ timeout: 90000 });
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
