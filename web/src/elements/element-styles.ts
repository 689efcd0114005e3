// The elements' CSS as constructed stylesheets. A shadow root does not see the page's styles and
// the strict CSP refuses <style> elements, so every stylesheet the views use is imported as text
// (Vite's ?inline, with its url()s rewritten to files next to the script) and adopted by the
// shadow roots. Each group is its own dynamic import: a page with one <gradscope-chain> fetches
// neither the softmax panel's nor KaTeX's CSS. Fonts are declared once at document level, since
// @font-face inside a shadow root is ignored.

import themeCss from "./element-theme.css?inline";

const sheets = new Map<string, CSSStyleSheet>();

/** One constructed sheet per CSS text, shared by every element on the page that uses it. */
export function sheetOf(css: string, baseURL?: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = baseURL === undefined ? new CSSStyleSheet() : new CSSStyleSheet({ baseURL });
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** The theme every element adopts last: colours, fonts, light/dark, the problem box. */
export function themeSheet(): CSSStyleSheet {
  return sheetOf(themeCss);
}

type CssModule = Promise<{ default: string }>;

/** The sheets of each group of views, loaded on first use. */
const GROUPS = {
  /** The page's cards, buttons and controls, and uPlot's chart styles. */
  page: () => [
    import("../styles.css?inline"),
    import("uplot/dist/uPlot.min.css?inline"),
    import("../views/draw-confusion.css?inline"),
  ],
  lab: () => [import("../lab/lab.css?inline")],
  softmax: () => [import("../softmax/softmax.css?inline")],
  backprop: () => [
    import("../backprop/backprop.css?inline"),
    import("../backprop/backprop-stepper.css?inline"),
  ],
  katex: () => [import("katex/dist/katex.min.css?inline")],
} satisfies Record<string, () => CssModule[]>;

export type StyleGroup = keyof typeof GROUPS;

/** The constructed sheets of `groups`, in order (later groups win ties). */
export async function loadSheets(groups: readonly StyleGroup[]): Promise<CSSStyleSheet[]> {
  const loaded = await Promise.all(groups.map((g) => Promise.all(GROUPS[g]())));
  const texts = loaded.flat().map((m) => m.default);
  if (groups.includes("katex")) {
    for (const text of texts) declareFonts(document, text);
  }
  return texts.map((text) => sheetOf(text, import.meta.url));
}

const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
const declared = new WeakMap<Document, Set<string>>();

/**
 * Adopts the @font-face rules of `css` at document level, once per document (a font declared in a
 * shadow root is never loaded). The sheet's base URL is this script's, so relative font URLs
 * resolve next to it from any sub-path.
 */
export function declareFonts(doc: Document, css: string): void {
  const faces = (css.match(FONT_FACE) ?? []).join("\n");
  if (faces === "") return;
  const done = declared.get(doc) ?? new Set<string>();
  if (done.has(faces)) return;
  done.add(faces);
  declared.set(doc, done);
  const sheet = new CSSStyleSheet({ baseURL: import.meta.url });
  sheet.replaceSync(faces);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
