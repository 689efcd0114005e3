// The fixture every browser suite shares: the built dist/ (or $GRADSCOPE_SITE) served under a
// sub-path on 127.0.0.1, one headless Chromium, and the folder screenshots go to.
import { mkdir } from "node:fs/promises";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
export const artifacts = `${repo}test-artifacts`;
/** The folder served: the built site. */
export const siteRoot = process.env.GRADSCOPE_SITE ?? `${repo}dist`;

/** Registers before/after hooks in the calling suite; the returned object's `server` and
 * `browser` are set while its tests run. `headers` go on every response (e.g. a CSP). */
export function useBuiltSite({ headers = {} } = {}) {
  const built = { server: undefined, browser: undefined };
  before(async () => {
    built.server = await startStaticServer({
      root: siteRoot,
      base: "/courses/nn/playground/",
      headers,
    });
    built.browser = await launchChromium();
    await mkdir(artifacts, { recursive: true });
  });
  after(async () => {
    await built.browser?.close();
    await built.server?.close();
  });
  return built;
}
