// ESLint for every TypeScript and JavaScript file (flat config). Formatting is Prettier's job:
// `npm run lint` runs both; nothing here restates a formatting rule.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "build-*/",
      "dist/",
      "wasm/dist/",
      "wasm/dist.next/",
      "web/public/",
      "test-artifacts/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter an interface requires but this implementation does not use.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    // The page, the elements and the browser fixtures run in browsers and workers.
    files: ["web/**", "tests/js/fixtures/**", "bench/browser/**"],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // The package runs in Node and browsers; tests, scripts and benchmarks in Node.
    files: ["wasm/**", "tests/**", "scripts/**", "bench/**", "*.js", "*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
