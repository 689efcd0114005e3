// A uPlot chart that follows its container's width. uPlot draws axes, ticks and legends; this
// only decides the pixel size and rebuilds the chart when its series change.

import uPlot from "uplot";

export interface PlotSpec {
  options: Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
}

export class SizedPlot {
  private plot: uPlot | null = null;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly height: number,
  ) {
    this.observer = new ResizeObserver(() => this.fit());
    this.observer.observe(container);
  }

  /** Replaces the chart (use when the series themselves change, e.g. a layer is added). */
  rebuild(spec: PlotSpec): void {
    this.plot?.destroy();
    this.plot = new uPlot(
      { ...spec.options, width: this.width(), height: this.height },
      spec.data,
      this.container,
    );
  }

  /** New values for the same series. */
  setData(data: uPlot.AlignedData): void {
    // batch() draws now instead of in a microtask, so a frame's cost is where it is measured.
    const plot = this.plot;
    plot?.batch(() => plot.setData(data));
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
