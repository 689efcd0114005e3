// The Share / Embed dialog on the built site: it opens from the header on every tab with that
// tab's snippets; on the playground the card and control checkboxes and the start step shape the
// iframe, whose copied snippet, pasted into a page of another origin, shows only those cards and
// controls at a height close to what the embedded page reports; a lab's link opens the same lab;
// a refused clipboard leaves the text selected with a word saying so.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

const shots = `${artifacts}/share`;
await mkdir(shots, { recursive: true });

/** A host page with the pasted snippet that records the messages the frame posts. */
function hostPage(snippet) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title>
<style>body { margin: 8px; width: 700px; }</style></head>
<body>
<script>
  window.received = [];
  addEventListener("message", (e) => window.received.push(e.data));
</script>
<p>A tutorial paragraph above the embed.</p>
${snippet}
</body></html>`;
}

/** The checked boxes of a fieldset of the dialog, as their values. */
function checked(page, fieldset) {
  return page
    .locator(`#share-dialog .${fieldset} input[type=checkbox]:checked`)
    .evaluateAll((els) => els.map((e) => e.value));
}

/** Checks exactly `values` among the fieldset's boxes. */
async function choose(page, fieldset, values) {
  for (const box of await page.locator(`#share-dialog .${fieldset} input[type=checkbox]`).all()) {
    const want = values.includes(await box.getAttribute("value"));
    if ((await box.isChecked()) !== want) await box.click();
  }
}

function hashOf(url) {
  return new URLSearchParams(new URL(url).hash.slice(1));
}

describe("Share / Embed dialog", () => {
  const built = useBuiltSite();
  let host;
  let hostRoot;
  before(async () => {
    hostRoot = await mkdtemp(join(tmpdir(), "gradscope-share-host-"));
    host = await startStaticServer({ root: hostRoot, base: "/blog/" });
  });
  after(async () => {
    await host?.close();
    if (hostRoot) await rm(hostRoot, { recursive: true, force: true });
  });

  test("playground: chosen cards and controls, copied iframe shows only them elsewhere", async () => {
    const query = "dataset=xor&hidden=5,5&learningRate=0.7";
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#${query}`,
    );
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(built.server.url).origin,
    });
    await page.locator("#status").filter({ hasText: "step" }).waitFor();
    await page.locator("#share").click();
    const dialog = page.locator("#share-dialog");
    await dialog.waitFor();
    assert.equal(await page.locator("#share-title").textContent(), "Share or embed: Playground");
    // The defaults: two cards for 2-D data on a shallow network, and play/step/reset.
    assert.deepEqual(await checked(page, "share-cards"), ["decision-boundary", "loss-accuracy"]);
    // Served from 127.0.0.1: the dialog warns that the snippets point at this machine.
    assert.match(
      await page.locator("#share-warning").textContent(),
      /served from this machine \(127\.0\.0\.1:\d+\).*readers elsewhere cannot load them/,
    );
    assert.equal(await page.locator("#share-warning").isVisible(), true);
    assert.deepEqual(await checked(page, "share-controls"), ["play", "step", "reset"]);
    assert.match(
      await page.locator("label:has(#share-card-test-digits)").textContent(),
      /needs images; this run trains on xor/,
    );

    await choose(page, "share-cards", ["network", "gradient-norms"]);
    await choose(page, "share-controls", ["play"]);
    await page.locator("#share-steps").fill("150");
    await page.screenshot({ path: `${shots}/playground-dialog.png` });
    // The iframe's note states the snippet's height and the width it assumes.
    const iframeText = await page.locator("#share-iframe").inputValue();
    const stated = /height="(\d+)"/.exec(iframeText)?.[1];
    assert.match(
      await page.locator("#share-iframe-height").textContent(),
      new RegExp(`height="${stated}" fits the chosen cards in a frame 700 px wide`),
    );
    const resizeScript = await page.locator("#share-resize").inputValue();
    assert.match(resizeScript, /gradscope:resize/);
    // Each snippet is one click away: the jump button brings it into view.
    for (const id of ["elements", "iframe", "link"]) {
      await page.locator(`#share-jump-${id}`).click();
      assert.equal(await page.locator(`#share-${id}`).isVisible(), true);
      const inView = await page.locator(`#share-${id}`).evaluate((t) => {
        const r = t.getBoundingClientRect();
        const d = t.closest("dialog").getBoundingClientRect();
        return r.top >= d.top && r.top < d.bottom;
      });
      assert.ok(inView, `#share-${id} scrolled into view`);
    }

    const link = await page.locator("#share-link").inputValue();
    const linked = hashOf(link);
    assert.equal(linked.get("dataset"), "xor");
    assert.equal(linked.get("hidden"), "5,5");
    assert.equal(linked.get("learningRate"), "0.7");
    assert.equal(linked.get("steps"), "150");
    const elements = await page.locator("#share-elements").inputValue();
    assert.match(elements, /<script type="module" src="[^"]*\/elements\/gradscope-elements\.js">/);
    assert.match(elements, /learning-rate="0\.7"/);
    assert.match(elements, /steps="150"/);
    assert.deepEqual(
      [...elements.matchAll(/<gradscope-view run="xor-run-[0-9a-z]{4}" name="([a-z-]+)"/g)].map(
        (m) => m[1],
      ),
      ["network", "gradient-norms"],
    );
    const runIdOf = (text) => / id="(xor-run-[0-9a-z]{4})"/.exec(text)?.[1];
    assert.ok(runIdOf(elements));

    await page.locator("#share-copy-iframe").click();
    await page.locator("#share-status").filter({ hasText: "Copied: iframe." }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(snippet, await page.locator("#share-iframe").inputValue());
    assert.match(snippet, /^<iframe/);
    assert.match(snippet, /loading="lazy"/);
    const height = Number(/height="(\d+)"/.exec(snippet)?.[1]);
    assert.deepEqual(problems, []);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await context.close();

    // Pasted into a page of another origin, 700 px wide: only the chosen cards and Play.
    await writeFile(join(hostRoot, "post.html"), hostPage(`${snippet}\n${resizeScript}`));
    const hosted = await openPage(built.browser, `${host.url}post.html`, {
      width: 716,
      height: 900,
    });
    assert.notEqual(new URL(host.url).origin, new URL(built.server.url).origin);
    const frame = hosted.page.frameLocator("iframe");
    await frame.locator("#status").filter({ hasText: "(step 150)" }).waitFor({ timeout: 60000 });
    const cards = await frame.locator(".view-card").evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(cards, ["view-network", "view-gradients"]);
    const buttons = await frame
      .locator(".transport button:visible")
      .evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(buttons, ["play"]);
    assert.equal(await frame.locator(".page-header").isVisible(), false);
    // The snippet's fixed height is close to what the embedded page measures (within 10 %), so a
    // host that runs no script shows the cards without a long inner scroll or a large gap.
    await hosted.page.waitForFunction(() =>
      window.received.some((m) => m?.type === "gradscope:resize"),
    );
    await hosted.page.waitForTimeout(500);
    const reported = await hosted.page.evaluate(
      () => window.received.filter((m) => m?.type === "gradscope:resize").at(-1).height,
    );
    assert.ok(
      Math.abs(height - reported) <= 0.1 * reported,
      `snippet height ${height} px, page ${reported} px`,
    );
    // The dialog's host script sized the frame to what its page reported.
    assert.equal(
      await hosted.page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height),
      reported,
    );
    const problemMessages = await hosted.page.evaluate(() =>
      window.received.filter((m) => m?.type === "gradscope:problems"),
    );
    assert.deepEqual(problemMessages, [], "the snippet's hash has no problem");
    await hosted.page.screenshot({ path: `${shots}/pasted-iframe.png`, fullPage: true });
    assert.deepEqual(hosted.problems, []);
    await hosted.context.close();
  });

  test("every tab opens the dialog with its own snippets; Escape closes it", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#dataset=circle`,
    );
    const tabs = [
      { id: "playground", run: true, element: "gradscope-run" },
      { id: "backprop", run: true, element: "gradscope-run" },
      { id: "chain", run: false, element: "gradscope-chain" },
      { id: "vanishing", run: false, element: "gradscope-vanishing" },
      { id: "softmax", run: false, element: "gradscope-softmax" },
      { id: "about", run: false, element: null },
    ];
    for (const tab of tabs) {
      await page.locator(`#tab-${tab.id}`).click();
      const title = await page.locator(`#tab-${tab.id}`).textContent();
      await page.locator("#share").click();
      await page.locator("#share-dialog").waitFor();
      assert.equal(await page.locator("#share-title").textContent(), `Share or embed: ${title}`);
      assert.equal(await page.locator(".share-run-choices").isVisible(), tab.run, tab.id);
      const link = hashOf(await page.locator("#share-link").inputValue());
      assert.equal(link.get("view"), tab.id === "playground" ? null : tab.id);
      if (tab.element === null) {
        assert.equal(await page.locator("#share-iframe").isVisible(), false);
        assert.equal(await page.locator("#share-elements").isVisible(), false);
      } else {
        const elements = await page.locator("#share-elements").inputValue();
        assert.ok(elements.includes(`<${tab.element}`), `${tab.id}: ${elements}`);
        const src = /src="([^"]*)"/.exec(await page.locator("#share-iframe").inputValue())?.[1];
        const params = hashOf(src.replaceAll("&amp;", "&"));
        assert.equal(params.get("embed"), "1");
        assert.equal(params.get("view"), tab.run ? null : tab.id);
      }
      if (tab.id === "backprop") {
        assert.deepEqual(await checked(page, "share-cards"), ["backprop"]);
      }
      await page.screenshot({ path: `${shots}/tab-${tab.id}.png` });
      await page.keyboard.press("Escape");
      await page.locator("#share-dialog").waitFor({ state: "hidden" });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a lab's link opens the same lab; a refused clipboard selects the text instead", async () => {
    const query = "view=chain&chainW=100,100,100&chainB=-100,-50,-50";
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#${query}`,
      { width: 390, height: 844 },
      {
        prepare: (p) =>
          p.addInitScript(() => {
            navigator.clipboard.writeText = () =>
              Promise.reject(new DOMException("denied", "NotAllowedError"));
          }),
      },
    );
    await page.locator("#share").click();
    const elements = await page.locator("#share-elements").inputValue();
    assert.match(elements, /<gradscope-chain weights="100,100,100" biases="-100,-50,-50">/);
    await page.locator("#share-copy-link").click();
    await page.locator("#share-status").filter({ hasText: "refused" }).waitFor();
    const selection = await page.locator("#share-link").evaluate((t) => ({
      start: t.selectionStart,
      end: t.selectionEnd,
      length: t.value.length,
      focused: document.activeElement === t,
    }));
    assert.deepEqual(selection, {
      start: 0,
      end: selection.length,
      length: selection.length,
      focused: true,
    });
    await page.screenshot({ path: `${shots}/chain-phone-refused.png` });
    const link = await page.locator("#share-link").inputValue();
    assert.deepEqual(problems, []);
    await context.close();

    const again = await openPage(built.browser, link);
    await again.page.locator("#panel-chain").waitFor();
    await again.page.waitForFunction(() => location.hash.includes("chainW"));
    const hash = hashOf(await again.page.evaluate(() => location.href));
    assert.equal(hash.get("chainW"), "100,100,100");
    assert.equal(hash.get("chainB"), "-100,-50,-50");
    assert.equal(await again.page.locator("#notices").isVisible(), false);
    assert.deepEqual(again.problems, []);
    await again.context.close();
  });
});
