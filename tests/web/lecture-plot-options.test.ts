import assert from "node:assert/strict";
import { test } from "node:test";
import type uPlot from "uplot";
import {
  LECTURE_FONT_PX,
  LECTURE_LINE_PX,
  LECTURE_RIGHT_PAD,
  latestIndex,
  lectureOptions,
  percentRange,
} from "../../web/src/views/lecture-plot-options.js";

test("lecture options: every axis's text at the lecture size, lines at least 2.5 px", () => {
  const out = lectureOptions({
    axes: [{ label: "step" }, { label: "‖∂C/∂b‖", size: 70 }],
    series: [
      { label: "x" },
      { label: "thin", width: 1 },
      { label: "default" },
      { label: "thick", width: 4 },
      { label: "points only", width: 0, points: { size: 12 } },
    ],
  });
  for (const a of out.axes ?? []) {
    assert.match(String(a.font), new RegExp(`\\b${LECTURE_FONT_PX}px`));
    assert.match(String(a.labelFont), new RegExp(`\\b${LECTURE_FONT_PX}px`));
  }
  assert.ok((out.axes?.[1]?.size as number) > 70, "the y axis grows with its text");
  assert.deepEqual(
    out.series.map((s) => s.width),
    [undefined, LECTURE_LINE_PX, LECTURE_LINE_PX, 4, 0],
  );
  assert.equal(out.series[4]?.points?.size, 12);
  assert.ok((out.series[1]?.points?.size ?? 0) >= 10);
  assert.equal(out.series[1]?.label, "thin");
});

test("the latest index is the last x where some series has a finite value", () => {
  const d = (...cols: (number | null)[][]) => cols as unknown as uPlot.AlignedData;
  assert.equal(latestIndex(d([0, 1, 2], [1, 2, 3])), 2);
  assert.equal(latestIndex(d([0, 1, 2], [1, null, null], [null, 5, NaN])), 1);
  assert.equal(latestIndex(d([0, 1], [null, null])), null);
  assert.equal(latestIndex(d([])), null);
});

test("percent range: 0 to a round value just above the peak, at most 100", () => {
  assert.deepEqual(percentRange(30), [0, 50]);
  assert.deepEqual(percentRange(8.5), [0, 10]);
  assert.deepEqual(percentRange(1.2), [0, 2]);
  assert.deepEqual(percentRange(99), [0, 100]);
  assert.deepEqual(percentRange(100), [0, 100]);
  assert.deepEqual(percentRange(0), [0, 1]);
  assert.deepEqual(percentRange(null), [0, 1]);
  assert.deepEqual(percentRange(NaN), [0, 1]);
  for (const max of [0.003, 0.7, 3, 17, 42, 63]) {
    const [, top] = percentRange(max);
    assert.ok(top > max && top <= Math.max(2.1 * max, 1e-9) + 0.5 * max, `${max} → ${top}`);
  }
});

test("lecture mode leaves room on the right for the last x tick's label", () => {
  const base = { series: [{}, { stroke: "#000" }], axes: [{}, {}] };
  assert.deepEqual(lectureOptions(base).padding, [null, LECTURE_RIGHT_PAD, null, null]);
  const padded = lectureOptions({ ...base, padding: [4, 100, 2, 3] });
  assert.deepEqual(padded.padding, [4, 100, 2, 3]);
  assert.ok(LECTURE_RIGHT_PAD >= 30);
});
