import assert from "node:assert/strict";
import { test } from "node:test";
import { measuredOnSubset } from "../../web/src/cards/run-card.js";
import { loneCards } from "../../web/src/embed/lone-cards.js";

test("a narrow card alone in its row spans it: a single card, an odd run's last", () => {
  assert.deepEqual(loneCards([]), []);
  assert.deepEqual(loneCards([false]), [true]);
  assert.deepEqual(loneCards([true]), [false]);
  assert.deepEqual(loneCards([false, false]), [false, false]);
  assert.deepEqual(loneCards([false, false, false]), [false, false, true]);
  // A wide card ends the run before it: the narrow card before it is alone.
  assert.deepEqual(loneCards([false, true, false, false]), [true, false, false, false]);
  assert.deepEqual(loneCards([false, false, true, false]), [false, false, false, true]);
  assert.deepEqual(loneCards([true, true, false]), [false, false, true]);
});

test("every arrangement: rows filled two narrow cards at a time, as the grid places them", () => {
  for (let n = 0; n <= 8; n++) {
    for (let bits = 0; bits < 2 ** n; bits++) {
      const wide = Array.from({ length: n }, (_, i) => ((bits >> i) & 1) === 1);
      const lone = loneCards(wide);
      // Simulate the grid's auto placement: column 0 or 1; a wide card starts a new row.
      let column = 0;
      const rows: number[][] = [];
      for (const [i, w] of wide.entries()) {
        if (w || column === 0) {
          rows.push([i]);
          column = w ? 0 : 1;
        } else {
          rows[rows.length - 1]?.push(i);
          column = 0;
        }
      }
      for (const row of rows) {
        const [first] = row;
        if (first === undefined) continue;
        const alone = row.length === 1 && !wide[first];
        assert.equal(lone[first], alone, `${JSON.stringify(wide)} card ${first}`);
        for (const i of row.slice(1)) assert.equal(lone[i], false);
      }
    }
  }
});

test("MNIST's caption points at the test digits' card only when it is shown", () => {
  assert.match(measuredOnSubset(true), /see the test digits' card/);
  assert.doesNotMatch(measuredOnSubset(false), /test digits/);
  assert.match(measuredOnSubset(false), /fixed subset/);
});
