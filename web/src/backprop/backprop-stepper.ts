// "Backprop, step by step": shows one step at a time of one sample's trace (backprop-steps.ts):
// its equation typeset beside the trace's numbers, a sentence about them, the neurons and weights
// involved in a small diagram, and a step list. Previous / next buttons, ← / → and PageUp /
// PageDown while focus is inside (arrows inside a matrix or heatmap read its entries instead).
// Every number carries data-path and data-value (the trace field and its exact value). The view
// (backprop-view.ts) owns the run, the sample and the trace; this only reads the input.

import "./backprop-stepper.css";
import { typeset, typesetElement } from "../math/typeset.js";
import { formatNumber } from "../views/number-format.js";
import { arrayView, outerView } from "./array-views.js";
import { arrowMove } from "./array-layout.js";
import { diagramLabel, stepPosition } from "./backprop-captions.js";
import { BackpropDiagram } from "./backprop-diagram.js";
import { withScrollCue } from "./scroll-cue.js";
import type { BackpropInput } from "./backprop-input.js";
import { backpropSteps, stepShapeKey, type Step, type Term } from "./backprop-steps.js";
import { sup } from "./backprop-names.js";

export const STEPPER_KEY_HELP =
  "Keys: ← → or PageUp PageDown: previous / next step. In a vector ↑ ↓, in a matrix or a " +
  "heatmap the arrow keys read its entries; the exact value shows below the numbers.";

const READOUT_HINT = "Point at or focus a number to read its exact value here.";

export class BackpropStepper {
  readonly element: HTMLElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly position: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly diagram: BackpropDiagram;
  private readonly body: HTMLElement;
  private readonly message: HTMLElement;
  private readonly content: HTMLElement;
  private readout: HTMLElement | null = null;
  private steps: Step[] = [];
  private input: BackpropInput | null = null;
  private shapeKey = "";
  private index = 0;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    const el = (tag: string, className: string) => {
      const e = doc.createElement(tag);
      e.className = className;
      return e;
    };
    this.element = el("section", "bp-stepper");
    this.element.setAttribute("aria-label", "Backprop, step by step");
    this.message = el("p", "bp-message");
    this.message.hidden = true;
    this.content = el("div", "bp-content");

    const controls = el("div", "bp-controls");
    this.prev = doc.createElement("button");
    this.prev.type = "button";
    this.prev.textContent = "← Previous";
    this.prev.addEventListener("click", () => this.go(this.index - 1));
    this.next = doc.createElement("button");
    this.next.type = "button";
    this.next.textContent = "Next →";
    this.next.addEventListener("click", () => this.go(this.index + 1));
    this.position = el("p", "bp-position");
    this.position.setAttribute("aria-live", "polite");
    this.position.setAttribute("aria-atomic", "true");
    controls.append(this.prev, this.position, this.next);

    const side = el("div", "bp-side");
    this.list = doc.createElement("ol");
    this.list.className = "bp-steplist";
    this.list.setAttribute("aria-label", "Steps");
    this.diagram = new BackpropDiagram(doc);
    side.append(this.diagram.element, this.list);

    this.body = el("div", "bp-step");
    // Focus lands here when a step replaces the element that had it, so the keys keep working.
    this.body.tabIndex = -1;
    const keys = el("p", "bp-keys");
    keys.textContent = STEPPER_KEY_HELP;

    const layout = el("div", "bp-layout");
    layout.append(side, this.body);
    this.content.append(controls, layout, keys);
    this.content.hidden = true;
    this.element.append(this.message, this.content);
    container.append(this.element);

    this.element.addEventListener("keydown", (e) => this.onKey(e));
    this.element.addEventListener("focusin", (e) => this.onCellFocus(e.target));
    this.element.addEventListener("pointerover", (e) => {
      const target = e.target as HTMLElement | null;
      const cell = target?.closest?.<HTMLElement>("[data-readout]");
      if (cell) this.showReadout(cell);
    });
  }

  /** Shows `input`'s steps; the same step stays shown when the network's shape is unchanged. */
  show(input: BackpropInput): void {
    const steps = backpropSteps(input);
    const key = stepShapeKey(input);
    const id = this.steps[this.index]?.id;
    this.input = input;
    this.steps = steps;
    const kept =
      key === this.shapeKey && id !== undefined ? steps.findIndex((s) => s.id === id) : -1;
    this.index = Math.max(0, kept);
    this.shapeKey = key;
    this.message.hidden = true;
    this.content.hidden = false;
    this.renderList();
    this.render(false);
  }

  /** Shows `message` instead of the steps (no run yet, a failed trace, …). */
  clear(message: string): void {
    this.message.textContent = message;
    this.message.hidden = false;
    this.content.hidden = true;
    this.input = null;
    this.steps = [];
    this.shapeKey = "";
    this.index = 0;
  }

  /** The index of the step shown (0-based). */
  get stepIndex(): number {
    return this.index;
  }

  private go(index: number): void {
    if (index < 0 || index >= this.steps.length || index === this.index) return;
    this.index = index;
    this.render(true);
  }

  private renderList(): void {
    const doc = this.element.ownerDocument;
    const items = this.steps.map((step, i) => {
      const li = doc.createElement("li");
      const button = doc.createElement("button");
      button.type = "button";
      button.className = `bp-steplink bp-kind-${step.kind}`;
      button.textContent = step.title;
      button.addEventListener("click", () => this.go(i));
      li.append(button);
      return li;
    });
    this.list.replaceChildren(...items);
  }

  private render(moved: boolean): void {
    const input = this.input;
    const step = this.steps[this.index];
    if (!input || !step) return;
    const doc = this.element.ownerDocument;
    const hadFocus = this.body.contains(doc.activeElement);
    this.prev.disabled = this.index === 0;
    this.next.disabled = this.index === this.steps.length - 1;
    this.position.textContent = stepPosition(this.index, this.steps.length, step.title);
    this.list.querySelectorAll("button").forEach((b, i) => {
      if (i === this.index) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
    });
    this.diagram.draw(input.layerSizes, step.neurons, step.weights, diagramLabel(step));

    const title = doc.createElement("h3");
    title.className = "bp-title";
    title.textContent = step.title;
    const equation = doc.createElement("div");
    equation.className = "bp-equation";
    typeset(equation, step.tex, { display: true, label: step.texLabel });
    const caption = doc.createElement("p");
    caption.className = "bp-caption";
    caption.textContent = step.caption;
    const parts: HTMLElement[] = [title, withScrollCue(equation), caption];
    if (step.norms) parts.push(this.normsView(step));
    const lines = doc.createElement("div");
    lines.className = "bp-lines";
    for (const line of step.lines) {
      const row = doc.createElement("div");
      row.className = "bp-line";
      for (const term of line) row.append(this.termView(term));
      lines.append(row);
    }
    this.readout = doc.createElement("p");
    this.readout.className = "bp-readout";
    this.readout.setAttribute("aria-live", "polite");
    this.readout.textContent = READOUT_HINT;
    parts.push(lines, this.readout);
    this.body.replaceChildren(...parts);
    if (moved && (hadFocus || !this.element.contains(doc.activeElement))) this.body.focus();
  }

  private termView(term: Term): HTMLElement {
    const doc = this.element.ownerDocument;
    const readout = (text: string, path: string, value: string) =>
      this.setReadout(text, path, value);
    switch (term.kind) {
      case "array":
        return arrayView(doc, term.array, readout);
      case "outer":
        return outerView(doc, term.product, term.left, term.top, readout);
      case "op": {
        const span = typesetElement(doc, term.tex, { label: term.label });
        span.classList.add("bp-op");
        return span;
      }
      case "scalar": {
        const box = doc.createElement("span");
        box.className = "bp-scalar";
        const value = doc.createElement("span");
        value.className = "bp-scalar-value";
        value.textContent = formatNumber(term.value);
        value.dataset.path = term.path;
        value.dataset.value = String(term.value);
        value.dataset.readout = `${term.name}: ${String(term.value)}`;
        value.title = value.dataset.readout;
        value.tabIndex = 0;
        if (term.bare) box.append(value);
        else
          box.append(typesetElement(doc, `${term.tex} =`, { label: `${term.name} equals` }), value);
        return box;
      }
    }
  }

  /** BP2's ‖δˡ‖ from the output back to this layer, as bars on one linear scale. */
  private normsView(step: Step): HTMLElement {
    const doc = this.element.ownerDocument;
    const box = doc.createElement("div");
    box.className = "bp-norms";
    const norms = step.norms ?? [];
    let max = 0;
    for (const n of norms) if (Number.isFinite(n.norm)) max = Math.max(max, n.norm);
    const list = doc.createElement("ul");
    list.setAttribute("aria-label", "Size of δ per layer, from the output back");
    for (const n of norms) {
      const li = doc.createElement("li");
      const name = doc.createElement("span");
      name.className = "bp-norm-name";
      name.textContent = `‖δ${sup(n.layer)}‖ =`;
      const value = doc.createElement("span");
      value.className = "bp-norm-value";
      value.textContent = formatNumber(n.norm);
      // Not a trace field: the norm of one (data-norm-of), summed in double from the trace.
      value.dataset.normOf = n.path;
      value.dataset.value = String(n.norm);
      const bar = doc.createElement("span");
      bar.className = "bp-norm-bar";
      bar.setAttribute("aria-hidden", "true");
      bar.style.width = max > 0 && Number.isFinite(n.norm) ? `${(100 * n.norm) / max}%` : "0";
      const track = doc.createElement("span");
      track.className = "bp-norm-track";
      track.append(bar);
      li.append(name, value, track);
      list.append(li);
    }
    const link = doc.createElement("a");
    link.href = "#view=chain";
    link.className = "bp-chain-link";
    link.textContent = "Why δ shrinks or grows layer by layer: the chain lab";
    box.append(list, link);
    return box;
  }

  private setReadout(text: string, path: string, value: string): void {
    if (!this.readout) return;
    this.readout.textContent = text;
    this.readout.dataset.path = path;
    this.readout.dataset.value = value;
  }

  private showReadout(cell: HTMLElement): void {
    const { readout, path, value } = cell.dataset;
    if (readout !== undefined && path !== undefined && value !== undefined) {
      this.setReadout(readout, path, value);
    }
  }

  private onCellFocus(target: EventTarget | null): void {
    const cell = target as HTMLElement | null;
    if (!cell?.matches?.(".bp-table td, .bp-scalar-value")) return;
    const table = cell.closest("table");
    table?.querySelectorAll("td").forEach((td) => (td.tabIndex = td === cell ? 0 : -1));
    this.showReadout(cell);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || this.steps.length === 0) return;
    const target = e.target as HTMLElement;
    const cell = target.closest?.("td");
    const table = cell?.closest("table.bp-table");
    if (cell && table instanceof HTMLTableElement && this.moveInTable(e, table, cell)) return;
    if (e.key === "ArrowLeft" || e.key === "PageUp") {
      e.preventDefault();
      this.go(this.index - 1);
    } else if (e.key === "ArrowRight" || e.key === "PageDown") {
      e.preventDefault();
      this.go(this.index + 1);
    }
  }

  /** Arrow keys inside a table move between its cells; false when the key does not move. */
  private moveInTable(
    e: KeyboardEvent,
    table: HTMLTableElement,
    cell: HTMLTableCellElement,
  ): boolean {
    const row = (cell.parentElement as HTMLTableRowElement).rowIndex;
    const cols = Math.max(...Array.from(table.rows, (r) => r.cells.length));
    const to = arrowMove(e.key, row, cell.cellIndex, table.rows.length, cols);
    if (!to) return false;
    const targetRow = table.rows[to.r];
    const target = targetRow?.cells[Math.min(to.c, targetRow.cells.length - 1)];
    // A row's name (th) is no entry: moving onto it leaves the table as the edge does.
    if (!target || target.tagName === "TH") return false;
    e.preventDefault();
    target.focus();
    return true;
  }
}
