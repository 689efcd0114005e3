// The Jacobian ∂a_i/∂z_j as a heatmap: row i, column j, coloured on a diverging scale with a
// legend. Each cell carries its exact value (data-value) and names itself to screen readers; the
// grid is one tab stop, the arrow keys (and Home/End) move between cells, and hovering or
// focusing a cell writes its value and formula into the readout below.

import { markValue, numberText } from "./number-cell.js";
import { cellText, JACOBIAN_SCALE, jacobianColour, legendGradient } from "./jacobian-colours.js";
import { subscript } from "./softmax-text.js";

/** The cell's formula and value, e.g. "∂a₁/∂z₂ = −a₁a₂ = −0.1502". */
export function cellStatement(i: number, j: number, v: number): string {
  const ai = `a${subscript(i + 1)}`;
  const aj = `a${subscript(j + 1)}`;
  const formula = i === j ? `${ai}(1 − ${ai})` : `−${ai}${aj}`;
  return `∂${ai}/∂z${subscript(j + 1)} = ${formula} = ${numberText(v)}`;
}

export class JacobianHeatmap {
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly readout: HTMLElement;
  private cells: HTMLTableCellElement[] = [];
  private n = 0;
  /** The cell that holds the grid's one tab stop (row-major index). */
  private current = 0;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.element = doc.createElement("div");
    this.element.className = "jacobian";
    this.table = doc.createElement("table");
    this.table.className = "jacobian-grid";
    this.table.setAttribute("role", "grid");
    this.table.setAttribute(
      "aria-label",
      "The Jacobian ∂aᵢ/∂zⱼ: row i, column j. Arrow keys move between entries.",
    );
    this.table.addEventListener("keydown", (e) => this.key(e));
    this.readout = doc.createElement("p");
    this.readout.className = "jacobian-readout";
    this.readout.setAttribute("aria-live", "polite");
    this.element.append(this.table, this.legend(doc), this.readout);
    container.append(this.element);
  }

  /** Shows the n × n row-major Jacobian (from the package). */
  show(jacobian: ArrayLike<number>, n: number): void {
    if (n !== this.n) this.build(n);
    for (let k = 0; k < n * n; k++) {
      const cell = this.cells[k] as HTMLTableCellElement;
      const v = jacobian[k] as number;
      const i = Math.floor(k / n);
      const j = k % n;
      markValue(cell, `J[${i}][${j}]`, v, cellText(v));
      const colour = jacobianColour(v);
      cell.style.backgroundColor = colour.background;
      cell.style.color = colour.text;
      cell.setAttribute("aria-label", cellStatement(i, j, v));
    }
    this.describe(this.current);
  }

  private build(n: number): void {
    const doc = this.table.ownerDocument;
    this.n = n;
    this.current = Math.min(this.current, n * n - 1);
    this.table.classList.toggle("many", n > 6);
    const head = doc.createElement("thead");
    const hr = doc.createElement("tr");
    const corner = doc.createElement("td");
    corner.className = "corner";
    corner.textContent = "i╲j";
    hr.append(corner);
    for (let j = 0; j < n; j++) {
      const th = doc.createElement("th");
      th.scope = "col";
      th.textContent = `z${subscript(j + 1)}`;
      hr.append(th);
    }
    head.append(hr);
    const body = doc.createElement("tbody");
    this.cells = [];
    for (let i = 0; i < n; i++) {
      const tr = doc.createElement("tr");
      const th = doc.createElement("th");
      th.scope = "row";
      th.textContent = `a${subscript(i + 1)}`;
      tr.append(th);
      for (let j = 0; j < n; j++) {
        const k = i * n + j;
        const td = doc.createElement("td");
        td.setAttribute("role", "gridcell");
        td.className = i === j ? "cell diagonal" : "cell";
        td.tabIndex = k === this.current ? 0 : -1;
        td.addEventListener("mouseenter", () => this.describe(k));
        td.addEventListener("focus", () => {
          this.current = k;
          this.describe(k);
        });
        // A tap (phone) or click focuses the cell, and focus writes its value to the readout.
        td.addEventListener("click", () => this.focusCell(k));
        tr.append(td);
        this.cells.push(td);
      }
      body.append(tr);
    }
    this.table.replaceChildren(head, body);
  }

  private describe(k: number): void {
    const cell = this.cells[k];
    if (!cell) return;
    this.readout.textContent = cell.getAttribute("aria-label") ?? "";
  }

  private key(e: KeyboardEvent): void {
    const n = this.n;
    const i = Math.floor(this.current / n);
    const j = this.current % n;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [i - 1, j],
      ArrowDown: [i + 1, j],
      ArrowLeft: [i, j - 1],
      ArrowRight: [i, j + 1],
      Home: [i, 0],
      End: [i, n - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const [ni, nj] = [Math.max(0, Math.min(n - 1, to[0])), Math.max(0, Math.min(n - 1, to[1]))];
    this.focusCell(ni * n + nj);
  }

  private focusCell(k: number): void {
    const old = this.cells[this.current];
    const next = this.cells[k];
    if (!next) return;
    if (old) old.tabIndex = -1;
    next.tabIndex = 0;
    this.current = k;
    next.focus();
  }

  private legend(doc: Document): HTMLElement {
    const legend = doc.createElement("div");
    legend.className = "jacobian-legend";
    const bar = doc.createElement("div");
    bar.className = "legend-bar";
    bar.setAttribute("aria-hidden", "true");
    bar.style.backgroundImage = legendGradient();
    const ticks = doc.createElement("div");
    ticks.className = "legend-ticks";
    ticks.setAttribute("aria-hidden", "true");
    for (const v of [-JACOBIAN_SCALE, 0, JACOBIAN_SCALE]) {
      const tick = doc.createElement("span");
      tick.textContent = numberText(v);
      ticks.append(tick);
    }
    const caption = doc.createElement("div");
    caption.className = "legend-caption";
    caption.textContent =
      "Colour scale: vermillion negative, white 0, blue positive; full colour at ±1/4, the largest |∂aᵢ/∂zⱼ| any softmax has.";
    legend.append(bar, ticks, caption);
    return legend;
  }
}
