// A uPlot chart that follows its container's width. uPlot draws axes, ticks and legends; this
// only decides the pixel size and rebuilds the chart when its series change. Every chart also
// gets its text alternative (chart-text-alternative.ts) under it: the plotted numbers as a table
// and as CSV.

import uPlot from "uplot";
import { ChartTextAlternative } from "./chart-text-alternative.js";
import type { Column } from "./chart-data.js";

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
  }

  /** Replaces the chart (use when the series themselves change, e.g. a layer is added). */
  rebuild(spec: PlotSpec): void {
    this.plot?.destroy();
    this.plot = new uPlot(
      { ...spec.options, width: this.width(), height: this.height },
      spec.data,
      this.host,
    );
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
