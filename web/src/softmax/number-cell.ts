// A number on the panel that a test can read exactly: `data-path` names it (e.g. "a[0]",
// "J[1][2]", 0-based; never shown) and `data-value` holds String(value) of the double it shows, while the
// text is the page's four significant digits.

import { formatNumber } from "../views/number-format.js";

/**
 * The panel's one number format: four significant digits (the page's formatNumber, whose
 * exponent form keeps three, widened to four here so that 1 − 1.229e−5 is told from
 * 1 − 1.24e−5), U+2212 minus, also in the exponent: "−6.144e−6".
 */
export function numberText(v: number): string {
  const text =
    Number.isFinite(v) && v !== 0 && /e/.test(formatNumber(v))
      ? v.toExponential(3)
      : formatNumber(v);
  return text.replace("e+", "e").replace(/^-/, "−").replace("e-", "e−");
}

export function markValue(el: HTMLElement, path: string, v: number, text = numberText(v)): void {
  el.dataset.path = path;
  el.dataset.value = String(v);
  el.textContent = text;
}

export function valueCell(
  doc: Document,
  path: string,
  v: number,
  text = numberText(v),
): HTMLTableCellElement {
  const td = doc.createElement("td");
  td.className = "value";
  markValue(td, path, v, text);
  return td;
}

/** The page's number text (e.g. "−1.2e-5", "1 − 1.229e-5", "∞") as TeX: exponents as ×10^k. */
export function texText(text: string): string {
  return text
    .replaceAll("−", "-")
    .replace("∞", String.raw`\infty`)
    .replace(/(\d(?:\.\d+)?)e(-?\d+)/g, (_, m: string, e: string) => `${m}\\times 10^{${e}}`);
}

/** A number as TeX text: the page's digits, exponents as ×10^k. */
export function texNumber(v: number): string {
  return texText(numberText(v));
}
