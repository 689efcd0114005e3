// The confusion matrix's cell colours: errors on their own vermillion scale normalised by the
// largest error, the diagonal on a green scale by row share, empty cells grey, and every count
// readable (WCAG contrast ≥ 4.5:1) on every shade.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  cellShade,
  contrastRatio,
  EMPTY_SHADE,
  largestErrorShare,
} from "../../web/src/model/confusion-shade.js";

const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));

test("contrast ratio is the WCAG one", () => {
  assert.equal(contrastRatio("#000000", "#ffffff"), 21);
  assert.equal(contrastRatio("#777777", "#777777"), 1);
  assert.ok(Math.abs(contrastRatio("#767676", "#ffffff") - 4.54) < 0.01);
  assert.throws(() => contrastRatio("red", "#ffffff"), /not a #rrggbb colour: red/);
});

test("every shade keeps its count at ≥ 4.5:1, for shares 0 … 1 on and off the diagonal", () => {
  for (const largest of [0, 0.001, 0.05, 0.18, 0.5, 1])
    for (let k = 0; k <= 1000; k++) {
      const share = k / 1000;
      for (const diagonal of [true, false]) {
        const s = cellShade(share, diagonal, Math.max(largest, diagonal ? 0 : share));
        const c = contrastRatio(s.background, s.ink);
        assert.ok(c >= 4.5, `${share} ${diagonal} ${largest}: ${s.background}/${s.ink} ${c}`);
      }
    }
  assert.ok(contrastRatio(EMPTY_SHADE.background, EMPTY_SHADE.ink) >= 4.5);
});

test("errors are vermillion, normalised so the largest is full; the diagonal is green", () => {
  // 36 test 3s predicted as 5 of 195: the largest error is full Okabe–Ito vermillion.
  assert.equal(cellShade(36 / 195, false, 36 / 195).background, "#d55e00");
  // The smallest error is a visible tint, neither white nor the empty cells' grey.
  const faint = cellShade(1 / 1000, false, 36 / 195).background;
  assert.notEqual(faint, "#ffffff");
  assert.notEqual(faint, EMPTY_SHADE.background);
  assert.ok(contrastRatio(faint, "#ffffff") > 1.1, faint);
  for (const share of [0.001, 0.05, 0.1, 0.18]) {
    const [r, g, b] = rgb(cellShade(share, false, 0.18).background);
    assert.ok(r! > g! && g! > b!, `error ${share}: warm`); // vermillion: red over green over blue
    const [dr, dg] = rgb(cellShade(share * 5, true, 0.18).background);
    assert.ok(dg! > dr!, `diagonal ${share * 5}: green`);
  }
  // Larger errors are darker.
  const dark = (share: number, diagonal: boolean) =>
    contrastRatio(cellShade(share, diagonal, 0.2).background, "#ffffff");
  assert.ok(dark(0.05, false) < dark(0.1, false) && dark(0.1, false) < dark(0.2, false));
  // A weak class (8: 119 of 195) is clearly paler than a strong one (95 %).
  assert.ok(dark(0.95, true) - dark(119 / 195, true) > 1, `${dark(119 / 195, true)}`);
  // Zero counts (and empty rows) are plain grey, on and off the diagonal.
  assert.deepEqual(cellShade(0, false, 0.2), EMPTY_SHADE);
  assert.deepEqual(cellShade(0, true, 0.2), EMPTY_SHADE);
});

test("the largest error share is over the off-diagonal cells only", () => {
  const m = { classes: 3, counts: Int32Array.from([90, 10, 0, 5, 45, 0, 0, 0, 0]) };
  assert.equal(largestErrorShare(m), 0.1);
  assert.equal(largestErrorShare({ classes: 2, counts: Int32Array.from([3, 0, 0, 4]) }), 0);
});
