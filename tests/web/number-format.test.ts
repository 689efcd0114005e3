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

test("formatNumber: the switch to exponents at 1e-3 and 1e5, both signs, trailing zeros dropped", () => {
  assert.equal(formatNumber(0.001), "0.001");
  assert.equal(formatNumber(0.000999), "9.99e-4");
  assert.equal(formatNumber(-0.000999), "-9.99e-4");
  assert.equal(formatNumber(99990), "99990");
  assert.equal(formatNumber(1e5), "1.00e5");
  assert.equal(formatNumber(-1e5), "-1.00e5");
  assert.equal(formatNumber(0.5), "0.5");
  assert.equal(formatNumber(1.23456789), "1.235");
  assert.equal(formatNumber(1e-300), "1.00e-300");
  assert.equal(formatNumber(Number.MAX_VALUE), "1.80e308");
  assert.equal(formatNumber(-0), "0");
});

test("formatPercent rounds to one decimal, including 0 and 100%", () => {
  assert.equal(formatPercent(0), "0.0%");
  assert.equal(formatPercent(1), "100.0%");
  assert.equal(formatPercent(0.99949), "99.9%");
  assert.equal(formatPercent(0.0005), "0.1%");
});

test("relativeDifference is symmetric and scale-free", () => {
  assert.equal(relativeDifference(3, 4), relativeDifference(4, 3));
  assert.ok(Math.abs(relativeDifference(3e-20, 4e-20) - 0.25) < 1e-15);
  assert.equal(relativeDifference(5, 5), 0);
  assert.equal(relativeDifference(0, 7), 1);
});

test("logTickLabels: decades computed in floating point still count, near misses do not", () => {
  assert.deepEqual(
    logTickLabels(null, [10 ** -3, 0.1, 10, 1e3, 1e10, 0.30000000000000004, 1.001]),
    ["1e-3", "0.1", "10", "1e3", "1e10", "", ""],
  );
  assert.deepEqual(logTickLabels(null, []), []);
});
