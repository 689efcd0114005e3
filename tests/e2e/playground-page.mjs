// What the playground tests ask of the page: its status line, its notices, its painted views.
// Shared so that other browser tests (the lab's) can drive the same page.

export const VIEW_IDS = [
  'view-activations', 'view-derivatives', 'view-gradients', 'view-loss', 'view-boundary', 'view-network',
];

/** Test accuracy in % from the role="status" line, or null before the first snapshot. */
export async function statusTestAccuracy(page) {
  const text = await page.getByRole('status').textContent();
  const m = /test accuracy ([\d.]+)%/.exec(text ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Presses Play and waits until the status line shows test accuracy ≥ `min` %; returns that
 * status text, then pauses.
 */
export async function trainUntil(page, min, timeoutMs) {
  const status = page.getByRole('status');
  await status.filter({ hasText: 'test accuracy' }).waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: /^Play/ }).click();
  const start = Date.now();
  let text = '';
  for (;;) {
    text = (await status.textContent()) ?? '';
    const m = /test accuracy ([\d.]+)%/.exec(text);
    if (m && Number(m[1]) >= min) break;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`test accuracy stayed below ${min}% for ${timeoutMs} ms; status: ${text}`);
    }
    await page.waitForTimeout(100);
  }
  const ms = Date.now() - start;
  await page.getByRole('button', { name: /^Pause/ }).click();
  return { ms, status: text };
}

/** For each canvas in the element with id `viewId`: how many pixels are painted (not blank or white). */
export function paintedPixels(page, viewId) {
  return page.evaluate((id) => {
    const root = document.getElementById(id);
    if (!root) throw new Error(`no #${id}`);
    return [...root.querySelectorAll('canvas')].map((canvas) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const white = data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245;
        if (data[i + 3] > 0 && !white) painted++;
      }
      return painted;
    });
  }, viewId);
}

/** How many CSS pixels the page is wider than its window (> 0: it scrolls sideways). */
export function pageWidthOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
