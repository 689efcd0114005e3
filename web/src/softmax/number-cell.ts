// A number on the panel that a test can read exactly: `data-path` names it (e.g. "a[0]",
// "J[1][2]", 0-based) and `data-value` holds String(value) of the double it shows, while the
// text is the page's four significant digits.

import { formatNumber } from "../views/number-format.js";

/** The page's number text with a proper minus sign. */
export function numberText(v: number): string {
  return formatNumber(v).replace(/^-/, "−");
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
