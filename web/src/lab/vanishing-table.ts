// The experiment's table: per variant, every hidden layer's speed at initialisation, the ratio of
// the first to the last, the held-out accuracy at initialisation and after the latest epoch.

import { GradscopeError, speedRatio } from "gradscope";
import { formatNumber, formatPercent } from "../views/number-format.js";
import { diverged, type VanishingResults } from "./vanishing-results.js";
import { variantLabel } from "./vanishing-variants.js";

export class VanishingTable {
  private readonly table: HTMLTableElement;

  constructor(container: HTMLElement) {
    this.table = container.ownerDocument.createElement("table");
    this.table.className = "speed-table";
    container.append(this.table);
  }

  update(r: VanishingResults, hidden: number, book: readonly number[] | undefined): void {
    const doc = this.table.ownerDocument;
    const caption = doc.createElement("caption");
    caption.textContent =
      "Speed of learning ‖∂C/∂bˡ‖ of each hidden layer at initialisation, averaged over 1,000 training images";
    const head = doc.createElement("thead");
    const hr = doc.createElement("tr");
    const headers = [
      "variant",
      ...Array.from({ length: hidden }, (_, i) => `hidden ${i + 1}`),
      "first ÷ last",
      "accuracy at init",
      "epoch",
      "latest speeds (first → last)",
      "accuracy now",
    ];
    for (const h of headers) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = h;
      hr.append(th);
    }
    head.append(hr);
    const body = doc.createElement("tbody");
    const cell = (tr: HTMLTableRowElement, text: string, cls = "num") => {
      const td = doc.createElement("td");
      td.className = cls;
      td.textContent = text;
      tr.append(td);
    };
    for (const v of r.variants) {
      const tr = doc.createElement("tr");
      tr.dataset.variant = v;
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = variantLabel(v);
      tr.append(th);
      const first = r.initial(v);
      const last = r.latest(v);
      for (let i = 0; i < hidden; ++i) cell(tr, first ? formatNumber(first.speeds[i] ?? NaN) : "…");
      const s = first?.speeds;
      cell(tr, s && s.length > 0 ? speedRatioText(s) : "…");
      cell(tr, first ? formatPercent(first.test.accuracy) : "…");
      cell(tr, last ? String(last.epoch) : "…");
      if (last && diverged(last)) cell(tr, "diverged (non-finite gradient)", "text");
      else cell(tr, last ? last.speeds.map(formatNumber).join(" → ") : "…", "text");
      cell(tr, last ? formatPercent(last.test.accuracy) : "…");
      body.append(tr);
    }
    const parts: HTMLElement[] = [caption, head, body];
    if (book && book.length === hidden) {
      const foot = doc.createElement("tfoot");
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = "the book (Nielsen, ch. 5)";
      tr.append(th);
      for (const b of book) cell(tr, formatNumber(b));
      cell(tr, formatNumber((book[0] as number) / (book[book.length - 1] as number)));
      for (let i = 0; i < 4; ++i) cell(tr, "");
      foot.append(tr);
      parts.push(foot);
    }
    this.table.replaceChildren(...parts);
  }
}

/** first ÷ last speed, or "—" where the package refuses it (a last speed of 0, a non-finite one). */
export function speedRatioText(speeds: readonly number[]): string {
  try {
    return formatNumber(speedRatio(speeds));
  } catch (e) {
    if (e instanceof GradscopeError) return "—";
    throw e;
  }
}
