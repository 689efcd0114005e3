// The playground: settings on one side, the six live views on the other, training in a worker.
// This module only wires parts together; the parts know nothing of each other.

import { LayerEditor } from "../controls/layer-editor.js";
import { SettingsPanel, type SettingsPatch } from "../controls/settings-panel.js";
import { TransportBar } from "../controls/transport-bar.js";
import { bundledMnistUrls } from "../model/bundled-mnist.js";
import { ModelClient } from "../model/model-client.js";
import type { DataPreview, FromWorker, Snapshot } from "../model/protocol.js";
import { TrainingHistory } from "../model/training-history.js";
import { catalogue, type ViewId } from "gradscope";
import {
  maxNeurons,
  sameRun,
  settingsForDataset,
  SETTINGS_TABLE,
  type Settings,
} from "../state/settings.js";
import { sameState, tableKeys, writeParams } from "../state/url-table.js";
import { browserRandom, drawSeed, LEGACY_SEED_KEY, type SeedEvent } from "../state/seeds.js";
import { parsePageKeys } from "../state/page-keys.js";
import { linkedStory, playgroundStory, type Story } from "../stories/story-catalogue.js";
import { StoryPanel } from "../stories/story-panel.js";
import { parseStorySettings, storySettings } from "../stories/story-settings.js";
import { ActivationCurvesChart } from "../views/activation-curves-chart.js";
import { activationCaption, derivativeCaption, gradientCaption } from "../views/captions.js";
import { appendCardSource, type CardSourceLine } from "../views/card-source-line.js";
import { DecisionBoundaryView } from "../views/decision-boundary-view.js";
import { DerivativeDistributionChart } from "../views/derivative-distribution-chart.js";
import { MAX_SHOWN } from "../views/network-diagram-geometry.js";
import { NetworkDiagramView } from "../views/network-diagram-view.js";
import { TestDigitsView } from "../views/test-digits-view.js";
import { createViewCard, type ViewCard } from "../views/view-card.js";
import type { PageView, ViewContext } from "./page-view.js";
import {
  previewSetSizes,
  type RunChange,
  type RunSource,
  type RunState,
  type TraceReply,
} from "./run-source.js";
import type { SampleRef } from "../backprop/backprop-input.js";
import { CHART_TABLE } from "../state/chart-keys.js";
import { TimeCharts } from "./time-charts.js";
import type { WorkerPort } from "../runtime/worker-port.js";

interface Views {
  transport: TransportBar;
  panel: SettingsPanel;
  layers: LayerEditor;
  curves: ActivationCurvesChart;
  derivatives: DerivativeDistributionChart;
  /** The gradient-norm and loss charts, their shared x unit, smoothing and compare ghost. */
  timeCharts: TimeCharts;
  boundary: DecisionBoundaryView;
  digits: TestDigitsView;
  diagram: NetworkDiagramView;
  story: StoryPanel;
}

/** The cards whose wording depends on the data set: the input-space pair and the measured ones. */
interface Cards {
  boundary: ViewCard;
  digits: ViewCard;
  /** Each with its 2-D text, and what it adds for MNIST. */
  worded: { card: ViewCard; text: string; mnist: string }[];
  /** Cards whose explanation is computed from the settings (captions.ts). */
  curves: ViewCard;
  derivatives: ViewCard;
  /** Each card's book section and equation (the loss card's follows the cost). */
  sources: CardSourceLine[];
}

export class PlaygroundView implements PageView, RunSource {
  readonly id = "playground";
  readonly title = "Playground";
  /** The settings' and charts' keys, and old links' `seed` (read, then rewritten as dataSeed and initSeed). */
  readonly urlKeys = [...tableKeys(SETTINGS_TABLE), ...tableKeys(CHART_TABLE), LEGACY_SEED_KEY];

  private context: ViewContext | null = null;
  private views: Views | null = null;
  private cards: Cards | null = null;
  private client: ModelClient | null = null;
  private settings: Settings | null = null;
  private running = false;
  private layerSizes: number[] = [];
  private pending: Snapshot | null = null;
  /** Whether the latest snapshot's losses are not finite (the worker stops such a run). */
  private lastDiverged = false;
  private frameRequested = false;
  private readonly history = new TrainingHistory();
  /** The guided story shown (`story=`), or null. */
  private story: Story | null = null;
  /** For RunSource: the runs built, the latest run's data, its latest step, who listens. */
  private runCount = 0;
  private preview: DataPreview | null = null;
  private step: number | null = null;
  private readonly runListeners: ((change: RunChange) => void)[] = [];
  /** The trace requests sent, oldest first (the worker answers each once, in order). */
  private readonly traceWaiters: {
    resolve: (r: TraceReply) => void;
    reject: (e: Error) => void;
  }[] = [];

  constructor(private readonly createWorker: () => WorkerPort) {}

  mount(container: HTMLElement, context: ViewContext): void {
    this.context = context;
    const doc = container.ownerDocument;
    container.classList.add("playground");
    const transport = doc.createElement("div");
    transport.className = "transport";
    const grid = doc.createElement("div");
    grid.className = "playground-grid";
    // A disclosure, so a phone shows Play and the views first; open where there is room.
    const details = doc.createElement("details");
    details.className = "settings";
    details.open = (doc.defaultView?.innerWidth ?? 1280) > 760;
    const summary = doc.createElement("summary");
    summary.textContent = "Settings";
    const aside = doc.createElement("form");
    aside.setAttribute("aria-label", "Settings");
    aside.addEventListener("submit", (e) => e.preventDefault());
    details.append(summary, aside);
    const cards = doc.createElement("div");
    cards.className = "view-cards";
    grid.append(details, cards);
    const storyBar = doc.createElement("div");
    storyBar.className = "story-bar";
    transport.append(storyBar);
    const storySlot = doc.createElement("div");
    container.append(transport, storySlot, grid);

    // Titles from the package's view catalogue; the element ids are the page's (tests use them).
    const sources: CardSourceLine[] = [];
    const card = (view: ViewId, elementId: string, text: string, wide = false) => {
      const c = createViewCard(doc, elementId, catalogue.view(view).title, text);
      if (wide) c.root.classList.add("wide");
      sources.push(appendCardSource(c, view));
      cards.append(c.root);
      return c;
    };
    // The 2-D sets show the decision boundary; MNIST shows test digits in the same place.
    const boundaryCard = card(
      "decision-boundary",
      "view-boundary",
      "The network's output over the input plane; the white band is where it says 0.5.",
    );
    const digitsCard = card("test-digits", "view-digits", "");
    digitsCard.root.hidden = true;
    const diagramText =
      "Each line is a weight w, each ring a bias b: colour shows the sign, width the size. Hover over or tap one (or use the keys below) to read its value and gradient.";
    const diagramCard = card("network", "view-network", diagramText);
    const lossText =
      "Mean cost and share classified correctly, on the training and the held-out test points.";
    const lossCard = card("loss-accuracy", "view-loss", lossText);
    // Its explanation is computed from the settings (captions.ts), in apply().
    const curvesCard = card("activation-curves", "view-activations", "");
    const curvesBody = curvesCard.body;
    // Its first sentence is computed from the settings (gradientCaption), in showCaptions().
    const gradientText = "How fast each layer learns.";
    const gradientCard = card("gradient-norms", "view-gradients", gradientText, true);
    const derivCard = card("derivative-distribution", "view-derivatives", "", true);
    const measured =
      " (MNIST: the training figures come from a fixed subset, see the test digits' card.)";
    this.cards = {
      boundary: boundaryCard,
      digits: digitsCard,
      worded: [
        {
          card: diagramCard,
          text: diagramText,
          mnist: ` Layers wider than ${MAX_SHOWN} are drawn as ${MAX_SHOWN} evenly spaced neurons ("${MAX_SHOWN} of 784").`,
        },
        { card: lossCard, text: lossText, mnist: measured },
        { card: gradientCard, text: gradientText, mnist: measured },
      ],
      curves: curvesCard,
      derivatives: derivCard,
      sources,
    };

    const onPatch = (patch: SettingsPatch) => this.changeSettings(patch);
    const panel = new SettingsPanel(aside, onPatch);
    const networkGroup = panel.groups.get("Network");
    if (!networkGroup) throw new Error("the settings panel has no Network group");
    const layers = new LayerEditor(networkGroup, (hidden) => this.changeSettings({ hidden }));
    // Put the layer editor right under the legend: it is the network's first choice.
    const legendEl = networkGroup.querySelector("legend");
    const layerBar = networkGroup.querySelector(".layer-bar");
    const layerList = networkGroup.querySelector(".layer-list");
    if (legendEl && layerBar && layerList) legendEl.after(layerBar, layerList);

    this.views = {
      transport: new TransportBar(transport, {
        togglePlay: () => this.togglePlay(),
        step: () => {
          this.setRunning(false);
          this.client?.step();
        },
        reset: () => {
          this.setRunning(false);
          this.forgetSteps(); // back at step 0
          this.client?.reset();
          if (this.settings) this.views?.transport.showSeeds(this.settings, "reset");
        },
        newData: () => this.newSeed("dataSeed", "new-data"),
        newWeights: () => this.newSeed("initSeed", "new-weights"),
      }),
      panel,
      layers,
      curves: new ActivationCurvesChart(curvesBody),
      derivatives: new DerivativeDistributionChart(derivCard.body),
      timeCharts: new TimeCharts(gradientCard, lossCard, context, () => this.describeRun()),
      boundary: new DecisionBoundaryView(boundaryCard.body),
      digits: new TestDigitsView(digitsCard.body),
      diagram: new NetworkDiagramView(diagramCard.body),
      story: new StoryPanel(storyBar, storySlot, cards, (id) => this.chooseStory(id)),
    };
    this.client = new ModelClient(
      this.createWorker(),
      bundledMnistUrls(doc.baseURI),
      (m) => this.onWorker(m),
      (message) => this.fail(message),
    );
    this.readHash(true);
  }

  hashChanged(): void {
    this.readHash(false);
  }

  hide(): void {
    if (this.running) this.togglePlay();
  }

  get state(): RunState | null {
    const settings = this.settings;
    const preview = this.preview;
    if (!settings || !preview) return null;
    return {
      run: this.runCount,
      settings,
      layerSizes: this.layerSizes,
      preview,
      setSizes: previewSetSizes(preview),
      step: this.step,
      running: this.running,
    };
  }

  pause(): void {
    if (this.running) this.togglePlay();
  }

  trace(sample: SampleRef): Promise<TraceReply> {
    const client = this.client;
    if (!client) return Promise.reject(new Error("the playground has no training run yet"));
    return new Promise((resolve, reject) => {
      this.traceWaiters.push({ resolve, reject });
      client.trace(sample);
    });
  }

  onChange(listener: (change: RunChange) => void): void {
    this.runListeners.push(listener);
  }

  private changed(change: RunChange): void {
    for (const listener of this.runListeners) listener(change);
  }

  /**
   * Reads settings, story and `steps=` from the hash (a link followed); `atLoad`: the page has just
   * loaded, when `autoplay=1` starts training.
   */
  private readHash(atLoad: boolean): void {
    const context = this.context;
    if (!context) return;
    const params = context.hash.read();
    const page = parsePageKeys(params).value; // the router reports bad page keys
    const linked = linkedStory(page.story);
    if (linked) {
      context.hash.follow(linked.href); // a story told by another tab
      return;
    }
    this.story = playgroundStory(page.story);
    const { value, problems } = parseStorySettings(params, this.story);
    for (const p of problems) context.notify(p);
    this.views?.timeCharts.readHash(params);
    // A story link without `steps=` shows the story's figure: its own step count.
    const steps = params.has("steps") ? page.steps : (this.story?.steps ?? 0);
    if (steps > 0) {
      this.setRunning(false);
      this.apply(value, steps);
      return;
    }
    this.apply(value);
    if (atLoad && page.autoplay && !this.running) {
      const win = this.views?.transport.window;
      const reduced = win?.matchMedia("(prefers-reduced-motion: reduce)").matches ?? false;
      if (reduced) {
        context.notify(
          "autoplay=1 ignored: the system asks for reduced motion; press Play to train",
        );
      } else this.togglePlay();
    }
  }

  /** The Stories menu: a story's full settings and steps go into the hash, then load as a link. */
  private chooseStory(id: string): void {
    const context = this.context;
    if (!context) return;
    const linked = linkedStory(id);
    if (linked) {
      context.hash.follow(linked.href);
      return;
    }
    const story = playgroundStory(id);
    context.hash.update((p) => {
      p.delete("steps");
      p.delete("story");
      if (!story) return;
      p.set("story", story.id);
      writeParams(SETTINGS_TABLE, storySettings(story), p);
      p.set("steps", String(story.steps));
    });
    this.readHash(false);
  }

  /** "New data" / "New weights": a fresh seed of that kind, written to the URL like any setting. */
  private newSeed(key: "dataSeed" | "initSeed", event: SeedEvent): void {
    if (!this.settings) return;
    this.changeSettings({ [key]: drawSeed(this.settings[key], browserRandom) });
    if (this.settings) this.views?.transport.showSeeds(this.settings, event);
  }

  private changeSettings(patch: SettingsPatch): void {
    if (!this.settings) return;
    const before = this.settings;
    // A new data set family (2-D ↔ MNIST) brings its own network and training defaults.
    const base = patch.dataset ? settingsForDataset(this.settings, patch.dataset) : this.settings;
    const next: Settings = { ...base, ...patch };
    const allowed = catalogue.costsAllowedAfter(next.output);
    if (patch.output && !allowed.includes(next.cost)) {
      const cost = allowed[0] ?? next.cost;
      this.context?.notify(
        `cost ${next.cost} does not fit output ${next.output}; switched to ${cost}`,
      );
      next.cost = cost;
    }
    this.apply(next);
    // The page no longer shows step N of the link's run: `steps=` would not reproduce it.
    if (!sameRun(before, next)) this.forgetSteps();
  }

  /**
   * Makes `next` the settings: URL, controls, and the worker. `steps`: a fresh run fast-forwarded
   * to that many mini-batches (the `steps=` key), shown paused.
   */
  private apply(next: Settings, steps: number | null = null): void {
    const previous = this.settings;
    this.settings = next;
    // η, λ or the batch size changed on the same run: a trace's update step changes too.
    if (previous && sameRun(previous, next) && !sameState(SETTINGS_TABLE, previous, next))
      this.changed("step");
    this.context?.hash.update((p) => {
      p.delete(LEGACY_SEED_KEY); // an old link's seed is now dataSeed and initSeed
      writeParams(SETTINGS_TABLE, next, p);
    });
    const views = this.views;
    if (!views) return;
    views.panel.render(next);
    // A new run (or new seeds) is described afresh; a Reset or New data note stays until then.
    if (!previous || !sameRun(previous, next)) views.transport.showSeeds(next, "load");
    views.layers.render(next.hidden, maxNeurons(next.dataset));
    views.curves.setChosen(next.activation);
    this.showCaptions(next);
    views.story.show(this.story, next);
    if (steps !== null) {
      views.transport.showMessage(`Fast-forwarding to step ${steps.toLocaleString("en")}…`);
      this.client?.configureAtStep(next, steps);
      return;
    }
    if (previous && sameState(SETTINGS_TABLE, previous, next)) return;
    // A new network starts paused (the worker stops too when it rebuilds).
    if (!previous || !sameRun(previous, next)) this.setRunning(false);
    this.client?.configure(next);
  }

  /** The run shown is at step 0: no `steps=`, or `steps=0` where a story would bring its own. */
  private forgetSteps(): void {
    const story = this.story;
    this.context?.hash.update((p) => {
      if (story) p.set("steps", "0");
      else p.delete("steps");
    });
  }

  /** The page decides whether training runs; the worker follows its play and pause. */
  private togglePlay(): void {
    this.setRunning(!this.running);
    if (this.running) this.client?.play();
    else this.client?.pause();
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.views?.transport.setRunning(running);
    this.changed("step");
  }

  private onWorker(m: FromWorker): void {
    const views = this.views;
    if (!views) return;
    switch (m.type) {
      case "ready":
        views.curves.setCurves(m.curves);
        break;
      case "configured":
        this.layerSizes = m.layerSizes;
        this.history.clear();
        this.pending = null;
        this.lastDiverged = false;
        this.showPreview(m.preview);
        this.runCount++;
        this.preview = m.preview;
        this.step = null;
        this.changed("run");
        break;
      case "loading":
        views.transport.showMessage(m.message);
        break;
      case "snapshot":
        // A fast-forward's recorded points first: the charts show how the run reached step N.
        for (const point of m.history ?? []) this.history.addPoint(point);
        this.pending = m.snapshot;
        this.lastDiverged =
          !Number.isFinite(m.snapshot.train.loss) || !Number.isFinite(m.snapshot.test.loss);
        this.requestFrame();
        this.step = m.snapshot.step;
        this.changed("step");
        break;
      case "error":
        this.fail(m.message);
        break;
      case "trace":
        this.traceWaiters.shift()?.resolve(m);
        break;
      case "trace-error":
        this.traceWaiters.shift()?.reject(new Error(m.message));
        break;
    }
  }

  /**
   * Paints the latest snapshot over three animation frames, a few views per frame, so that no
   * frame carries every chart's redraw; then tells the worker it may send the next snapshot.
   */
  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    const s = this.pending;
    const views = this.views;
    // The sizes of the run this snapshot belongs to: a "configured" for the next run may arrive
    // while the stages below are still waiting for their frames.
    const sizes = this.layerSizes;
    const settings = this.settings;
    this.pending = null;
    if (!s || !views) {
      this.frameRequested = false;
      return;
    }
    this.history.add(s);
    const stages: (() => void)[] = [
      () => {
        views.transport.showSnapshot(s);
        if (s.input.kind === "plane") views.boundary.setBoundary(s.input.boundary);
        else views.digits.setPredictions(s.input.predictions);
        views.diagram.update(sizes, s.layers);
        if (settings) views.story.update(s.step, s.layers, settings);
      },
      () => views.timeCharts.drawGradients(this.history, s),
      () => {
        if (this.settings) views.derivatives.update(s.layers, this.settings);
        views.timeCharts.drawLoss(this.history);
      },
    ];
    const run = (i: number) => {
      try {
        stages[i]?.();
      } catch (e) {
        // A view that fails to draw must not stop every later snapshot from being drawn: the
        // error is still reported (the window's error event and the console), and the
        // handshake with the worker goes on.
        reportError(e);
      }
      if (i + 1 < stages.length) {
        requestAnimationFrame(() => run(i + 1));
        return;
      }
      this.frameRequested = false;
      if (this.pending) this.requestFrame();
      else this.client?.drawn();
    };
    requestAnimationFrame(() => run(0));
  }

  /** The input-space view of the new run's data, and captions that say what is measured on what. */
  private showPreview(preview: DataPreview): void {
    const views = this.views;
    const cards = this.cards;
    if (!views || !cards) return;
    const digits = preview.kind === "digits";
    cards.boundary.root.hidden = digits;
    cards.digits.root.hidden = !digits;
    if (preview.kind === "plane") {
      views.boundary.setPoints(preview.train, preview.test);
    } else {
      views.digits.setDigits(preview.digits);
      const n = preview.digits.labels.length;
      const count = (v: number) => v.toLocaleString("en");
      cards.digits.explanation.textContent =
        `A 784-pixel input has no plane to paint, so here are the first ${n} of the ` +
        `${count(preview.testCount)} held-out test digits with the network's guesses. To keep ` +
        `snapshots quick, training loss, accuracy, σ′ and gradients are measured on a fixed ` +
        `${count(preview.evalCount)} of the ${count(preview.trainCount)} training digits; test ` +
        `loss and accuracy on all ${count(preview.testCount)} test digits.`;
    }
    for (const { card, text, mnist } of cards.worded)
      card.explanation.textContent = digits ? text + mnist : text;
  }

  /** The pinned run's name in the gradient card: what a next run is compared with. */
  private describeRun(): string {
    const s = this.settings;
    if (!s) return "the pinned run";
    const hidden = s.hidden.length ? s.hidden.join("-") : "none";
    return `${s.dataset}, hidden ${hidden}, ${s.activation}, ${s.init} init, η = ${s.learningRate}, seeds ${s.dataSeed}/${s.initSeed}`;
  }

  /** The explanations and card sources that follow the settings (activation, cost, depth). */
  private showCaptions(s: Settings): void {
    const cards = this.cards;
    if (!cards) return;
    cards.curves.explanation.textContent = activationCaption(s);
    const gradientWords = cards.worded.find((w) => w.card.root.id === "view-gradients");
    if (gradientWords) {
      gradientWords.text = gradientCaption(s);
      gradientWords.card.explanation.textContent =
        gradientWords.text +
        (catalogue.dataset(s.dataset).kind === "image" ? gradientWords.mnist : "");
    }
    const mnist = catalogue.dataset(s.dataset).kind === "image";
    cards.derivatives.explanation.textContent =
      derivativeCaption(s) +
      (mnist
        ? " (MNIST: the training figures come from a fixed subset, see the test digits' card.)"
        : "");
    for (const source of cards.sources) source.show(s);
  }

  private fail(message: string): void {
    this.setRunning(false);
    // After a diverged snapshot its status line (drawn at the next frame) already says so, with
    // the losses; writing the worker's stop message too made the last line depend on timing.
    if (!this.lastDiverged) this.views?.transport.showMessage(`Stopped: ${message}`);
    this.context?.notify(message);
  }
}
