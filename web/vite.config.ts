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
    // Every asset a file, never a data: URL (Vite inlines those under 4 KB, e.g. KaTeX's smallest
    // font), which the strict CSP's default-src 'self' refuses.
    assetsInlineLimit: 0,
  },
});
