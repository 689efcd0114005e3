// The playground's two seeds (web/src/state/seeds.ts, settings.ts): old links' `seed`, drawing a
// new seed, which settings each seed belongs to, and what the page says about Reset.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEFAULT_SETTINGS,
  parseSettings,
  RUN_KEYS,
  sameRun,
  SETTINGS_TABLE,
} from "../../web/src/state/settings.js";
import {
  drawSeed,
  legacySeeds,
  resetLabel,
  SEED_MAX,
  seedNote,
} from "../../web/src/state/seeds.js";
import { tableKeys } from "../../web/src/state/url-table.js";

test("the settings have a data seed and a weights seed, each starting a new run, no `seed`", () => {
  const keys = tableKeys(SETTINGS_TABLE);
  assert.ok(keys.includes("dataSeed") && keys.includes("initSeed"));
  assert.ok(!keys.includes("seed"));
  assert.ok(RUN_KEYS.includes("dataSeed") && RUN_KEYS.includes("initSeed"));
  assert.ok(!sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, dataSeed: 2 }));
  assert.ok(!sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, initSeed: 2 }));
});

test("an old link's seed=N sets both seeds; explicit new keys win; a bad N is reported", () => {
  const old = parseSettings(new URLSearchParams("dataset=spiral&seed=42"));
  assert.deepEqual(old.problems, []);
  assert.equal(old.value.dataSeed, 42);
  assert.equal(old.value.initSeed, 42);
  assert.equal(old.value.dataset, "spiral");
  const mixed = parseSettings(new URLSearchParams("seed=42&initSeed=7"));
  assert.equal(mixed.value.dataSeed, 42);
  assert.equal(mixed.value.initSeed, 7);
  const both = parseSettings(new URLSearchParams("seed=42&dataSeed=3&initSeed=7"));
  assert.deepEqual([both.value.dataSeed, both.value.initSeed], [3, 7]);
  for (const bad of ["1.5", "-1", String(SEED_MAX + 1), "abc"]) {
    const r = parseSettings(new URLSearchParams(`seed=${bad}`));
    assert.equal(r.problems.length, 1, bad);
    assert.match(r.problems[0] ?? "", new RegExp(`^seed: "${bad}" is .*; default used$`));
    assert.deepEqual([r.value.dataSeed, r.value.initSeed], [1, 1]);
  }
  assert.deepEqual(legacySeeds(new URLSearchParams("dataSeed=5")), { seeds: {} });
});

test("drawSeed: uniform over 0 … 2³¹ − 1 and never the current seed", () => {
  assert.equal(
    drawSeed(5, () => 0),
    0,
  );
  assert.equal(
    drawSeed(0, () => 0),
    1,
    "the same seed is moved on",
  );
  assert.equal(
    drawSeed(7, () => 0.9999999999),
    SEED_MAX,
  );
  assert.equal(
    drawSeed(SEED_MAX, () => 0.9999999999),
    0,
    "wraps",
  );
  assert.equal(
    drawSeed(1, () => 0.5),
    2 ** 30,
  );
  for (let i = 0; i < 1000; i++) {
    const current = i % 3;
    const v = drawSeed(current, Math.random);
    assert.ok(Number.isInteger(v) && v >= 0 && v <= SEED_MAX && v !== current);
  }
});

test("Reset says it is the same seeds and the same start, naming the seeds in use", () => {
  for (const s of [
    { dataSeed: 1, initSeed: 1 },
    { dataSeed: 90210, initSeed: 3 },
  ]) {
    const label = resetLabel(s);
    assert.match(label, /^Reset: same seeds, same start/);
    assert.ok(label.includes(`data seed ${s.dataSeed}, weights seed ${s.initSeed}`), label);
    assert.equal(
      seedNote("reset", s),
      `Reset: same seeds, same start (data seed ${s.dataSeed}, weights seed ${s.initSeed}).`,
    );
    assert.match(
      seedNote("new-data", s),
      new RegExp(`data seed ${s.dataSeed} draws new points.*weights seed ${s.initSeed} kept`),
    );
    assert.match(
      seedNote("new-weights", s),
      new RegExp(
        `weights seed ${s.initSeed} draws new initial weights.*data seed ${s.dataSeed} kept`,
      ),
    );
    assert.ok(seedNote("load", s).includes(`data seed ${s.dataSeed}, weights seed ${s.initSeed}`));
  }
});

test("seed given twice: the first is read and the repeat is reported, not dropped silently", () => {
  // The hash fuzzer's `seed=-0&seed=${alert(7)}226` once showed no notice.
  const r = parseSettings(new URLSearchParams("seed=4&seed=%24%7Balert(7)%7D226"));
  assert.deepEqual([r.value.dataSeed, r.value.initSeed], [4, 4]);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0] ?? "", /^seed: given 2 times; only the first \("4"\) is read$/);
});
