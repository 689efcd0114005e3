// A uPlot chart that follows its container's width. uPlot draws axes, ticks and legends; this
// only decides the pixel size and rebuilds the chart when its series change. Every chart also
// gets its text alternative (chart-text-alternative.ts) under it: the plotted numbers as a table
// and as CSV. In lecture mode (the document's class "present") the chart is rebuilt with
// lecture-sized text and lines; its legend shows the latest point whenever no cursor is on it.

import uPlot from "uplot";
import { ChartTextAlternative } from "./chart-text-alternative.js";
import type { Column } from "./chart-data.js";
import { latestIndex, lectureOptions } from "./lecture-plot-options.js";

export interface PlotSpec {
  options: Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
  /**
   * The numbers the table and CSV show, x first, one column per series, when they differ from
   * the drawn data (e.g. a log chart draws exact zeros at a floor, the table says 0).
   */
  table?: readonly Column[];
}

export class SizedPlot {
  private plot: uPlot | null = null;
  private readonly observer: ResizeObserver;
  private readonly host: HTMLElement;
  readonly textAlternative: ChartTextAlternative;
  private title = "";
  private header: string[] = [];
  private spec: PlotSpec | null = null;
  private readonly lectureWatch: MutationObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly height: number,
  ) {
    const doc = container.ownerDocument;
    this.host = doc.createElement("div");
    this.textAlternative = new ChartTextAlternative(doc);
    container.append(this.host, this.textAlternative.root);
    this.observer = new ResizeObserver(() => this.fit());
    this.observer.observe(container);
    const root = doc.documentElement;
    this.lectureWatch = new MutationObserver(() => {
      if (this.spec && this.plot && this.lecture() !== this.builtForLecture) {
        this.rebuild({ ...this.spec, data: this.plot.data });
      }
    });
    this.lectureWatch.observe(root, { attributes: true, attributeFilter: ["class"] });
  }

  private builtForLecture = false;

  private lecture(): boolean {
    return this.container.ownerDocument.documentElement.classList.contains("present");
  }

  /** Replaces the chart (use when the series themselves change, e.g. a layer is added). */
  rebuild(spec: PlotSpec): void {
    this.plot?.destroy();
    this.spec = spec;
    this.builtForLecture = this.lecture();
    const options = this.builtForLecture ? lectureOptions(spec.options) : spec.options;
    const hooks = options.hooks ?? {};
    // No cursor on the plot (uPlot parks it at a negative left): the legend shows the latest
    // point, not "--".
    const showLatest = (u: uPlot): void => {
      if (!((u.cursor.left ?? -1) >= 0)) {
        const idx = latestIndex(u.data);
        if (idx != null) u.setLegend({ idx }, false);
      }
    };
    this.plot = new uPlot(
      {
        ...options,
        width: this.width(),
        height: this.height,
        hooks: { ...hooks, setLegend: [...(hooks.setLegend ?? []), showLatest] },
      },
      spec.data,
      this.host,
    );
    showLatest(this.plot);
    this.title = spec.options.title ?? "chart";
    this.header = spec.options.series.map((s, i) => String(s.label ?? `series ${i}`));
    this.textAlternative.set(this.title, this.header, spec.table ?? spec.data, true);
  }

  /** New values for the same series (`table`: see PlotSpec). */
  setData(data: uPlot.AlignedData, table?: readonly Column[]): void {
    // batch() draws now instead of in a microtask, so a frame's cost is where it is measured.
    const plot = this.plot;
    plot?.batch(() => plot.setData(data));
    this.textAlternative.set(this.title, this.header, table ?? data);
  }

  dispose(): void {
    this.observer.disconnect();
    this.lectureWatch.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private width(): number {
    return Math.max(200, Math.floor(this.container.clientWidth));
  }

  private fit(): void {
    if (this.plot && this.plot.width !== this.width()) {
      this.plot.setSize({ width: this.width(), height: this.height });
    }
  }
}
