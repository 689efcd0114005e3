// The playground's build: relative URLs (base "./") so dist/ works from any sub-path, and the
// npm package resolved to the wrapper that scripts/build-package.sh writes to wasm/dist.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "./",
  resolve: { alias: { gradscope: here("../wasm/dist/index.js") } },
  worker: { format: "es" },
  build: {
    outDir: here("../dist"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: true,
    // Every asset as a file, none inlined as a data: URL: the strict CSP refuses data: fonts
    // (KaTeX's smallest woff2 files are under Vite's default 4 KiB limit).
    assetsInlineLimit: 0,
  },
});
