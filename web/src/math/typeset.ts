// Typesets one TeX formula into a DOM node with KaTeX. katex.render builds DOM nodes and sets their
// styles through the CSSOM, which the strict CSP allows; renderToString + innerHTML would carry
// the same styles as style="" attributes, which that CSP drops. KaTeX's stylesheet and fonts are
// imported once here, so Vite serves the fonts as files next to the bundle (no data: URIs).

import katex from "katex";
import "katex/dist/katex.min.css";

export interface TypesetOptions {
  /** Display style (a centred block), not inline. */
  display?: boolean;
  /** What a screen reader hears instead of KaTeX's MathML, when plain words read better. */
  label?: string;
}

/**
 * Replaces `target`'s content with `tex` typeset. Our formulas are written in the source, so a
 * TeX error is a bug: it throws (KaTeX's ParseError names the offending token).
 */
export function typeset(target: HTMLElement, tex: string, options: TypesetOptions = {}): void {
  katex.render(tex, target, {
    displayMode: options.display ?? false,
    throwOnError: true,
    // \htmlClass etc. stay off: nothing here needs to reach into the page's DOM or styles.
    trust: false,
    strict: "error",
    output: "htmlAndMathml",
  });
  if (options.label !== undefined) target.setAttribute("aria-label", options.label);
}

/** A new element of `tag` holding `tex` typeset (e.g. to append beside numbers). */
export function typesetElement(
  doc: Document,
  tex: string,
  options: TypesetOptions & { tag?: "span" | "div" } = {},
): HTMLElement {
  const el = doc.createElement(options.tag ?? (options.display ? "div" : "span"));
  el.className = "tex";
  typeset(el, tex, options);
  return el;
}
