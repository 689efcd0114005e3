// How a uPlot chart reads from the back of a lecture hall (lecture mode, present=1), and which
// point its legend shows when no cursor is on it. Pure: sized-plot.ts applies them.

import type uPlot from "uplot";

/** Axis text in lecture mode, in CSS px (tick labels and axis titles). */
export const LECTURE_FONT_PX = 20;
/** The thinnest drawn line in lecture mode, in CSS px. */
export const LECTURE_LINE_PX = 2.5;
const FONT = `${LECTURE_FONT_PX}px system-ui, sans-serif`;
const LABEL_FONT = `600 ${LECTURE_FONT_PX}px system-ui, sans-serif`;
/** uPlot's default axis size (px); larger text needs a wider y axis and a taller x axis. */
const DEFAULT_AXIS_SIZE = 50;
/** Right padding in lecture mode (CSS px): half of a four-digit tick label at LECTURE_FONT_PX. */
export const LECTURE_RIGHT_PAD = Math.round(LECTURE_FONT_PX * 1.6);

export type ChartOptions = Omit<uPlot.Options, "width" | "height">;

/**
 * `options` with lecture-sized axis text, axis room and lines: every axis's ticks and title at
 * LECTURE_FONT_PX, every drawn line at least LECTURE_LINE_PX wide, markers larger and solid-edged.
 * A points-only series (width 0) stays without a line.
 */
export function lectureOptions(options: ChartOptions): ChartOptions {
  const axes = (options.axes ?? []).map((a, i) => {
    const size = typeof a.size === "number" ? a.size : DEFAULT_AXIS_SIZE;
    return {
      ...a,
      font: FONT,
      labelFont: LABEL_FONT,
      labelSize: LECTURE_FONT_PX + 10,
      size: i === 0 ? Math.max(size, LECTURE_FONT_PX * 2 + 16) : Math.round(size * 1.6),
    };
  });
  const series = options.series.map((s, i) => {
    if (i === 0) return s;
    const width = s.width ?? 1;
    const points = s.points ?? {};
    return {
      ...s,
      width: width === 0 ? 0 : Math.max(width, LECTURE_LINE_PX),
      points: {
        ...points,
        // Solid markers: uPlot's default fills them with the background (hollow, hard to see).
        fill: points.fill ?? s.stroke,
        size: Math.max(points.size ?? 0, 10),
        width: Math.max(points.width ?? 0, 2),
      },
    };
  });
  // Room on the right for half of the last x tick's label ("1,500" at 20 px), which would
  // otherwise be clipped at the canvas edge.
  const [top = null, right = null, bottom = null, left = null] = options.padding ?? [];
  const padding: uPlot.Padding = [
    top,
    typeof right === "number" ? Math.max(right, LECTURE_RIGHT_PAD) : LECTURE_RIGHT_PAD,
    bottom,
    left,
  ];
  return { ...options, axes, series, padding };
}

/**
 * The index of the latest plotted point: the last x at which some series (after x) has a finite
 * value; null when none has.
 */
export function latestIndex(data: uPlot.AlignedData): number | null {
  const n = data[0].length;
  for (let i = n - 1; i >= 0; i--) {
    for (let k = 1; k < data.length; k++) {
      const v = data[k]?.[i];
      if (typeof v === "number" && Number.isFinite(v)) return i;
    }
  }
  return null;
}

/**
 * A y range from 0 to a round value at or above `max` (percent data: at most 100), so the data
 * fill the plot with 0 kept at the bottom. Non-finite or non-positive `max`: [0, 1].
 */
export function percentRange(max: number | null): [number, number] {
  if (max == null || !Number.isFinite(max) || max <= 0) return [0, 1];
  const step = 10 ** Math.floor(Math.log10(max));
  const top = [1, 2, 5, 10].map((m) => m * step).find((v) => v >= max * 1.05) ?? 10 * step;
  return [0, Math.min(100, top)];
}
