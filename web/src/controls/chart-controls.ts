// The time charts' controls, shown in the gradient card: the x-axis unit (steps ↔ epochs, for
// the loss chart too), the moving-average window, and "compare" (pin this run's gradient lines
// as faded ghosts, or clear them). Also the card's live summary line. Knows nothing of training.

import type { ChartKeys } from "../state/chart-keys.js";
import { SMOOTHING_WINDOWS } from "../views/moving-average.js";
import { TIME_UNITS, type TimeUnit } from "../views/time-axis.js";

export interface ChartControlActions {
  change(patch: Partial<ChartKeys>): void;
  pin(): void;
  clearPin(): void;
}

const UNIT_TEXT: Record<TimeUnit, string> = { step: "mini-batch steps", epoch: "epochs" };

export class ChartControls {
  readonly root: HTMLElement;
  /** The live sentence on the measured norms (learning-speed-summary.ts). */
  readonly summary: HTMLElement;
  private readonly time: HTMLSelectElement;
  private readonly smooth: HTMLSelectElement;
  private readonly clear: HTMLButtonElement;
  private readonly pinned: HTMLElement;

  constructor(doc: Document, actions: ChartControlActions) {
    this.root = doc.createElement("div");
    this.root.className = "chart-controls";
    const select = (id: string, text: string, options: [string, string][]) => {
      const label = doc.createElement("label");
      label.htmlFor = id;
      label.textContent = text;
      const el = doc.createElement("select");
      el.id = id;
      for (const [value, name] of options) el.append(new Option(name, value));
      label.append(el);
      this.root.append(label);
      return el;
    };
    this.time = select(
      "time-unit",
      "Time axis (loss and gradients) ",
      TIME_UNITS.map((u) => [u, UNIT_TEXT[u]]),
    );
    this.time.addEventListener("change", () =>
      actions.change({ time: this.time.value as TimeUnit }),
    );
    this.smooth = select(
      "smoothing",
      "Smoothing ",
      SMOOTHING_WINDOWS.map((w) => [String(w), w === 0 ? "off" : `mean of ${w} points`]),
    );
    this.smooth.addEventListener("change", () =>
      actions.change({ smooth: Number(this.smooth.value) }),
    );
    const pin = doc.createElement("button");
    pin.type = "button";
    pin.id = "compare-pin";
    pin.textContent = "Compare: pin this run";
    pin.title = "Keep this run's gradient lines, faded, under the next run's";
    pin.addEventListener("click", () => actions.pin());
    this.clear = doc.createElement("button");
    this.clear.type = "button";
    this.clear.id = "compare-clear";
    this.clear.textContent = "Clear pinned run";
    this.clear.addEventListener("click", () => actions.clearPin());
    this.pinned = doc.createElement("span");
    this.pinned.className = "chart-pinned";
    this.root.append(pin, this.clear, this.pinned);
    this.summary = doc.createElement("p");
    this.summary.className = "gradient-summary";
    this.summary.id = "gradient-summary";
    this.setPinned(null);
  }

  render(keys: ChartKeys): void {
    this.time.value = keys.time;
    this.smooth.value = String(keys.smooth);
  }

  /** Names the pinned run ("" or null: none). */
  setPinned(description: string | null): void {
    this.clear.disabled = !description;
    this.pinned.textContent = description
      ? `Faded dotted lines ("pinned" in the legend): ${description}`
      : "";
  }
}
