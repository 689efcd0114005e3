// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with a fresh profile.
import { chromium } from 'playwright-core';

export async function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens url, waits until the page sets window.gradscopeResult (an object) and returns it with the
 * console errors and failed requests seen on the way (for assertion messages).
 */
export async function resultOfPage(browser, url, { timeout = 120_000, screenshot } = {}) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.gradscopeResult !== undefined, null, { timeout });
    const result = await page.evaluate(() => window.gradscopeResult);
    if (screenshot) await page.screenshot({ path: screenshot });
    return { result, problems };
  } catch (e) {
    throw new Error(`${url}: ${e.message}\n${problems.join('\n')}`);
  } finally {
    await page.close();
  }
}
