// The one Content-Security-Policy the site and the package are held to (documented in
// wasm/README.md): scripts and workers from the page's own origin, WebAssembly compiled without
// 'unsafe-eval', and styles, images and fonts falling back to 'self' (no inline or data: URLs).
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

/**
 * Records every CSP violation of `page`: its `securitypolicyviolation` events (registered before
 * any page script runs) and Chromium's console reports of a refusal. Call before page.goto;
 * `await violations()` lists them.
 */
export async function recordCspViolations(page) {
  const reported = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) reported.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  return async () => [
    ...reported,
    ...(await page.evaluate(() => window.cspViolations ?? [])).map((v) => `event: ${v}`),
  ];
}
