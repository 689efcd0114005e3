// Headless Debian Chromium (/usr/bin/chromium) driven by playwright-core, with a fresh profile per
// launch: the one launcher of the browser tests (tests/e2e and the install test in tests/js).
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Records console errors, page errors and failed requests of `page` in the returned list. */
function recordProblems(page) {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) =>
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
  );
  return problems;
}

/**
 * A new page at `url` in its own context that records console errors, page errors, failed
 * requests and HTTP errors in `problems` (the test asserts it stays empty) and refuses dialogs
 * (an alert() would mean script injection). `prepare(page)` runs before the page loads (e.g. to
 * add listeners); `deviceScaleFactor` renders at that zoom; `touch` emulates a touch screen (a
 * phone: `hasTouch` and `isMobile`, for `locator.tap()`).
 */
export async function openPage(
  browser,
  url,
  viewport = { width: 1280, height: 800 },
  { prepare, deviceScaleFactor = 1, touch = false } = {},
) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor,
    hasTouch: touch,
    isMobile: touch,
  });
  const page = await context.newPage();
  const problems = recordProblems(page);
  const dialogs = [];
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await prepare?.(page);
  await page.goto(url);
  return { page, context, problems, dialogs };
}

/**
 * Opens url, waits until the page sets window.gradscopeResult (an object) and returns it with the
 * problems seen on the way (for assertion messages).
 */
export async function resultOfPage(browser, url, { timeout = 120_000, screenshot } = {}) {
  const page = await browser.newPage();
  const problems = recordProblems(page);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.gradscopeResult !== undefined, null, { timeout });
    const result = await page.evaluate(() => window.gradscopeResult);
    if (screenshot) await page.screenshot({ path: screenshot });
    return { result, problems };
  } catch (e) {
    throw new Error(`${url}: ${e.message}\n${problems.join("\n")}`, { cause: e });
  } finally {
    await page.close();
  }
}
