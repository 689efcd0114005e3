// "Edit data" on the decision-boundary card: an explicit mode (so a click on the plane outside it
// does what the plane does otherwise) in which a click adds a point of the selected class (or the
// selected value), a shift-click or a long press a point of the next class (or the opposite
// value), and a drag erases the points it passes. A CSV panel loads points (fromCSV, nothing
// changed on an error) and Download CSV saves them. Every change is a new run on the own-classes
// or own-values set with the edited points; editing a built-in set's points starts from a copy.

import { fromCSV, type DatasetName } from "gradscope";
import type { ViewContext } from "../app/page-view.js";
import type { CardParts, RunCard } from "../cards/run-card.js";
import { previewPoints } from "../model/own-points.js";
import type { RunController, RunListener } from "../run/run-controller.js";
import { dataSource } from "../state/data-sources.js";
import {
  addPoint,
  classCount,
  erasePointsNear,
  linkNotice,
  OWN_DATASET,
  pointAt,
  pointCount,
  pointsCsv,
  pointsFrom,
  pointsKindOf,
  POINTS_EXTENT,
  POINTS_MAX_CLASSES,
  POINTS_MIN,
  samePoints,
  type OwnPoints,
  type PointsKind,
} from "../state/own-points.js";
import type { Settings } from "../state/settings.js";
import { editHint, editPickLabel, editToggleLabel } from "./edit-data-text.js";
import { CLASS_ORDER } from "./output-colours.js";
import { CLASS_COLOURS } from "./palette.js";
import type { ViewCard } from "./view-card.js";

/** A press held this long without moving adds a point of the next class (touch screens). */
const LONG_PRESS_MS = 500;
/** A press that moves this many CSS pixels is a drag (erasing), not a click. */
const DRAG_PX = 6;
/** A drag erases the points within this distance of its path, in input units. */
const ERASE_RADIUS = 0.08;

/** What one edit changes in the settings: the data set, its classes and its points. */
interface DataState {
  dataset: DatasetName;
  classes: number;
  points: OwnPoints;
}

class EditData {
  readonly listener: RunListener;
  private readonly root: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly tools: HTMLElement;
  private readonly classPick: HTMLSelectElement;
  private readonly valuePick: HTMLInputElement;
  private readonly valueOut: HTMLOutputElement;
  private readonly status: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly csvText: HTMLTextAreaElement;
  private readonly csvKind: HTMLSelectElement;
  private readonly csvError: HTMLElement;
  /** Each edit's state before it: the run's data and the points not yet trained on. */
  private readonly undo: { state: DataState; pending: OwnPoints | null }[] = [];
  /**
   * Points edited down (or up) to fewer than a run needs: kept here and drawn over the plane
   * until there are POINTS_MIN, so that no run is asked for that cannot be built.
   */
  private pending: OwnPoints | null = null;
  private overlay: HTMLCanvasElement | null = null;
  private settings: Settings | null = null;
  private on = false;
  private press: {
    x: number;
    y: number;
    shift: boolean;
    drag: boolean;
    long: boolean;
    timer: ReturnType<typeof setTimeout>;
    erased: OwnPoints | null;
  } | null = null;

  constructor(
    private readonly card: ViewCard,
    private readonly run: RunController,
    private readonly context: ViewContext,
  ) {
    const doc = card.root.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
      const e = doc.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    this.root = el("div", "edit-data");
    this.toggle = el("button", "edit-data-toggle", editToggleLabel(false));
    this.toggle.type = "button";
    this.toggle.setAttribute("aria-pressed", "false");
    this.toggle.addEventListener("click", () => this.setOn(!this.on));
    this.tools = el("div", "edit-data-tools");
    this.tools.hidden = true;
    const classLabel = el("label", "", editPickLabel("classes"));
    this.classPick = el("select");
    this.classPick.className = "edit-data-class";
    for (let k = 0; k < POINTS_MAX_CLASSES; k++) {
      const option = el("option", "", `class ${k}`);
      option.value = String(k);
      option.style.color = CLASS_ORDER[k] ?? "";
      this.classPick.append(option);
    }
    classLabel.append(this.classPick);
    const valueLabel = el("label", "", editPickLabel("values"));
    this.valuePick = el("input");
    this.valuePick.type = "range";
    this.valuePick.min = "-1";
    this.valuePick.max = "1";
    this.valuePick.step = "0.01";
    this.valuePick.value = "0.5";
    this.valuePick.className = "edit-data-value";
    this.valueOut = el("output", "", "0.5");
    this.valuePick.addEventListener("input", () => (this.valueOut.value = this.valuePick.value));
    valueLabel.append(this.valuePick, this.valueOut);
    this.undoButton = el("button", "", "Undo");
    this.undoButton.type = "button";
    this.undoButton.disabled = true;
    this.undoButton.addEventListener("click", () => this.undoLast());
    const clear = el("button", "", "Clear");
    clear.type = "button";
    clear.addEventListener("click", () => this.edit((p) => ({ kind: p.kind, data: [] })));
    const download = el("button", "", "Download CSV");
    download.type = "button";
    download.addEventListener("click", () => this.download());
    this.hint = el("p", "edit-data-hint", editHint("classes"));
    this.status = el("p", "edit-data-status");
    this.status.setAttribute("aria-live", "polite"); // not role=status: the run has that line
    // The CSV panel: paste or choose a file, then Load; an error loads nothing.
    const csv = el("details", "edit-data-csv");
    csv.append(el("summary", "", "Load CSV…"));
    this.csvKind = el("select");
    for (const [value, text] of [
      ["classification", "x1,x2,label (classes 0 … 5)"],
      ["regression", "x1,x2,value"],
    ]) {
      const option = el("option", "", text);
      option.value = value ?? "";
      this.csvKind.append(option);
    }
    this.csvKind.setAttribute("aria-label", "CSV columns");
    this.csvText = el("textarea", "edit-data-csv-text");
    this.csvText.rows = 5;
    this.csvText.setAttribute("aria-label", "CSV text");
    this.csvText.placeholder = "x1,x2,label\n0.5,-0.2,1\n-0.4,0.3,0";
    const file = el("input");
    file.type = "file";
    file.accept = ".csv,text/csv,text/plain";
    file.setAttribute("aria-label", "CSV file");
    file.addEventListener("change", () => {
      const f = file.files?.[0];
      if (f) void f.text().then((t) => (this.csvText.value = t));
    });
    const load = el("button", "edit-data-csv-load", "Load");
    load.type = "button";
    load.addEventListener("click", () => this.loadCsv());
    this.csvError = el("p", "edit-data-csv-error");
    this.csvError.setAttribute("role", "alert");
    this.csvError.hidden = true;
    csv.append(
      el("p", "", "Header optional; coordinates (and values) in [−1.5, 1.5], rounded to 0.01."),
      this.csvKind,
      this.csvText,
      file,
      load,
      this.csvError,
    );
    this.tools.append(classLabel, valueLabel, this.undoButton, clear, download, this.hint, csv);
    this.root.append(this.toggle, this.status, this.tools);
    card.explanation.after(this.root);

    card.body.addEventListener("pointerdown", (e) => this.down(e));
    card.body.addEventListener("pointermove", (e) => this.move(e));
    card.body.addEventListener("pointerup", (e) => this.up(e));
    card.body.addEventListener("pointercancel", () => this.cancel());
    card.body.addEventListener("contextmenu", (e) => {
      if (this.on && this.canvasOf(e)) e.preventDefault(); // a long press adds, not a menu
    });
    this.listener = {
      settings: (s, previous) => {
        this.settings = s;
        // Another data set or other points (a link, the menu): the pending edit is forgotten.
        const other =
          previous !== null &&
          (s.dataset !== previous.dataset || !samePoints(s.points, previous.points));
        if (other) this.pending = null;
        this.render();
      },
    };
  }

  dispose(): void {
    this.cancel();
    this.root.remove();
  }

  private setOn(on: boolean): void {
    this.on = on;
    this.toggle.setAttribute("aria-pressed", String(on));
    this.toggle.textContent = editToggleLabel(on);
    this.tools.hidden = !on;
    this.card.root.classList.toggle("editing-data", on);
    this.render();
  }

  /** The kind of points the current set has (a built-in set: by its problem). */
  private kind(): PointsKind {
    if (this.pending) return this.pending.kind;
    const s = this.settings;
    if (!s) return "classes";
    return (
      pointsKindOf(s.dataset) ??
      (dataSource(s.dataset).problem === "regression" ? "values" : "classes")
    );
  }

  /** The points shown now: the own set's, or a copy of a built-in set's. */
  private currentPoints(): OwnPoints {
    if (this.pending) return this.pending;
    const s = this.settings;
    const kind = this.kind();
    if (s && pointsKindOf(s.dataset) !== null)
      return pointCount(s.points) > 0 ? s.points : { kind, data: [] };
    const preview = this.run.state?.preview;
    return preview ? previewPoints(preview, kind) : { kind, data: [] };
  }

  private render(): void {
    const kind = this.kind();
    const classes = kind === "classes";
    (this.classPick.parentElement as HTMLElement).hidden = !classes;
    (this.valuePick.parentElement as HTMLElement).hidden = classes;
    this.hint.textContent = editHint(kind);
    this.csvKind.value = classes ? "classification" : "regression";
    this.undoButton.disabled = this.undo.length === 0;
    const s = this.settings;
    // Points are edited on a plane: a line set's curve or an image set has none.
    this.root.hidden = s !== null && dataSource(s.dataset).info.kind !== "plane";
    if (this.root.hidden && this.on) this.setOn(false);
    this.drawPending();
    if (this.pending) {
      const n = pointCount(this.pending);
      this.status.textContent =
        `${n} point${n === 1 ? "" : "s"} so far: a run needs ${POINTS_MIN}, so the plane ` +
        "shows only yours until then.";
      return;
    }
    const own = s !== null && pointsKindOf(s.dataset) !== null;
    if (!own || !s) {
      this.status.textContent = this.on
        ? "Your first edit copies this set's points into “your points”."
        : "";
      return;
    }
    const n = pointCount(s.points);
    const parts = [`${n} point${n === 1 ? "" : "s"} of your own`];
    if (classes) parts.push(`${Math.max(2, classCount(s.points))} classes`);
    if (n < POINTS_MIN) parts.push(`a run needs at least ${POINTS_MIN}`);
    this.status.textContent = `${parts.join(" · ")}. ${linkNotice(s.points) ?? "A link carries them."}`;
  }

  /** Draws the pending points over the plane (white, axes, points), or removes that drawing. */
  private drawPending(): void {
    const figure = this.card.body.querySelector(".boundary-figure");
    const plane = figure?.querySelector<HTMLCanvasElement>("canvas:not(.edit-data-overlay)");
    const pending = this.pending;
    if (!pending || !plane) {
      this.overlay?.remove();
      this.overlay = null;
      return;
    }
    const doc = this.card.root.ownerDocument;
    if (!this.overlay) {
      this.overlay = doc.createElement("canvas");
      this.overlay.className = "edit-data-overlay";
      this.overlay.setAttribute("role", "img");
      plane.style.gridRow = "1"; // both in one cell: the overlay covers the plane
      plane.after(this.overlay);
    }
    const c = this.overlay;
    const n = pointCount(pending);
    c.setAttribute("aria-label", `Your points so far: ${n}, not yet trained on`);
    // The plane's outer size (its border included, whatever the box-sizing), its inner pixels.
    const ratio = doc.defaultView?.devicePixelRatio ?? 1;
    c.style.boxSizing = "border-box";
    c.style.width = `${plane.offsetWidth}px`;
    c.style.height = `${plane.offsetHeight}px`;
    c.width = Math.round(plane.clientWidth * ratio);
    c.height = c.width;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    const px = c.width;
    const to = (v: number) => ((v + POINTS_EXTENT) / (2 * POINTS_EXTENT)) * px;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, px, px);
    ctx.strokeStyle = "rgba(0,0,0,0.25)";
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(to(0), 0);
    ctx.lineTo(to(0), px);
    ctx.moveTo(0, to(0));
    ctx.lineTo(px, to(0));
    ctx.stroke();
    for (let i = 0; i < n; i++) {
      const q = pointAt(pending, i);
      ctx.beginPath();
      ctx.arc(to(q.x1), px - to(q.x2), 3.2 * ratio, 0, 2 * Math.PI);
      const colour =
        pending.kind === "classes"
          ? CLASS_ORDER[q.target]
          : q.target < 0
            ? CLASS_COLOURS.zero
            : CLASS_COLOURS.one;
      ctx.fillStyle = colour ?? "#000";
      ctx.fill();
      ctx.strokeStyle = "#fff";
      ctx.stroke();
    }
  }

  /** The canvas of the plane when the event happened on it. */
  private canvasOf(e: Event): HTMLCanvasElement | null {
    const t = e.target;
    return t instanceof HTMLCanvasElement && t.closest(".boundary-figure") ? t : null;
  }

  /** Input-space coordinates of a pointer event over the plane's canvas. */
  private at(e: PointerEvent, canvas: HTMLCanvasElement): [number, number] {
    const r = canvas.getBoundingClientRect();
    const e2 = 2 * POINTS_EXTENT;
    return [
      -POINTS_EXTENT + ((e.clientX - r.left) / r.width) * e2,
      POINTS_EXTENT - ((e.clientY - r.top) / r.height) * e2,
    ];
  }

  private down(e: PointerEvent): void {
    const canvas = this.canvasOf(e);
    if (!this.on || !canvas || e.button > 0) return;
    e.preventDefault();
    canvas.setPointerCapture?.(e.pointerId);
    const press = {
      x: e.clientX,
      y: e.clientY,
      shift: e.shiftKey,
      drag: false,
      long: false,
      erased: null,
      timer: setTimeout(() => {
        if (this.press === press && !press.drag) {
          press.long = true;
          this.addAt(this.at(e, canvas), true);
        }
      }, LONG_PRESS_MS),
    };
    this.press = press;
  }

  private move(e: PointerEvent): void {
    const press = this.press;
    const canvas = this.canvasOf(e);
    if (!press || !canvas || press.long) return;
    if (!press.drag && Math.hypot(e.clientX - press.x, e.clientY - press.y) < DRAG_PX) return;
    press.drag = true;
    const [x1, x2] = this.at(e, canvas);
    press.erased = erasePointsNear(press.erased ?? this.currentPoints(), x1, x2, ERASE_RADIUS);
  }

  private up(e: PointerEvent): void {
    const press = this.press;
    const canvas = this.canvasOf(e);
    this.cancel();
    if (!press || press.long) return;
    if (press.drag) {
      const erased = press.erased;
      if (erased) this.edit((p) => (pointCount(erased) === pointCount(p) ? p : erased));
    } else if (canvas) this.addAt(this.at(e, canvas), press.shift);
  }

  private cancel(): void {
    if (this.press) clearTimeout(this.press.timer);
    this.press = null;
  }

  private addAt([x1, x2]: [number, number], other: boolean): void {
    if (Math.abs(x1) > POINTS_EXTENT || Math.abs(x2) > POINTS_EXTENT) return;
    this.edit((p) => {
      if (p.kind === "values") {
        const v = Number(this.valuePick.value);
        return addPoint(p, x1, x2, other ? -v : v);
      }
      const k = Number(this.classPick.value);
      const next = (k + 1) % Math.max(2, classCount(p));
      return addPoint(p, x1, x2, other ? next : k);
    });
  }

  /** Applies `change` to the current points as a new run on the own set (Undo can go back). */
  private edit(change: (p: OwnPoints) => OwnPoints): void {
    const s = this.run.settings;
    if (!s) return;
    const before = this.currentPoints();
    const after = change(before);
    if (after === before && (this.pending !== null || pointsKindOf(s.dataset) !== null)) return;
    const state = { dataset: s.dataset, classes: s.classes, points: s.points };
    this.undo.push({ state, pending: this.pending });
    if (pointCount(after) < POINTS_MIN) {
      this.pending = after;
      this.render();
      return;
    }
    this.pending = null;
    this.apply(s, {
      dataset: OWN_DATASET[after.kind],
      classes: after.kind === "classes" ? classCount(after) : 0,
      points: after,
    });
  }

  private apply(s: Settings, state: DataState): void {
    // A new data set family brings no new network: the own sets share the plane's preset.
    this.run.apply({ ...s, hidden: [...s.hidden], ...state });
    this.render();
  }

  private undoLast(): void {
    const s = this.run.settings;
    const last = this.undo.pop();
    if (!s || !last) return;
    this.pending = last.pending;
    const st = last.state;
    const same =
      st.dataset === s.dataset && st.classes === s.classes && samePoints(st.points, s.points);
    if (!same) this.apply(s, st); // before `pending`: a new data set forgets the pending edit
    this.pending = last.pending;
    this.render();
  }

  private loadCsv(): void {
    const problem = this.csvKind.value === "regression" ? "regression" : "classification";
    let points: OwnPoints;
    try {
      const d = fromCSV(this.csvText.value, { problem, extent: POINTS_EXTENT });
      points =
        problem === "classification"
          ? pointsFrom("classes", d.x, d.labels)
          : pointsFrom("values", d.x, d.y);
    } catch (e) {
      this.csvError.textContent = e instanceof Error ? e.message : String(e);
      this.csvError.hidden = false;
      return; // nothing loaded
    }
    this.csvError.hidden = true;
    this.csvError.textContent = "";
    this.edit(() => points);
    const notice = linkNotice(points);
    if (notice) this.context.notify(notice);
  }

  private download(): void {
    const doc = this.card.root.ownerDocument;
    const url = URL.createObjectURL(
      new Blob([pointsCsv(this.currentPoints())], { type: "text/csv" }),
    );
    const a = doc.createElement("a");
    a.href = url;
    a.download = "points.csv";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** `spec` with the Edit data mode attached to its card (the decision-boundary card). */
export function withEditData(spec: RunCard): RunCard {
  return {
    ...spec,
    async build(card, run, context): Promise<CardParts> {
      const parts = await spec.build(card, run, context);
      const edit = new EditData(card, run, context);
      const inner = parts.listener;
      return {
        ...parts,
        listener: {
          ...inner,
          settings: (s, previous) => {
            inner.settings?.(s, previous);
            edit.listener.settings?.(s, previous);
          },
        },
        dispose() {
          parts.dispose?.();
          edit.dispose();
        },
      };
    },
  };
}
