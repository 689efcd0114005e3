// The two charts over training time: per-layer gradient norms and loss/accuracy. They share the
// x unit and the smoothing (chart-key-state.ts, read from the card's ParamStore); the gradient
// card also carries the controls, the live learning-speed summary and the "compare" ghost.

import { catalogue } from "gradscope";
import { ChartControls } from "../controls/chart-controls.js";
import type { TrainingHistory } from "../model/training-history.js";
import type { Settings } from "../state/settings.js";
import { gradientCaption } from "../views/captions.js";
import { GradientNormsChart, type GradientNormSeries } from "../views/gradient-norms-chart.js";
import { learningSpeedSummary } from "../views/learning-speed-summary.js";
import { LossAccuracyChart, lossMeasureTitle } from "../views/loss-accuracy-chart.js";
import { formatNumber } from "../views/number-format.js";
import { chartKeyState } from "./chart-key-state.js";
import { measuredOnSubset, type RunCard } from "./run-card.js";

/** The pinned run's name in the gradient card: what a next run is compared with. */
export function describeRun(s: Settings | null): string {
  if (!s) return "the pinned run";
  const hidden = s.hidden.length ? s.hidden.join("-") : "none";
  return `${s.dataset}, hidden ${hidden}, ${s.activation}, ${s.init} init, η = ${s.learningRate}, seeds ${s.dataSeed}/${s.initSeed}`;
}

function measured(s: Settings, shownViews: ReadonlySet<string>): string {
  if (catalogue.dataset(s.dataset).kind !== "image") return "";
  return measuredOnSubset(shownViews.has("test-digits"));
}

export const gradientNormsCard: RunCard = {
  elementId: "view-gradients",
  wide: true,
  build(card, run, context) {
    const keys = chartKeyState(context);
    const doc = card.root.ownerDocument;
    let ghost: GradientNormSeries | null = null;
    let history: TrainingHistory | null = null;
    const display = () => ({ unit: keys.keys.time, smooth: keys.keys.smooth, ghost });
    const redraw = () => {
      if (history && history.length > 0) chart.update(history, display());
    };
    const controls = new ChartControls(doc, {
      change: (patch) => keys.change(patch),
      pin: () => {
        const h = history;
        if (!h || h.length === 0) {
          context.notify("nothing to pin yet: train a few steps first");
          return;
        }
        // Copies the current run's gradient curves as the ghost.
        ghost = {
          step: [...h.step],
          epoch: [...h.epoch],
          layerNumbers: [...h.layerNumbers],
          biasNorms: h.biasNorms.map((c) => [...c]),
          weightNorms: h.weightNorms.map((c) => [...c]),
        };
        controls.setPinned(describeRun(run.settings));
        redraw();
      },
      clearPin: () => {
        ghost = null;
        controls.setPinned(null);
        redraw();
      },
    });
    card.explanation.after(controls.root, controls.summary);
    const chart = new GradientNormsChart(card.body);
    controls.render(keys.keys);
    const stop = keys.onChange((k) => {
      controls.render(k);
      redraw();
    });
    return {
      frame: 1,
      listener: {
        settings: (s) => {
          card.explanation.textContent = gradientCaption(s) + measured(s, run.shownViews);
        },
        snapshot: (s, h) => {
          history = h;
          chart.update(h, display());
          controls.summary.textContent = `At step ${s.step}: ${learningSpeedSummary(s.layers, formatNumber)}`;
        },
      },
      dispose: stop,
    };
  },
};

const LOSS_TEXT =
  "Mean cost and share classified correctly, on the training and the held-out test points.";

/** The loss card's explanation: what its right axis measures for this run's problem. */
export function lossCaption(s: Pick<Settings, "dataset">): string {
  if (catalogue.dataset(s.dataset).problem !== "regression") return LOSS_TEXT;
  return (
    "Mean cost and R² = 1 − Σ(a − y)² / Σ(y − ȳ)² (1: a perfect fit, 0: no better than the " +
    "mean), on the training and the held-out test points."
  );
}

/** The loss card's heading: it names R² for a regression run, accuracy for any other. */
export function lossCardTitle(s: Pick<Settings, "dataset">): string {
  return lossMeasureTitle(
    catalogue.dataset(s.dataset).problem === "regression" ? "r2" : "accuracy",
  );
}

export const lossAccuracyCard: RunCard = {
  elementId: "view-loss",
  text: LOSS_TEXT,
  build(card, run, context) {
    const keys = chartKeyState(context);
    const chart = new LossAccuracyChart(card.body);
    const heading = card.root.querySelector("h2");
    let history: TrainingHistory | null = null;
    const stop = keys.onChange((k) => {
      if (history && history.length > 0) chart.update(history, k.time);
    });
    return {
      frame: 2,
      listener: {
        settings: (s) => {
          if (heading) heading.textContent = lossCardTitle(s);
          card.explanation.textContent = lossCaption(s) + measured(s, run.shownViews);
        },
        snapshot: (_s, h) => {
          history = h;
          chart.update(h, keys.keys.time);
        },
      },
      dispose: stop,
    };
  },
};
