// The experiment's two tables, per network: every hidden layer's speed at initialisation with the
// ratio of the last to the first and the held-out accuracy at initialisation (beside the book's
// speeds); and the same after the latest epoch. Each number cell keeps its full value in
// data-value, so a test can compare the page's run with the package's to the last bit.

import { GradscopeError, speedRatio, type VanishingPoint } from "gradscope";
import { formatNumber, formatPercent } from "../views/number-format.js";
import { diverged, type VanishingResults } from "./vanishing-results.js";
import { variantLabel } from "./vanishing-variants.js";

type Cell = (tr: HTMLTableRowElement, text: string, value?: number, cls?: string) => void;

function makeTable(container: HTMLElement, cls: string): HTMLTableElement {
  const table = container.ownerDocument.createElement("table");
  table.className = `speed-table ${cls}`;
  container.append(table);
  return table;
}

function header(doc: Document, headers: readonly string[]): HTMLTableSectionElement {
  const head = doc.createElement("thead");
  const hr = doc.createElement("tr");
  for (const h of headers) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = h;
    hr.append(th);
  }
  head.append(hr);
  return head;
}

function cellMaker(doc: Document): Cell {
  return (tr, text, value, cls = "num") => {
    const td = doc.createElement("td");
    td.className = cls;
    td.textContent = text;
    if (value !== undefined) td.dataset.value = String(value);
    tr.append(td);
  };
}

function rowHead(doc: Document, v: string): HTMLTableRowElement {
  const tr = doc.createElement("tr");
  tr.dataset.variant = v;
  const th = doc.createElement("th");
  th.scope = "row";
  th.textContent = variantLabel(v);
  tr.append(th);
  return tr;
}

function speedCells(
  cell: Cell,
  tr: HTMLTableRowElement,
  p: VanishingPoint | undefined,
  hidden: number,
) {
  for (let i = 0; i < hidden; ++i) {
    const s = p?.speeds[i];
    cell(tr, p ? formatNumber(s ?? NaN) : "…", s);
  }
  cell(tr, p && p.speeds.length > 0 ? speedRatioText(p.speeds) : "…");
}

export class VanishingTable {
  private readonly initial: HTMLTableElement;
  private readonly latest: HTMLTableElement;

  constructor(container: HTMLElement) {
    this.initial = makeTable(container, "initial-table");
    this.latest = makeTable(container, "latest-table");
    this.latest.hidden = true;
  }

  update(
    r: VanishingResults,
    hidden: number,
    samples: number,
    book: readonly number[] | undefined,
  ): void {
    const doc = this.initial.ownerDocument;
    const cell = cellMaker(doc);
    const layers = Array.from({ length: hidden }, (_, i) => `hidden ${i + 1}`);
    const caption = (text: string) => {
      const c = doc.createElement("caption");
      c.textContent = text;
      return c;
    };
    const images = `${samples.toLocaleString("en")} training images`;

    const initBody = doc.createElement("tbody");
    for (const v of r.variants) {
      const tr = rowHead(doc, v);
      const first = r.initial(v);
      speedCells(cell, tr, first, hidden);
      cell(tr, first ? formatPercent(first.test.accuracy) : "…", first?.test.accuracy);
      initBody.append(tr);
    }
    const initParts: HTMLElement[] = [
      caption(
        `At initialisation: speed of learning ‖∂C/∂bˡ‖ of each hidden layer, averaged over the ${images}`,
      ),
      header(doc, ["network", ...layers, "first ÷ last", "held-out accuracy"]),
      initBody,
    ];
    if (book && book.length === hidden) {
      const foot = doc.createElement("tfoot");
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = "the book (Nielsen, ch. 5)";
      tr.append(th);
      for (const b of book) cell(tr, formatNumber(b));
      cell(tr, formatNumber((book[0] as number) / (book[book.length - 1] as number)));
      cell(tr, "");
      foot.append(tr);
      initParts.push(foot);
    }
    this.initial.replaceChildren(...initParts);

    const trained = r.variants.some((v) => (r.latest(v)?.epoch ?? 0) > 0);
    this.latest.hidden = !trained;
    const latestBody = doc.createElement("tbody");
    for (const v of r.variants) {
      const tr = rowHead(doc, v);
      const last = r.latest(v);
      const shown = last && last.epoch > 0 ? last : undefined;
      cell(tr, shown ? String(shown.epoch) : "…", shown?.epoch);
      if (shown && diverged(shown)) {
        cell(tr, "diverged (non-finite gradient)", undefined, "text");
        for (let i = 1; i < hidden + 1; ++i) cell(tr, "");
      } else speedCells(cell, tr, shown, hidden);
      cell(tr, shown ? formatPercent(shown.train.accuracy) : "…", shown?.train.accuracy);
      cell(tr, shown ? formatPercent(shown.test.accuracy) : "…", shown?.test.accuracy);
      latestBody.append(tr);
    }
    this.latest.replaceChildren(
      caption(`After the latest epoch of training: speeds over the same ${images}, and accuracy`),
      header(doc, [
        "network",
        "epoch",
        ...layers,
        "first ÷ last",
        "training accuracy",
        "held-out accuracy",
      ]),
      latestBody,
    );
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
