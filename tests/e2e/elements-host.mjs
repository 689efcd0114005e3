// A tutorial author's static site for the element suites: the pages a test writes, under a
// sub-path, with the built elements (dist/elements) beside them, served on 127.0.0.1 with the
// strict CSP, and one headless Chromium.
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before } from "node:test";
import { launchChromium, openPage } from "../support/chromium.js";
import { startStaticServer } from "../support/static-server.js";
import { recordCspViolations, STRICT_CSP } from "../support/strict-csp.js";
import { siteRoot } from "./built-site.mjs";

/** The site's root folder, as the pages' URLs are relative to it. */
export const ELEMENTS_SCRIPT = "/course/elements/gradscope-elements.js";

/**
 * Registers before/after hooks: `pages` (path under /course/ → HTML) are written to a temp folder
 * next to the built elements. The returned object's `server`, `browser` and `root` are set while
 * the suite's tests run; `open(path, options)` opens a page recording problems, console
 * warnings and CSP violations.
 */
export function useElementsSite(pages) {
  const site = { server: undefined, browser: undefined, root: undefined };
  before(async () => {
    site.root = await mkdtemp(join(tmpdir(), "gradscope-elements-"));
    await symlink(join(siteRoot, "elements"), join(site.root, "elements"));
    for (const [path, html] of Object.entries(pages)) {
      await mkdir(dirname(join(site.root, path)), { recursive: true });
      await writeFile(join(site.root, path), html);
    }
    site.server = await startStaticServer({
      root: site.root,
      base: "/course/",
      headers: { "content-security-policy": STRICT_CSP },
    });
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
    if (site.root) await rm(site.root, { recursive: true, force: true });
  });
  site.open = async (path, { viewport, colorScheme = "light", deviceScaleFactor = 1 } = {}) => {
    let violations;
    const warnings = [];
    const opened = await openPage(site.browser, site.server.url + path, viewport, {
      deviceScaleFactor,
      prepare: async (page) => {
        violations = await recordCspViolations(page);
        await page.emulateMedia({ colorScheme });
        page.on("console", (m) => {
          if (m.type() === "warning") warnings.push(m.text());
        });
      },
    });
    return { ...opened, warnings, violations };
  };
  return site;
}

/** A page that loads the elements the way a tutorial does (one script tag) around `body`. */
export function elementsPage(title, body, scriptPath = "../../elements/gradscope-elements.js") {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script type="module" src="${scriptPath}"></script>
</head>
<body>
${body}
</body>
</html>
`;
}
