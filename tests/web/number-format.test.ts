// How the page writes numbers (web/src/views/number-format.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  formatNumber,
  formatPercent,
  logTickLabels,
  relativeDifference,
} from "../../web/src/views/number-format.js";

test("formatNumber: four significant digits, exponents for the very small and large", () => {
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(0.123456), "0.1235");
  assert.equal(formatNumber(-12345.6), "-12350");
  assert.equal(formatNumber(2.5e5), "2.50e5");
  assert.equal(formatNumber(1.5e-7), "1.50e-7");
  assert.equal(formatNumber(Infinity), "∞");
  assert.equal(formatNumber(-Infinity), "−∞");
});

test("a diverged run's NaN reads as words, never 'undefined' or 'NaN'", () => {
  assert.equal(formatNumber(NaN), "not a number");
  assert.equal(formatPercent(NaN), "not a number");
});

test("formatPercent and relativeDifference", () => {
  assert.equal(formatPercent(0.123), "12.3%");
  assert.equal(relativeDifference(0, 0), 0);
  assert.equal(relativeDifference(1, 2), 0.5);
  assert.equal(relativeDifference(-1, 1), 2);
});

test("logTickLabels labels whole decades only", () => {
  assert.deepEqual(logTickLabels(null, [0.01, 0.02, 1, 5, 100, 1e-5, null, 0, -1]), [
    "0.01",
    "",
    "1",
    "",
    "100",
    "1e-5",
    "",
    "",
    "",
  ]);
});
