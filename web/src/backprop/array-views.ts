// The DOM of the trace's arrays in the stepper: a vector or a small matrix as a table of coloured
// numbers (each cell carrying data-path and data-value, the exact value on hover and focus), a
// long vector as its first entries with "show all n", an image vector also as a picture, a large
// matrix as a heatmap (heatmap-canvas.ts), an outer product with its two factors along its
// edges, and the colour legend of each. Layout decisions are array-layout.ts's.

import { typesetElement } from "../math/typeset.js";
import { formatNumber } from "../views/number-format.js";
import {
  entryIndex,
  entryPath,
  entryReadout,
  isTable,
  largestEntry,
  listedEntries,
  VECTOR_HEAD,
} from "./array-layout.js";
import type { ShownArray } from "./backprop-steps.js";
import { withScrollCue } from "./scroll-cue.js";
import { colourCss, LEGEND_GRADIENT, needsLightText, scaleMax } from "./colour-scale.js";
import { HeatmapCanvas, heatmapSize, type Readout } from "./heatmap-canvas.js";

/** The readout of entry (r, c), with its row's name when the rows have names. */
function labelledReadout(array: ShownArray, r: number, c: number): string {
  const text = array.cols === 1 ? entryReadout(array, r, 0) : entryReadout(array, r, c);
  const label = array.rowLabels?.[r];
  return label === undefined ? text : `${text} (row: ${label})`;
}

/** A table cell showing entry `index` of `array`, coloured on the scale [−m, m]. */
function cell(doc: Document, array: ShownArray, index: number, m: number, readout: string) {
  const td = doc.createElement("td");
  const v = array.values[index] ?? NaN;
  td.className = "bp-cell";
  td.textContent = formatNumber(v);
  td.dataset.path = entryPath(array, index);
  td.dataset.value = String(v);
  td.dataset.readout = readout;
  td.title = readout;
  td.tabIndex = -1;
  if (array.values.length > 1) {
    td.style.background = colourCss(v, m);
    if (needsLightText(v, m)) td.classList.add("light");
  }
  return td;
}

/** A row's name (an output's class) before its numbers; the arrow keys skip it. */
function rowHeader(doc: Document, array: ShownArray, r: number): HTMLTableCellElement | null {
  const label = array.rowLabels?.[r];
  if (label === undefined) return null;
  const th = doc.createElement("th");
  th.scope = "row";
  th.className = "bp-rowlabel";
  th.textContent = label;
  return th;
}

/** The first focusable cell of a grid gets the tab stop (roving: the stepper moves it). */
function rovingStart(table: HTMLElement): void {
  const first = table.querySelector<HTMLElement>("td");
  if (first) first.tabIndex = 0;
}

function gridTable(doc: Document, label: string): HTMLTableElement {
  const table = doc.createElement("table");
  table.className = "bp-table";
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", label);
  return table;
}

/**
 * A vector as a column of numbers; a long one lists VECTOR_HEAD entries and a button to show all
 * (then in columns of VECTOR_HEAD, read top to bottom, left to right).
 */
function vectorTable(doc: Document, array: ShownArray, m: number): HTMLElement {
  const box = doc.createElement("div");
  box.className = "bp-vector";
  const n = array.values.length;
  const render = (expanded: boolean) => {
    const shown = listedEntries(n, expanded);
    const table = gridTable(doc, `${array.name}, ${n} ${n === 1 ? "entry" : "entries"}`);
    const columns = expanded ? Math.ceil(shown / VECTOR_HEAD) : 1;
    const height = columns > 1 ? VECTOR_HEAD : shown;
    for (let r = 0; r < height; ++r) {
      const tr = doc.createElement("tr");
      const head = columns === 1 ? rowHeader(doc, array, r) : null;
      if (head) tr.append(head);
      for (let c = 0; c < columns; ++c) {
        const i = c * height + r;
        if (i < shown) tr.append(cell(doc, array, i, m, labelledReadout(array, i, i)));
      }
      table.append(tr);
    }
    rovingStart(table);
    const parts: HTMLElement[] = [table];
    if (n > shown || expanded) {
      const more = doc.createElement("button");
      more.type = "button";
      more.className = "bp-more";
      more.textContent = expanded ? `show the first ${VECTOR_HEAD}` : `show all ${n}`;
      more.setAttribute("aria-label", `${more.textContent} entries of ${array.name}`);
      more.addEventListener("click", () => {
        render(!expanded);
        box.querySelector<HTMLElement>(".bp-more")?.focus();
      });
      if (!expanded) {
        const note = doc.createElement("p");
        note.className = "bp-note";
        note.textContent = `first ${shown} of ${n}`;
        parts.push(note);
      }
      parts.push(more);
    }
    box.replaceChildren(...parts);
  };
  render(false);
  return withScrollCue(box);
}

/** A box that scrolls sideways when its table is wider than the page (a phone). */
function scroller(doc: Document, content: HTMLElement): HTMLElement {
  const box = doc.createElement("div");
  box.className = "bp-scroll";
  box.append(content);
  return withScrollCue(box);
}

/** A small matrix as a table of numbers. */
function matrixTable(doc: Document, array: ShownArray, m: number): HTMLElement {
  const table = gridTable(doc, `${array.name}, ${array.rows} × ${array.cols}`);
  for (let r = 0; r < array.rows; ++r) {
    const tr = doc.createElement("tr");
    const head = rowHeader(doc, array, r);
    if (head) tr.append(head);
    for (let c = 0; c < array.cols; ++c) {
      tr.append(cell(doc, array, entryIndex(array, r, c), m, labelledReadout(array, r, c)));
    }
    table.append(tr);
  }
  rovingStart(table);
  return table;
}

/** Under a heatmap: its largest |entry| as a number (carrying data-path and data-value). */
function largestNote(doc: Document, array: ShownArray): HTMLElement {
  const note = doc.createElement("p");
  note.className = "bp-note";
  const at = largestEntry(array);
  if (!at) {
    note.textContent = "no entry is a finite number";
    return note;
  }
  const v = array.values[at.index] ?? NaN;
  const value = doc.createElement("span");
  value.className = "bp-largest";
  value.textContent = formatNumber(v);
  value.dataset.path = entryPath(array, at.index);
  value.dataset.value = String(v);
  value.dataset.readout = entryReadout(array, at.r, at.c);
  value.title = value.dataset.readout;
  const where =
    array.rows === 1 || array.cols === 1
      ? `entry ${at.r + at.c + 1} (counting from 1)`
      : `row ${at.r + 1}, column ${at.c + 1} (counting from 1)`;
  note.append(`largest |entry|: ${where} = `, value);
  return note;
}

/** The colour legend: the scale's range [−m, m] (or that every entry is 0). */
export function scaleLegend(doc: Document, m: number): HTMLElement {
  const legend = doc.createElement("p");
  legend.className = "bp-legend";
  if (m === 0) {
    legend.textContent = "all entries 0 (white)";
    return legend;
  }
  const bar = doc.createElement("span");
  bar.className = "bp-legend-bar";
  bar.style.background = LEGEND_GRADIENT;
  bar.setAttribute("aria-hidden", "true");
  legend.append(`−${formatNumber(m)} `, bar, ` +${formatNumber(m)}`);
  legend.title = "Colours scaled to this block's largest |value|";
  legend.setAttribute(
    "aria-label",
    `colour scale from −${formatNumber(m)} to +${formatNumber(m)}, scaled to this block's largest |value|`,
  );
  return legend;
}

function figure(doc: Document, array: ShownArray, body: HTMLElement[], m: number): HTMLElement {
  const fig = doc.createElement("figure");
  fig.className = "bp-array";
  const caption = doc.createElement("figcaption");
  caption.append(typesetElement(doc, array.tex, { label: array.name }));
  // One number needs no colour scale (its colour would only repeat its sign).
  if (array.values.length === 1) fig.append(caption, ...body);
  else fig.append(caption, ...body, scaleLegend(doc, m));
  return fig;
}

/** An array of a step: a vector, a matrix table or a heatmap, with its name and legend. */
export function arrayView(doc: Document, array: ShownArray, readout: Readout): HTMLElement {
  const m = scaleMax(array.values);
  if (array.cols === 1) {
    const body: HTMLElement[] = [];
    if (array.image) {
      const picture: ShownArray = { ...array, rows: array.image.height, cols: array.image.width };
      body.push(new HeatmapCanvas(doc, picture, readout, { width: 140, height: 140 }).element);
    }
    body.push(vectorTable(doc, array, m));
    return figure(doc, array, body, m);
  }
  if (isTable(array)) return figure(doc, array, [scroller(doc, matrixTable(doc, array, m))], m);
  return figure(
    doc,
    array,
    [new HeatmapCanvas(doc, array, readout).element, largestNote(doc, array)],
    m,
  );
}

/**
 * ∂C/∂wˡ = δˡ(aˡ⁻¹)ᵀ: the product with δˡ down its left edge and aˡ⁻¹ along its top, each
 * entry at the crossing of its two factors. Small: one table; large: three heatmaps.
 */
export function outerView(
  doc: Document,
  product: ShownArray,
  left: ShownArray,
  top: ShownArray,
  readout: Readout,
): HTMLElement {
  const m = scaleMax(product.values);
  const mLeft = scaleMax(left.values);
  const mTop = scaleMax(top.values);
  const fig = doc.createElement("figure");
  fig.className = "bp-array bp-outer";
  const caption = doc.createElement("figcaption");
  caption.append(
    typesetElement(doc, `${product.tex} = ${left.tex}\\,\\big(${top.tex}\\big)^{\\mathsf T}`, {
      label: `${product.name} equals ${left.name} times ${top.name} transposed`,
    }),
  );
  const legends = doc.createElement("div");
  legends.className = "bp-legends";
  for (const [name, range] of [
    [product.name, m],
    [left.name, mLeft],
    [top.name, mTop],
  ] as const) {
    const legend = scaleLegend(doc, range);
    legend.prepend(`${name}: `);
    legends.append(legend);
  }
  if (isTable(product)) {
    const table = gridTable(
      doc,
      `${product.name} with ${left.name} down the left and ${top.name} along the top`,
    );
    const head = doc.createElement("tr");
    const corner = doc.createElement("td");
    corner.className = "bp-corner";
    corner.textContent = "δ \\ a";
    corner.title = `${left.name} down, ${top.name} across`;
    corner.tabIndex = -1;
    head.append(corner);
    for (let c = 0; c < top.cols; ++c) {
      const td = cell(doc, top, c, mTop, entryReadout(top, 0, c));
      td.classList.add("bp-factor");
      head.append(td);
    }
    table.append(head);
    for (let r = 0; r < product.rows; ++r) {
      const tr = doc.createElement("tr");
      const factor = cell(doc, left, r, mLeft, entryReadout(left, r, 0));
      factor.classList.add("bp-factor");
      tr.append(factor);
      for (let c = 0; c < product.cols; ++c) {
        tr.append(cell(doc, product, entryIndex(product, r, c), m, entryReadout(product, r, c)));
      }
      table.append(tr);
    }
    rovingStart(table);
    fig.append(caption, scroller(doc, table), legends);
    return fig;
  }
  const size = heatmapSize(product.rows, product.cols);
  const grid = doc.createElement("div");
  grid.className = "bp-outer-grid";
  // The strips follow the product's drawn width and height (styles in backprop.css).
  grid.style.gridTemplateColumns = `14px minmax(0, ${size.width}px)`;
  const corner = doc.createElement("div");
  corner.className = "bp-corner";
  const topStrip = new HeatmapCanvas(doc, top, readout, { width: size.width, height: 14 });
  const leftStrip = new HeatmapCanvas(doc, left, readout, { width: 14, height: size.height });
  const main = new HeatmapCanvas(doc, product, readout, size);
  topStrip.element.classList.add("bp-strip-top");
  leftStrip.element.classList.add("bp-strip-left");
  grid.append(corner, topStrip.element, leftStrip.element, main.element);
  fig.append(caption, grid, largestNote(doc, product), legends);
  return fig;
}
