// The iframe embed mode (embed=1) as a host page of another origin uses it: the site served on
// localhost inside a page served on 127.0.0.1. Only the cards named by show= and the controls
// named by controls=, no header, tabs or notice area; the content height and the hash's problems
// reach the host as postMessage events, and a bad key is reported to the host, not drawn.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { openPage } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { artifacts, useBuiltSite } from "./built-site.mjs";

/** A host page that embeds `src` and sizes the iframe from the resize messages it receives. */
function hostPage(src) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title></head>
<body>
<p>A tutorial paragraph above the embedded view.</p>
<script>
  window.received = [];
  addEventListener("message", (e) => {
    window.received.push({ origin: e.origin, data: e.data });
    if (e.data && e.data.type === "gradscope:resize")
      document.getElementById("frame").style.height = e.data.height + "px";
  });
</script>
<iframe id="frame" title="gradscope" style="width: 100%; border: 0" src="${src}"></iframe>
<p>A paragraph below it.</p>
</body></html>`;
}

describe("iframe embed mode (embed=1) in a page of another origin", () => {
  const built = useBuiltSite();
  let host;
  let hostRoot;
  before(async () => {
    hostRoot = await mkdtemp(join(tmpdir(), "gradscope-host-"));
    host = await startStaticServer({ root: hostRoot, base: "/tutorial/" });
  });
  after(async () => {
    await host?.close();
    if (hostRoot) await rm(hostRoot, { recursive: true, force: true });
  });

  /** Opens the host page embedding the site (on localhost) with `hash`. */
  async function openHost(name, hash, viewport) {
    const site = built.server.url.replace("127.0.0.1", "localhost");
    assert.notEqual(new URL(site).origin, new URL(host.url).origin);
    await writeFile(join(hostRoot, name), hostPage(site + hash));
    const opened = await openPage(built.browser, host.url + name, viewport);
    const frame = opened.page.frameLocator("#frame");
    return { ...opened, frame, site };
  }

  test("only the chosen cards and Play, no header/tabs/notices; resize and problems messages", async () => {
    const hash = "#embed=1&show=gradient-norms,network&controls=play&steps=200&hideText=1";
    const { page, context, problems, frame, site } = await openHost("one.html", hash);
    const status = frame.getByRole("status");
    await status.filter({ hasText: "(step 200)" }).waitFor({ timeout: 60000 });

    const cards = await frame.locator(".view-card").evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(cards, ["view-gradients", "view-network"]);
    // The network card, alone in its row after the wide gradients card, spans the row.
    const widths = await frame
      .locator(".view-card")
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    assert.equal(widths[1], widths[0], `card widths ${widths}`);
    const buttons = await frame
      .locator(".transport button:visible")
      .evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(buttons, ["play"]);
    assert.equal(await frame.locator("form[aria-label=Settings]").count(), 0);
    assert.equal(await frame.locator("#story-menu").isVisible(), false);
    assert.equal(await frame.locator(".page-header").isVisible(), false);
    assert.equal(await frame.getByRole("tab").first().isVisible(), false);
    assert.equal(await frame.locator("#notices").isVisible(), false);
    assert.match(await frame.locator("body").getAttribute("class"), /\bembedded\b/);
    // The bad key is nowhere on the embedded page.
    assert.equal(await frame.getByText("hideText").count(), 0);

    const origin = new URL(site).origin;
    await page.waitForFunction(() =>
      window.received.some((m) => m.data?.type === "gradscope:problems"),
    );
    const received = await page.evaluate(() => window.received);
    assert.ok(
      received.every((m) => m.origin === origin),
      JSON.stringify(received),
    );
    const reported = received.filter((m) => m.data.type === "gradscope:problems");
    assert.deepEqual(
      reported.map((m) => m.data.problems),
      [['unknown setting "hideText" ignored']],
    );

    // The host sized the iframe from the latest resize message: the whole content shows, no
    // inner scrollbar, and the height is the content's.
    const resizes = received.filter((m) => m.data.type === "gradscope:resize");
    assert.ok(resizes.length >= 1);
    for (const m of resizes) assert.ok(Number.isInteger(m.data.height) && m.data.height > 0);
    await page.waitForFunction(() => {
      const last = window.received.filter((m) => m.data?.type === "gradscope:resize").at(-1);
      return (
        last && document.getElementById("frame").getBoundingClientRect().height === last.data.height
      );
    });
    const inner = await frame.locator("html").evaluate((html) => ({
      content: Math.ceil(html.getBoundingClientRect().height),
      scroll: html.scrollHeight,
      viewport: window.innerHeight,
    }));
    assert.equal(inner.viewport, inner.content, JSON.stringify(inner));
    assert.ok(inner.scroll <= inner.viewport, JSON.stringify(inner));
    // A card drawn: the network diagram has painted pixels.
    const painted = await frame
      .locator("#view-network canvas")
      .first()
      .evaluate((c) => {
        const { data } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      });
    assert.ok(painted > 100, `network diagram painted ${painted} pixels`);
    await page.screenshot({ path: `${artifacts}/embed-mode-host-1280x800.png`, fullPage: true });

    // Play is the one control, and it trains.
    await frame.getByRole("button", { name: /^Play/ }).click();
    await status.filter({ hasText: /\(step (2[1-9]\d|[3-9]\d\d|\d{4,})\)/ }).waitFor();
    await frame.getByRole("button", { name: /^Pause/ }).click();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a card whose view cannot show the data says so; bad show= and controls= fall back", async () => {
    const hash = "#embed=1&dataset=mnist&show=decision-boundary,loss-accuracy&controls=";
    const { page, context, problems, frame } = await openHost("two.html", hash);
    const note = frame.locator("#view-boundary .view-inapplicable");
    await note.waitFor();
    assert.equal(
      await note.textContent(),
      "The view “Decision boundary” needs 2-D input (points in a plane) or 1-D input (a function of x); this run trains on mnist (images of 784 pixels).",
    );
    assert.equal(await frame.locator("#view-boundary .view-body").isVisible(), false);
    assert.ok(await frame.locator("#view-loss .view-body").isVisible());
    // The test digits' card is not shown, so the MNIST caption does not point at it.
    const caption = await frame.locator("#view-loss .view-explanation").textContent();
    assert.match(caption, /fixed subset/);
    assert.doesNotMatch(caption, /test digits/);
    assert.equal(await frame.locator(".transport button").count(), 0);
    await frame
      .getByRole("status")
      .filter({ hasText: "test accuracy" })
      .waitFor({ timeout: 60000 });
    // The explaining card is as tall as its sentence, not stretched to its neighbour's height.
    const heightOf = (id) =>
      frame.locator(id).evaluate((e) => Math.round(e.getBoundingClientRect().height));
    const [boundaryHeight, lossHeight] = [
      await heightOf("#view-boundary"),
      await heightOf("#view-loss"),
    ];
    assert.ok(boundaryHeight < lossHeight / 2, `heights ${boundaryHeight}, ${lossHeight}`);

    await writeFile(
      join(hostRoot, "three.html"),
      hostPage(
        `${built.server.url.replace("127.0.0.1", "localhost")}#embed=1&show=softmax&controls=pley`,
      ),
    );
    await page.goto(host.url + "three.html");
    await page.waitForFunction(() =>
      window.received.some((m) => m.data?.type === "gradscope:problems"),
    );
    const reported = await page.evaluate(() =>
      window.received
        .filter((m) => m.data.type === "gradscope:problems")
        .flatMap((m) => m.data.problems),
    );
    assert.equal(reported.length, 2, reported.join("\n"));
    assert.match(reported[0], /^show: "softmax" is not a view of a run/);
    assert.match(reported[1], /^controls: "pley" is not a control/);
    // The defaults: the playground's cards (the boundary on 2-D data) and Play, Step, Reset.
    const again = page.frameLocator("#frame");
    await again.locator("#view-network").waitFor();
    const buttons = await again
      .locator(".transport button")
      .evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(buttons, ["play", "step", "reset"]);
    assert.ok(await again.locator("#view-boundary").isVisible());
    assert.equal(await again.locator("#view-digits").isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a backprop card beside the run's Play traces when paused and does not stop training", async () => {
    const { page, context, problems } = await openPage(
      built.browser,
      `${built.server.url}#embed=1&show=network,backprop&steps=50`,
    );
    const traced = page.locator("#view-backprop .backprop-status");
    await page.locator("#view-backprop .backprop-status[data-traced='train:0@50']").waitFor({
      timeout: 60000,
    });
    await page.getByRole("button", { name: /^Play/ }).click();
    await traced.filter({ hasText: "Training: pause to trace" }).waitFor();
    const status = page.getByRole("status").first();
    await status.filter({ hasText: /\(step ([6-9]\d|\d{3,})\)/ }).waitFor();
    assert.ok(await page.getByRole("button", { name: /^Pause/ }).isVisible(), "still training");
    await page.getByRole("button", { name: /^Pause/ }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector("#view-backprop .backprop-status");
      const m = /@(\d+)$/.exec(el?.dataset.traced ?? "");
      return m !== null && Number(m[1]) > 50;
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
