// BP1's first line: the run's cost written out, then with this sample's numbers from the trace
// (aᴸ, y and Cₓ carry their data-paths), e.g. Cₓ = −ln aᴸ_y = −ln 0.1656 = 1.798. Pure.

import type { BackpropInput } from "./backprop-input.js";
import type { Term } from "./backprop-steps.js";
import { outputLabels, sup } from "./backprop-names.js";

const op = (tex: string, label: string): Term => ({ kind: "op", tex, label });

/** The index of y's one 1 when y is one-hot, else -1. */
export function oneHotIndex(y: ArrayLike<number>): number {
  let at = -1;
  for (let j = 0; j < y.length; ++j) {
    if (y[j] === 1 && at === -1) at = j;
    else if (y[j] !== 0) return -1;
  }
  return at;
}

/** The terms of Cₓ's line in BP1 for `input`'s cost. */
export function costFormula(input: BackpropInput): Term[] {
  const t = input.trace;
  const L = input.layerSizes.length;
  const k = L - 2;
  const a = t.layers[k]?.a ?? new Float32Array();
  const labels = outputLabels(input);
  const aj = (j: number): Term => ({
    kind: "scalar",
    name: `a${sup(L)} (${labels[j] ?? j})`,
    tex: "",
    path: `layers[${k}].a[${j}]`,
    value: a[j] ?? NaN,
    bare: true,
  });
  const yj = (j: number): Term => ({
    kind: "scalar",
    name: `y (${labels[j] ?? j})`,
    tex: "",
    path: `target[${j}]`,
    value: t.target[j] ?? NaN,
    bare: true,
  });
  const cost: Term = {
    kind: "scalar",
    name: "Cₓ",
    tex: "",
    path: "cost",
    value: t.cost,
    bare: true,
  };
  const one = a.length === 1;
  switch (input.cost) {
    case "log-likelihood": {
      const c = oneHotIndex(t.target);
      if (c < 0) {
        return [
          op(
            `C_x = -\\sum_j y_j \\ln a^{${L}}_j =`,
            "C x equals minus the sum of y j ln a j, which is",
          ),
          cost,
        ];
      }
      return [
        op(
          `C_x = -\\ln a^{${L}}_{y} = -\\ln a^{${L}}_{${c}} = -\\ln`,
          `C x equals minus ln of a for the target class ${c}, minus ln of`,
        ),
        aj(c),
        op("=", "equals"),
        cost,
      ];
    }
    case "cross-entropy":
      if (one) {
        return [
          op(
            `C_x = -\\left[y \\ln a + (1 - y) \\ln(1 - a)\\right] = -\\big[`,
            "C x equals minus (y ln a plus (1 minus y) ln (1 minus a)), with numbers: minus",
          ),
          yj(0),
          op("\\ln", "ln"),
          aj(0),
          op("+\\,(1 -", "plus 1 minus"),
          yj(0),
          op(")\\ln(1 -", "times ln of 1 minus"),
          aj(0),
          op(")\\big] =", "equals"),
          cost,
        ];
      }
      return [
        op(
          `C_x = -\\sum_j \\left[y_j \\ln a^{${L}}_j + (1 - y_j) \\ln(1 - a^{${L}}_j)\\right] =`,
          "C x equals minus the sum over j of y j ln a j plus (1 minus y j) ln (1 minus a j), which is",
        ),
        cost,
      ];
    case "quadratic":
      if (one) {
        return [
          op(
            `C_x = \\tfrac12 (a - y)^2 = \\tfrac12\\,(`,
            "C x equals one half (a minus y) squared: one half of",
          ),
          aj(0),
          op("-", "minus"),
          yj(0),
          op(")^2 =", "squared, equals"),
          cost,
        ];
      }
      return [
        op(
          `C_x = \\tfrac12 \\|a^{${L}} - y\\|^2 = \\tfrac12 \\sum_j (a^{${L}}_j - y_j)^2 =`,
          "C x equals one half the squared length of a minus y, which is",
        ),
        cost,
      ];
  }
}
