// Every chart's text alternative: a disclosure under the chart holding the plotted numbers as a
// table a screen reader can walk, and a button that downloads them as CSV (a Blob URL, which
// the strict CSP allows: no inline script, no data: URL). The table is built only while the
// disclosure is open, and at most once a second while a run redraws the chart.

import { csvFileName, tableRows, toCsv, type Column } from "./chart-data.js";

/** The least time between two table rebuilds while the chart updates, in ms. */
const REFRESH_MS = 1000;

export class ChartTextAlternative {
  readonly root: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly table: HTMLTableElement;
  private title = "chart";
  private header: string[] = [];
  private columns: readonly Column[] = [];
  private builtAt = -Infinity;
  private stale = true;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(doc: Document) {
    this.root = doc.createElement("details");
    this.root.className = "chart-data";
    this.summary = doc.createElement("summary");
    this.summary.textContent = "The plotted numbers (table, CSV)";
    const download = doc.createElement("button");
    download.type = "button";
    download.className = "chart-csv";
    download.textContent = "Download CSV";
    download.addEventListener("click", () => this.download());
    this.table = doc.createElement("table");
    const scroller = doc.createElement("div");
    scroller.className = "chart-data-scroll";
    scroller.append(this.table);
    this.root.append(this.summary, download, scroller);
    this.root.addEventListener("toggle", () => {
      if (this.root.open) this.build();
    });
  }

  /**
   * The chart's title, its series' names (x first) and the numbers behind each series. An open
   * table follows at once when `now` (new series), else within REFRESH_MS.
   */
  set(title: string, header: readonly string[], columns: readonly Column[], now = false): void {
    this.title = title;
    this.header = [...header];
    this.columns = columns;
    this.summary.textContent = `The plotted numbers: ${title} (table, CSV)`;
    this.stale = true;
    if (!this.root.open) return;
    const wait = this.builtAt + REFRESH_MS - performance.now();
    if (wait <= 0 || now) this.build();
    else this.timer ??= setTimeout(() => this.build(), wait);
  }

  /** The CSV of the numbers set last. */
  csv(): string {
    return toCsv(this.header, this.columns);
  }

  private build(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.stale) return;
    this.stale = false;
    this.builtAt = performance.now();
    const doc = this.table.ownerDocument;
    const caption = doc.createElement("caption");
    caption.textContent = this.title;
    const head = doc.createElement("thead");
    const headRow = doc.createElement("tr");
    for (const name of this.header) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = name;
      headRow.append(th);
    }
    head.append(headRow);
    const body = doc.createElement("tbody");
    for (const cells of tableRows(this.columns)) {
      const tr = doc.createElement("tr");
      cells.forEach((text, i) => {
        // The x value names its row.
        const cell = doc.createElement(i === 0 ? "th" : "td");
        if (i === 0) cell.setAttribute("scope", "row");
        cell.textContent = text;
        tr.append(cell);
      });
      body.append(tr);
    }
    this.table.replaceChildren(caption, head, body);
  }

  private download(): void {
    const doc = this.root.ownerDocument;
    const url = URL.createObjectURL(new Blob([this.csv()], { type: "text/csv" }));
    const link = doc.createElement("a");
    link.href = url;
    link.download = csvFileName(this.title);
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    // Revoked later, not at once: the download reads the URL after this handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
