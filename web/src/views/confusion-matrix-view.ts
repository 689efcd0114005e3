// The confusion matrix as a K × K grid: rows the true class, columns the network's answer, each
// cell's count written in it and shaded by its share of its row (model/confusion-shade.ts), the
// diagonal outlined. Each cell
// can be focused (arrow keys move between them) or hovered; the readout under the grid says what
// the cell counts, e.g. "7 of the 52 test 3s were predicted as 5".

import type { DatasetName } from "gradscope";
import { cellReadout, className, rowShare, type ConfusionCounts } from "../model/confusion.js";
import { cellShade, largestErrorShare } from "../model/confusion-shade.js";

export class ConfusionMatrixView {
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly readout: HTMLElement;
  private matrix: ConfusionCounts | null = null;
  private dataset: DatasetName | null = null;
  /** The cell focused or hovered last (its readout stays while the counts change). */
  private active: { row: number; col: number } | null = null;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.element = doc.createElement("div");
    this.element.className = "confusion";
    this.table = doc.createElement("table");
    this.table.className = "confusion-grid";
    this.readout = doc.createElement("p");
    this.readout.className = "confusion-readout";
    this.readout.setAttribute("aria-live", "polite");
    // The grid scrolls sideways in its own box (row headers sticky) when a phone is too narrow
    // for its counts: nothing is clipped, and the page itself does not scroll sideways.
    const scroll = doc.createElement("div");
    scroll.className = "confusion-scroll";
    scroll.append(this.table);
    this.element.append(scroll, this.readout);
    container.append(this.element);
    this.table.addEventListener("keydown", (e) => this.key(e));
  }

  show(m: ConfusionCounts, dataset: DatasetName): void {
    const resized = m.classes !== this.matrix?.classes || dataset !== this.dataset;
    this.matrix = m;
    this.dataset = dataset;
    if (resized) {
      this.active = null;
      this.build(m, dataset);
    }
    this.fill(m);
    this.describe();
  }

  /** The grid's rows and columns for K classes (headers name the classes). */
  private build(m: ConfusionCounts, dataset: DatasetName): void {
    const doc = this.table.ownerDocument;
    const k = m.classes;
    const caption = doc.createElement("caption");
    caption.textContent = "True class (rows) against the network's answer (columns)";
    const head = doc.createElement("thead");
    const top = doc.createElement("tr");
    const corner = doc.createElement("th");
    corner.className = "confusion-corner";
    // Two lines, so the header column stays narrow and the cells get the width.
    corner.append("true ↓", doc.createElement("br"), "predicted as →");
    top.append(corner);
    for (let j = 0; j < k; j++) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = className(dataset, j).replace("class ", "");
      top.append(th);
    }
    head.append(top);
    const body = doc.createElement("tbody");
    for (let i = 0; i < k; i++) {
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = className(dataset, i).replace("class ", "");
      tr.append(th);
      for (let j = 0; j < k; j++) {
        const td = doc.createElement("td");
        td.dataset.row = String(i);
        td.dataset.col = String(j);
        td.tabIndex = i === 0 && j === 0 ? 0 : -1;
        if (i === j) td.classList.add("diagonal");
        const select = () => this.select(i, j);
        td.addEventListener("focus", select);
        td.addEventListener("pointerenter", select);
        tr.append(td);
      }
      body.append(tr);
    }
    this.table.replaceChildren(caption, head, body);
  }

  private fill(m: ConfusionCounts): void {
    const largestError = largestErrorShare(m);
    for (const td of this.table.querySelectorAll<HTMLTableCellElement>("td")) {
      const i = Number(td.dataset.row);
      const j = Number(td.dataset.col);
      const count = m.counts[i * m.classes + j] ?? 0;
      const share = rowShare(m, i, j);
      td.textContent = count.toLocaleString("en");
      // Errors vermillion, the diagonal green, each with the ink that keeps the count readable.
      const shade = cellShade(share, i === j, largestError);
      td.style.background = shade.background;
      td.style.color = shade.ink;
      if (this.dataset) td.setAttribute("aria-label", cellReadout(m, this.dataset, i, j));
    }
  }

  private select(row: number, col: number): void {
    this.active = { row, col };
    this.describe();
  }

  private describe(): void {
    const m = this.matrix;
    const dataset = this.dataset;
    if (!m || !dataset) return;
    const a = this.active;
    this.readout.textContent = a
      ? `${cellReadout(m, dataset, a.row, a.col)}.`
      : "Hover over a cell, or focus one (Tab, then the arrow keys), to read it.";
  }

  /** Arrow keys, Home and End move the focus between cells (a roving tab index). */
  private key(e: KeyboardEvent): void {
    const m = this.matrix;
    const a = this.active;
    if (!m || !a) return;
    const k = m.classes;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    let row = a.row;
    let col = a.col;
    const move = moves[e.key];
    if (move) {
      row = Math.min(k - 1, Math.max(0, row + move[0]));
      col = Math.min(k - 1, Math.max(0, col + move[1]));
    } else if (e.key === "Home") col = 0;
    else if (e.key === "End") col = k - 1;
    else return;
    e.preventDefault();
    const cell = this.table.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${col}"]`);
    if (!cell) return;
    for (const td of this.table.querySelectorAll<HTMLElement>("td")) td.tabIndex = -1;
    cell.tabIndex = 0;
    cell.focus();
  }
}
