// The elements' build: web/src/elements/gradscope-elements.ts and everything it loads, as plain
// ES modules with relative URLs (chunks, workers, fonts, .wasm and digits as files next to the
// entry, none inlined: the strict CSP refuses data: URIs). Not Vite's library mode, which inlines
// assets. scripts/build-elements.sh copies the output to dist/elements/ and wasm/dist/elements/.
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The views import their CSS for the page (import "./lab.css"); in a shadow root that CSS would
 * land in the document instead, so here those imports are empty and the elements adopt the same
 * files as constructed sheets (element-styles.ts, "?inline").
 */
function stylesAsSheetsOnly(): Plugin {
  const empty = "\0gradscope-empty-css";
  return {
    name: "gradscope-styles-as-sheets-only",
    enforce: "pre",
    resolveId(source) {
      return /\.css$/.test(source) ? empty : null;
    },
    load(id) {
      return id === empty ? "export {};" : null;
    },
  };
}

export default defineConfig({
  root: here("."),
  base: "./",
  publicDir: false,
  resolve: { alias: { gradscope: here("../wasm/dist/index.js") } },
  plugins: [stylesAsSheetsOnly()],
  worker: {
    format: "es",
    rollupOptions: {
      output: {
        entryFileNames: "workers/[name]-[hash].js",
        // One file per worker: an app's bundler copies a worker script it finds by URL as it is,
        // so the worker must import nothing by relative path (the .wasm comes from the page).
        codeSplitting: false,
      },
      checks: { pluginTimings: false },
    },
  },
  build: {
    outDir: here("../build/elements"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    assetsInlineLimit: 0,
    // Vite's <link rel=modulepreload> injection assumes an HTML page of ours; the elements are
    // loaded into anyone's page.
    modulePreload: false,
    rollupOptions: {
      input: here("src/elements/gradscope-elements.ts"),
      // Keep the entry's exports (the element classes) for bundler users.
      preserveEntrySignatures: "exports-only",
      // Rolldown's note that Vite's own CSS and worker plugins take most of the build time.
      checks: { pluginTimings: false },
      output: {
        entryFileNames: "gradscope-elements.js",
        chunkFileNames: "chunks/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
});
