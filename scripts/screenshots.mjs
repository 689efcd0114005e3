// `npm run screenshots`: every guided story of the built site (dist/, `npm run build` first) at
// 1280×800, 1920×1080, 150 % zoom (1280×720 CSS pixels at deviceScaleFactor 1.5, i.e. 1920×1080
// device pixels) and 390×844, plain and in lecture mode (present=1) at the two large sizes, into
// build/screenshots/stories/. The stories are read from the page's Stories menu, so the list is
// the catalogue's. Each shot waits for the story's fast-forward (steps=N) to be drawn. Then every
// tab (playground at its defaults, chain lab, MNIST lab, about) at the same sizes, full page, into
// build/screenshots/pages/.
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launchChromium, openPage } from "../tests/support/chromium.js";
import { startStaticServer } from "../tests/support/static-server.js";

const repo = fileURLToPath(new URL("../", import.meta.url));
const out = `${repo}build/screenshots/stories`;
const SIZES = [
  { name: "1280x800", viewport: { width: 1280, height: 800 }, scale: 1 },
  { name: "1920x1080", viewport: { width: 1920, height: 1080 }, scale: 1, present: true },
  { name: "zoom150", viewport: { width: 1280, height: 720 }, scale: 1.5, present: true },
  { name: "390x844", viewport: { width: 390, height: 844 }, scale: 1 },
];

const server = await startStaticServer({ root: `${repo}dist`, base: "/gradscope/" });
const browser = await launchChromium();
try {
  await mkdir(out, { recursive: true });
  const menu = await openPage(browser, server.url);
  const ids = await menu.page
    .locator("#story-menu option")
    .evaluateAll((options) => options.map((o) => o.value).filter((v) => v !== ""));
  await menu.context.close();
  let problemsSeen = 0;
  for (const id of ids) {
    for (const size of SIZES) {
      for (const present of size.present ? [false, true] : [false]) {
        const { page, context, problems } = await openPage(
          browser,
          `${server.url}#story=${id}${present ? "&present=1" : ""}`,
          size.viewport,
          { deviceScaleFactor: size.scale },
        );
        const status = page.locator("#status");
        if (await page.locator("#story-menu").isVisible()) {
          // A playground story: wait for its snapshot; a linked one opens another tab.
          await page.locator("#story-readout").filter({ hasText: "At step" }).waitFor({
            timeout: 120000,
          });
          await status.filter({ hasText: "(step" }).waitFor();
        }
        await page.waitForTimeout(600); // the last of the three drawing frames, fonts
        const file = `${out}/${id}-${size.name}${present ? "-present" : ""}.png`;
        await page.screenshot({ path: file });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        console.log(`${file}${overflow > 0 ? ` (scrolls sideways by ${overflow} px)` : ""}`);
        for (const p of problems) console.log(`  problem: ${p}`);
        problemsSeen += problems.length;
        await context.close();
      }
    }
  }
  const pagesOut = `${repo}build/screenshots/pages`;
  await mkdir(pagesOut, { recursive: true });
  for (const tab of ["playground", "chain", "vanishing", "about"]) {
    for (const size of SIZES) {
      const hash = tab === "playground" ? "#steps=200" : `#view=${tab}`;
      const { page, context, problems } = await openPage(
        browser,
        `${server.url}${hash}`,
        size.viewport,
        { deviceScaleFactor: size.scale },
      );
      if (tab === "playground") {
        await page.locator("#status").filter({ hasText: "(step 200)" }).waitFor({
          timeout: 120000,
        });
      }
      await page.waitForTimeout(800);
      const file = `${pagesOut}/${tab}-${size.name}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      for (const p of problems) console.log(`  problem: ${p}`);
      problemsSeen += problems.length;
      await context.close();
    }
  }
  if (problemsSeen > 0) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
