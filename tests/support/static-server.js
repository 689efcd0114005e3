// The one static file server of the browser tests (tests/e2e and the install test in tests/js):
// serves a folder under a sub-path on 127.0.0.1 with plain headers — correct MIME types
// (application/wasm included), no COOP/COEP — so a test sees a site the way any static host
// serves it. `headers` adds response headers (the CSP test sets Content-Security-Policy).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/**
 * Serves `root` at http://127.0.0.1:<free port><base>; `base` starts and ends with '/'.
 * Resolves to { url, close(), requests } where requests lists every path asked for.
 */
export async function startStaticServer({ root, base = "/", headers = {} }) {
  if (!base.startsWith("/") || !base.endsWith("/"))
    throw new Error(`base ${base} must start and end with /`);
  const top = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    if (path === "/favicon.ico") {
      res.writeHead(204).end(); // browsers ask for it; a 404 would show as a console error
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end("outside the site");
      return;
    }
    let file = normalize(join(top, path.slice(base.length)));
    if (file !== top && !file.startsWith(top + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file);
      }
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-store",
        ...headers,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}
