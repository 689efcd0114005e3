// The softmax panel's worked arithmetic (linear-nudge.ts, log-likelihood.ts), its heatmap colours
// and cell texts (jacobian-colours.ts), and every sentence it states (softmax-text.ts), over every
// preset, every class count 2 … 10, every target and a range of nudges, with a and J from the
// package as the page gets them; an independent double-precision softmax checks the arithmetic.
import assert from "node:assert/strict";
import { test } from "node:test";
import { init } from "gradscope";
import {
  cellText,
  JACOBIAN_SCALE,
  jacobianColour,
  legendGradient,
} from "../../web/src/softmax/jacobian-colours.js";
import {
  compareNudge,
  complementOfLargest,
  largestIndex,
  nudged,
} from "../../web/src/softmax/linear-nudge.js";
import { numberText, texNumber, texText } from "../../web/src/softmax/number-cell.js";
import { workLogLikelihood } from "../../web/src/softmax/log-likelihood.js";
import { MAX_CLASSES, MIN_CLASSES, SOFTMAX_PRESETS } from "../../web/src/softmax/softmax-state.js";
import {
  columnSumCaption,
  costCaption,
  FLOAT32_NOISE,
  jacobianCaption,
  NUDGE_RESOLUTION_FACTOR,
  nudgeCaption,
  probabilityCaption,
  probabilityText,
  probabilityTexts,
  SATURATED_JACOBIAN,
  subscript,
} from "../../web/src/softmax/softmax-text.js";

const gs = await init();

/** softmax in double, the independent reference. */
function softmax64(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / s);
}

/** Logit vectors to sweep: each preset at every n, and a few irregular ones. */
function sweep(): number[][] {
  const out: number[][] = [];
  for (let n = MIN_CLASSES; n <= MAX_CLASSES; n++) {
    for (const p of SOFTMAX_PRESETS) out.push(p.logits(n));
    out.push(Array.from({ length: n }, (_, i) => Math.sin(3 * i + 1) * 2.5));
    out.push(Array.from({ length: n }, (_, i) => (i === n - 1 ? -40 : i * 0.7)));
  }
  out.push([100, -100], [2, 1, 0.1], [0, 0.1], [5, 5, -3]);
  return out;
}

test("subscripts", () => {
  assert.equal(subscript(1), "₁");
  assert.equal(subscript(10), "₁₀");
});

test("the package's softmax and Jacobian agree with the double reference (what the page shows)", () => {
  for (const z of sweep()) {
    const a = gs.softmax(z);
    const ref = softmax64(z);
    ref.forEach((r, i) => assert.ok(Math.abs((a[i] as number) - r) <= 1e-6, `${z}: a${i}`));
    const J = gs.softmaxJacobian(a);
    const n = z.length;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const r = (ref[i] as number) * ((i === j ? 1 : 0) - (ref[j] as number));
        assert.ok(Math.abs((J[i * n + j] as number) - r) <= 1e-6, `${z}: J${i}${j}`);
      }
    }
  }
});

test("the nudge: Δa, Jᵢⱼ·h and their difference, which shrinks like h²", () => {
  const z = [2, 1, 0.1];
  const a = softmax64(z);
  const J = a.flatMap((ai, i) => a.map((aj, j) => ai * ((i === j ? 1 : 0) - aj)));
  const errors = [0.2, 0.1, 0.05].map((h) => {
    const c = compareNudge(a, softmax64(nudged(z, 1, h)), J, 1, h);
    const after = softmax64(nudged(z, 1, h));
    const change = (i: number) => (after[i] as number) - (a[i] as number);
    c.actual.forEach((d, i) => {
      // The largest (a₁ here) in complement form: −(Δa₂ + Δa₃).
      assert.equal(d, i === 0 ? -(change(1) + change(2)) : change(i));
      assert.equal(c.linear[i], (J[i * 3 + 1] as number) * h);
      assert.equal(c.error[i], d - (c.linear[i] as number));
    });
    assert.equal(c.maxError, Math.max(...c.error.map(Math.abs)));
    return c.maxError;
  });
  assert.ok(Math.abs((errors[0] as number) / (errors[1] as number) - 4) < 0.3);
  assert.ok(Math.abs((errors[1] as number) / (errors[2] as number) - 4) < 0.15);
  assert.deepEqual(nudged([1, 2, 3], 2, 0.5), [1, 2, 3.5]);
  assert.throws(() => compareNudge([0.5, 0.5], [0.5, 0.5], [0, 0, 0, 0], 2, 1), /j = 2/);
});

test("log-likelihood: C = −ln a_t, and Jᵀ∂C/∂a equals a − y (in double exactly as algebra says)", () => {
  for (const z of sweep()) {
    const a = softmax64(z);
    const n = z.length;
    const J = a.flatMap((ai, i) => a.map((aj, j) => ai * ((i === j ? 1 : 0) - aj)));
    for (let t = 0; t < n; t++) {
      const w = workLogLikelihood(a, J, t);
      assert.equal(w.cost, -Math.log(a[t] as number));
      assert.deepEqual(
        w.shortcut,
        a.map((v, i) => v - (i === t ? 1 : 0)),
      );
      if ((a[t] as number) === 0) {
        assert.equal(w.product, null);
        continue;
      }
      assert.ok(w.product);
      assert.ok((w.maxDifference as number) < 1e-12, `${z} t=${t}: ${w.maxDifference}`);
    }
  }
});

test("log-likelihood with a_t = 0 (saturated): infinite cost, no product, never NaN", () => {
  const a = [1, 0];
  const w = workLogLikelihood(a, [0, 0, 0, 0], 1);
  assert.equal(w.cost, Infinity);
  assert.equal(w.costGradient[1], -Infinity);
  assert.equal(w.product, null);
  assert.equal(w.maxDifference, null);
  assert.deepEqual(w.shortcut, [1, -1]);
  const text = costCaption(a, 1, w);
  assert.match(text, /a₂ is 0 in float32 \(class 2 is not the most likely\), so C = −ln 0 = ∞/);
  assert.match(text, /cannot be formed/);
  assert.doesNotMatch(text, /NaN|not a number|undefined/);
});

test("heatmap colours: white at 0, the sign colours at ±1/4, clamped, readable text", () => {
  assert.equal(jacobianColour(0).background, "rgb(255, 255, 255)");
  assert.equal(jacobianColour(JACOBIAN_SCALE).background, "rgb(0, 114, 178)");
  assert.equal(jacobianColour(-JACOBIAN_SCALE).background, "rgb(213, 94, 0)");
  assert.equal(jacobianColour(1).background, jacobianColour(JACOBIAN_SCALE).background);
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+/g) ?? []).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  for (let v = -0.25; v <= 0.25; v += 0.005) {
    const c = jacobianColour(v);
    const bg = luminance(c.background);
    const fg = c.text === "#000" ? 0 : 1;
    const contrast = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
    assert.ok(contrast >= 4.5, `text on ${c.background}: contrast ${contrast}`);
  }
  assert.match(
    legendGradient(),
    /^linear-gradient\(to right, rgb\(213, 94, 0\) 0%, .* rgb\(0, 114, 178\) 100%\)$/,
  );
  // One number format on the panel: the cells as the sentences and tables write numbers.
  assert.equal(cellText(0.2442), "0.2442");
  assert.equal(cellText(-0.15), "−0.15");
  assert.equal(cellText(-2.3e-6), "−2.300e−6");
  assert.equal(cellText(0), "0");
  for (const v of [0.2442, -0.15, -2.3e-6, 1.2288e-5, -6.144e-6]) {
    assert.equal(cellText(v), numberText(v));
  }
  assert.equal(numberText(-6.144e-6), "−6.144e−6");
  assert.equal(numberText(2.5e7), "2.500e7");
});

test("captions state what the numbers say, for every preset, class count and target", () => {
  for (const z of sweep()) {
    const a = gs.softmax(z);
    const J = gs.softmaxJacobian(a);
    const n = z.length;
    const values = Array.from(a);
    const top = Math.max(...values);
    const best = values.flatMap((v, i) => (v === top ? [i + 1] : []));

    const p = probabilityCaption(a);
    if (best.length === n) assert.match(p, new RegExp(`^All ${n} classes are equally likely`));
    else if (best.length > 1) assert.match(p, /tie as the most likely/);
    else assert.match(p, new RegExp(`^Class ${best[0]} is the most likely`));

    const maxAbs = Math.max(...Array.from(J, Math.abs));
    const jc = jacobianCaption(a, J);
    if (maxAbs < SATURATED_JACOBIAN) assert.match(jc, /saturated/, `${z}`);
    else assert.match(jc, /^The largest entry is ∂a(.)\/∂z\1 = /, `${z}`);

    const cs = columnSumCaption(n, J);
    assert.match(cs, /Each column sums to 0/);

    for (let t = 0; t < n; t++) {
      const w = workLogLikelihood(a, J, t);
      const text = costCaption(a, t, w);
      assert.doesNotMatch(text, /NaN|not a number/);
      if (w.maxDifference !== null && w.maxDifference <= FLOAT32_NOISE) {
        assert.match(text, /Both forms give the same δᴸ/);
      } else if (w.maxDifference !== null) {
        assert.match(text, /differ by up to/);
      }
      const isTop = (a[t] as number) === top;
      assert.match(text, isTop ? /the most likely/ : /is not the most likely/);
    }

    for (const h of [0, 0.01, 0.5, -1, 3]) {
      for (let j = 0; j < n; j++) {
        const full = compareNudge(a, gs.softmax(nudged(z, j, h)), J, j, h);
        const half = compareNudge(a, gs.softmax(nudged(z, j, h / 2)), J, j, h / 2);
        const text = nudgeCaption(j, h, full, half);
        const frozen = [...full.actual, ...full.linear].every((v) => v === 0);
        if (h === 0) assert.match(text, /^h = 0 moves nothing/);
        else if (frozen) assert.match(text, /moves nothing in float32: a is saturated/);
        else if (
          full.maxError < NUDGE_RESOLUTION_FACTOR * full.resolution ||
          half.maxError < NUDGE_RESOLUTION_FACTOR * half.resolution
        ) {
          assert.match(text, /within float32 resolution/);
          assert.doesNotMatch(text, /shrinks like h²|not yet/);
        } else {
          const ratio = full.maxError / half.maxError;
          if (ratio >= 3.5 && ratio <= 4.5) assert.match(text, /shrinks like h²/);
          else assert.match(text, /not yet the 4 = 2²/);
        }
        assert.doesNotMatch(text, /NaN|not a number|Infinity/);
      }
    }
  }
});

test("captions name the right classes in a known case", () => {
  const z = [2, 1, 0.1];
  const a = gs.softmax(z);
  const J = gs.softmaxJacobian(a);
  assert.match(
    probabilityCaption(a),
    /^Class 1 is the most likely: a₁ = 0\.659, 2\.718 times the next, class 2 \(a₂ = 0\.2424\)\.$/,
  );
  assert.match(
    jacobianCaption(a, J),
    /^The largest entry is ∂a₁\/∂z₁ = a₁\(1 − a₁\) = 0\.2247 .* the most negative is ∂a₁\/∂z₂ = −a₁a₂ = −0\.1598\.$/,
  );
  const w = workLogLikelihood(a, J, 1);
  assert.match(costCaption(a, 1, w), /^C = −ln a₂ = 1\.417 \(class 2 is not the most likely;/);
  const sat = gs.softmax([12, 0, 0]);
  assert.match(jacobianCaption(sat, gs.softmaxJacobian(sat)), /saturated \(a₁ = 1 − 1\.229e−5\)/);
  assert.equal(
    probabilityCaption(gs.softmax([0, 0, 0, 0])),
    "All 4 classes are equally likely: every aᵢ = 0.25 (1/4).",
  );
  assert.match(
    probabilityCaption(gs.softmax([3, 3, 0])),
    /^Classes 1 and 2 tie as the most likely/,
  );
});

test("probabilities just below 1 are written as 1 − x, and numbers as TeX", () => {
  assert.equal(probabilityText(0.5), "0.5");
  assert.equal(probabilityText(1), "1");
  assert.equal(probabilityText(0.99998771), "1 − 1.229e−5");
  assert.equal(probabilityText(0.9999876022338867), "1 − 1.240e−5");
  assert.equal(probabilityText(0.9999876022338867, 1.2288e-5), "1 − 1.229e−5");
  assert.equal(probabilityText(0.9994), "0.9994");
  assert.equal(texText("1 − 1.229e−5"), String.raw`1 - 1.229\times 10^{-5}`);
  assert.equal(texNumber(-2.5e-7), String.raw`-2.500\times 10^{-7}`);
  assert.equal(texNumber(Infinity), String.raw`\infty`);
  assert.equal(texNumber(0.417), "0.417");
});

test("saturated z = (12, 0, 0): the largest aₜ and its change in complement form, as in double", () => {
  // Review bug: a₁(after) − a₁(before) in float32 gave Δa₁ = 5.01e-6 (truth 4.835e-6), a Δa
  // column summing to 1.7e-7, a ratio 5.39 read as "higher-order terms", and a₁ = 1 − 1.24e-5.
  const z = [12, 0, 0];
  const a = gs.softmax(z);
  const J = gs.softmaxJacobian(a);
  const ref = softmax64(z);
  assert.equal(largestIndex(a), 0);
  const complement = complementOfLargest(a);
  const refComplement = (ref[1] as number) + (ref[2] as number);
  assert.ok(Math.abs(complement / refComplement - 1) < 1e-6, `1 − a₁ = ${complement}`);
  assert.equal(probabilityTexts(a)[0], "1 − 1.229e−5");
  assert.match(probabilityCaption(a), /a₁ = 1 − 1\.229e−5/);
  const h = 0.5;
  const full = compareNudge(a, gs.softmax(nudged(z, 0, h)), J, 0, h);
  const half = compareNudge(a, gs.softmax(nudged(z, 0, h / 2)), J, 0, h / 2);
  const refFull = softmax64(nudged(z, 0, h));
  const refHalf = softmax64(nudged(z, 0, h / 2));
  // Δa₁ in double from the double softmax: (1 − a₁) − (1 − a₁') from the small classes.
  const refChange = (after: number[]) =>
    (ref[1] as number) + (ref[2] as number) - (after[1] as number) - (after[2] as number);
  const d1 = full.actual[0] as number;
  assert.ok(Math.abs(d1 / refChange(refFull) - 1) < 1e-5, `Δa₁ = ${d1}, not ${refChange(refFull)}`);
  assert.equal(numberText(d1), "4.835e−6");
  const sum = full.actual.reduce((x, y) => x + y, 0);
  assert.ok(Math.abs(sum) < 1e-15, `the Δa column sums to ${sum}`);
  // The miss ratio h → h/2 against the double reference (J in double too): ≈ 3.70.
  const refJ11 = (ref[0] as number) * refComplement;
  const refMiss = (after: number[], step: number) => {
    const d = [refChange(after), (after[1] as number) - (ref[1] as number)];
    const lin = [refJ11 * step, -(ref[1] as number) * (ref[0] as number) * step];
    return Math.max(...d.map((v, i) => Math.abs(v - (lin[i] as number))));
  };
  const refRatio = refMiss(refFull, h) / refMiss(refHalf, h / 2);
  assert.ok(Math.abs(refRatio - 3.7) < 0.01, `reference ratio ${refRatio}`);
  const ratio = full.maxError / half.maxError;
  assert.ok(Math.abs(ratio / refRatio - 1) < 0.01, `ratio ${ratio} against ${refRatio}`);
  const text = nudgeCaption(0, h, full, half);
  assert.match(text, /changes a₁ by \+4\.835e−6;/);
  assert.match(text, /3\.699 times smaller: close to 4 = 2²/);
  // A gradient through the saturated softmax: tiny ∂aᵢ/∂zⱼ, but δᴸ = a − y does not vanish.
  const jc = jacobianCaption(a, J);
  assert.doesNotMatch(jc, /vanishes/);
  assert.match(jc, /δᴸ = a − y .*does not vanish/);
});

test("a nudge below float32 resolution draws no conclusion", () => {
  const z = [12, 0, 0];
  const a = gs.softmax(z);
  const J = gs.softmaxJacobian(a);
  const h = 1e-3;
  const full = compareNudge(a, gs.softmax(nudged(z, 1, h)), J, 1, h);
  const half = compareNudge(a, gs.softmax(nudged(z, 1, h / 2)), J, 1, h / 2);
  const text = nudgeCaption(1, h, full, half);
  assert.match(text, /within float32 resolution/);
  assert.doesNotMatch(text, /shrinks like h²|not yet|higher-order/);
});
