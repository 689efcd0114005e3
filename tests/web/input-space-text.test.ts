// The input-space card's words (web/src/views/input-space-text.ts) and its source line
// (card-sources.ts) for every data set of the catalogue, every number of classes it allows and
// both display toggles: a value map never says "decision boundary" or "class", a line set's card
// names its curve, a class map names every class.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { DISPLAY_TABLE } from "../../web/src/state/display-keys.js";
import { OUTPUT_ACTIVATIONS, presetFor } from "../../web/src/state/settings.js";
import { cardSource } from "../../web/src/views/card-sources.js";
import {
  discretizeApplies,
  effectiveDisplay,
  inputSpaceCaption,
  inputSpaceLabel,
  inputSpaceLegend,
  inputSpaceMode,
  inputSpaceTitle,
} from "../../web/src/views/input-space-text.js";
import { CLASS_ORDER } from "../../web/src/views/output-colours.js";

const DISPLAYS = [false, true].flatMap((showTest) =>
  [false, true].map((discretize) => ({ showTest, discretize })),
);

/** Every data set the view can show, with every class count its row allows. */
function cases(): { dataset: (typeof catalogue.datasets)[number]["name"]; classes: number }[] {
  return catalogue.datasets
    .filter((d) => d.kind !== "image")
    .flatMap((d) =>
      Array.from({ length: d.classRange[1] - d.classRange[0] + 1 }, (_, i) => ({
        dataset: d.name,
        classes: d.classRange[0] + i,
      })),
    );
}

test("the display table holds the two toggles", () => {
  assert.deepEqual(
    DISPLAY_TABLE.map((r) => r.key),
    ["showTest", "discretize"],
  );
});

test("title and mode follow the data set's kind and problem", () => {
  for (const d of catalogue.datasets) {
    if (d.kind === "image") continue;
    const mode = inputSpaceMode(d.name);
    const expected =
      d.kind === "line" ? "curve" : d.problem === "regression" ? "values" : "classes";
    assert.equal(mode, expected, d.name);
    assert.equal(
      inputSpaceTitle(d.name),
      { classes: "Decision boundary", values: "Output over the plane", curve: "Fitted curve" }[
        mode
      ],
    );
    assert.ok(inputSpaceLabel(d.name).length > 20);
  }
  assert.equal(inputSpaceTitle("spiral"), "Decision boundary");
  assert.equal(inputSpaceTitle("bumps"), "Output over the plane");
  assert.equal(inputSpaceTitle("sine"), "Fitted curve");
});

test("every caption is true for its set, classes, output and toggles", () => {
  for (const { dataset, classes } of cases()) {
    for (const output of OUTPUT_ACTIVATIONS) {
      for (const display of DISPLAYS) {
        const s = { dataset, output, classes };
        const text = inputSpaceCaption(s, display);
        const mode = inputSpaceMode(dataset);
        const where = `${dataset}/${classes}/${output}/${JSON.stringify(display)}: ${text}`;
        assert.doesNotMatch(text, /accuracy/i, where);
        // The toggle shows only where discretizing means something; elsewhere no word of it.
        assert.equal(discretizeApplies(mode), mode === "classes", where);
        if (mode !== "classes") {
          assert.doesNotMatch(text, /discreti[sz]/i, where);
          assert.equal(effectiveDisplay(display, mode).discretize, false, where);
        }
        if (mode !== "classes") {
          assert.doesNotMatch(text, /decision boundary|class/i, where);
          assert.deepEqual(inputSpaceLegend(s), [], where);
        }
        if (mode === "curve") assert.match(text, /curve for x from −1\.5 to 1\.5/, where);
        if (mode === "values") {
          assert.match(text, /diverging scale/, where);
          assert.match(text, /shaded continuously/, where);
        }
        if (mode === "classes") {
          const legend = inputSpaceLegend(s);
          const k = Math.max(2, classes);
          const oneUnit = legend.length === 2 && legend[0]?.[1].includes("output near 0");
          if (!oneUnit) {
            assert.deepEqual(
              legend.map(([, t]) => t),
              Array.from({ length: k }, (_, i) => `class ${i}`),
              where,
            );
            assert.match(text, new RegExp(`argmax over the ${k} units, ${k} classes`), where);
          } else {
            assert.equal(k, 2, where);
            assert.match(text, /one unit says class 0/, where);
          }
          assert.deepEqual(
            legend.map(([c]) => c),
            CLASS_ORDER.slice(0, legend.length),
            where,
          );
          assert.equal(/discretized/.test(text), display.discretize, where);
        }
        assert.equal(
          /test points a dark one|hollow rings test points/.test(text),
          display.showTest,
        );
        assert.equal(/show test data is off/.test(text), !display.showTest, where);
      }
    }
  }
});

test("with its preset, a many-class set says softmax's K units, a two-class set its one unit", () => {
  const three = presetFor("spiral", 3);
  assert.match(inputSpaceCaption(three, { showTest: true, discretize: false }), /over the 3 units/);
  const two = presetFor("spiral");
  assert.match(
    inputSpaceCaption(two, { showTest: true, discretize: false }),
    /white where it says 0\.5/,
  );
});

test("the card's source line names where the feedforward is evaluated", () => {
  const s = { activation: "tanh", output: "identity", cost: "quadratic" } as const;
  for (const d of catalogue.datasets) {
    const line = cardSource("decision-boundary", { ...s, dataset: d.name }).equation;
    if (d.kind === "line") assert.match(line, /along the line x ∈ \[−1\.5, 1\.5\]/, d.name);
    else assert.match(line, /over the input plane/, d.name);
    assert.equal(/its one output/.test(line), d.kind === "plane" && d.problem === "regression");
  }
});

test("the legend is empty for an image set: MNIST's ten classes are never coloured on a plane", () => {
  // The boundary card of an MNIST run is hidden but still told the settings; a legend of ten
  // classes threw "class 6 has no colour" there.
  for (const output of OUTPUT_ACTIVATIONS) {
    assert.deepEqual(inputSpaceLegend({ dataset: "mnist", output, classes: 10 }), []);
  }
});
