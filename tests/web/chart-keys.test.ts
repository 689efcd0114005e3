import assert from "node:assert/strict";
import { test } from "node:test";
import { CHART_DEFAULTS, parseChartKeys, writeChartKeys } from "../../web/src/state/chart-keys.js";
import { SMOOTHING_WINDOWS } from "../../web/src/views/moving-average.js";
import { TIME_UNITS, timeAxisLabel, timeColumn } from "../../web/src/views/time-axis.js";

test("no keys: steps, no smoothing", () => {
  assert.deepEqual(parseChartKeys(new URLSearchParams()), {
    value: { time: "step", smooth: 0 },
    problems: [],
  });
});

test("every unit and window round-trips through the URL; defaults are left out", () => {
  for (const time of TIME_UNITS)
    for (const smooth of SMOOTHING_WINDOWS) {
      const p = new URLSearchParams("dataset=spiral");
      writeChartKeys({ time, smooth }, p);
      assert.deepEqual(parseChartKeys(p).value, { time, smooth });
      assert.equal(p.has("time"), time !== CHART_DEFAULTS.time);
      assert.equal(p.has("smooth"), smooth !== CHART_DEFAULTS.smooth);
      assert.equal(p.get("dataset"), "spiral");
    }
});

test("bad values keep the default and name the bad text", () => {
  const { value, problems } = parseChartKeys(new URLSearchParams("time=hours&smooth=7"));
  assert.deepEqual(value, CHART_DEFAULTS);
  assert.equal(problems.length, 2);
  assert.match(problems[0] ?? "", /time: "hours" is not one of step, epoch/);
  assert.match(problems[1] ?? "", /smooth: "7" is not one of 0, 5, 20, 50/);
});

test("each unit has its own axis label and column", () => {
  const h = { step: [1, 2], epoch: [0.5, 1] };
  assert.equal(timeColumn(h, "step"), h.step);
  assert.equal(timeColumn(h, "epoch"), h.epoch);
  assert.match(timeAxisLabel("step"), /mini-batches/);
  assert.match(timeAxisLabel("epoch"), /epoch/);
});
