// A tutorial author's static site for the element tests and the elements benchmark: their pages
// (tests/e2e/elements-site/tut/…) next to the built playground (dist/, with its elements in
// dist/elements/), served under a sub-path: /courses/tut/deep/page.html loads
// /courses/playground/elements/gradscope-elements.js by a relative URL.
import { mkdtemp, mkdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { launchChromium } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { siteRoot } from "./built-site.mjs";

const pages = fileURLToPath(new URL("./elements-site/tut", import.meta.url));

/**
 * Builds the site's folder (symbolic links to dist/ and the fixture pages) and serves it;
 * resolves to { url (of /courses/), requests, close() }.
 */
export async function startElementsSite({ headers = {} } = {}) {
  const root = await mkdtemp(join(tmpdir(), "gradscope-elements-site-"));
  await mkdir(join(root, "courses"));
  await symlink(siteRoot, join(root, "courses", "playground"), "dir");
  await symlink(pages, join(root, "courses", "tut"), "dir");
  const server = await startStaticServer({
    root: join(root, "courses"),
    base: "/courses/",
    headers,
  });
  return {
    ...server,
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Registers before/after hooks: `site.server` and `site.browser` are set while tests run. */
export function useElementsSite({ headers = {} } = {}) {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    site.server = await startElementsSite({ headers });
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
