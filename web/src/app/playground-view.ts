// The playground: settings on one side, the run's view cards on the other, training in a worker.
// This module is layout only: the run is a RunController, each card a card module mounted with
// mountRunView, the buttons a TransportBar; the URL hash is the settings' store.

import { catalogue } from "gradscope";
import { CONTROL_IDS, type ControlId } from "../controls/control-catalogue.js";
import type { IdxUrls } from "../model/bundled-mnist.js";
import { LayerEditor } from "../controls/layer-editor.js";
import { SettingsPanel, type SettingsPatch } from "../controls/settings-panel.js";
import { TransportBar } from "../controls/transport-bar.js";
import type { DrawnSample, TracedSample } from "../backprop/backprop-input.js";
import { PLAYGROUND_CARDS } from "../embed/playground-cards.js";
import type { RunViewId } from "../embed/run-view-ids.js";
import { mountRunView } from "../run/mount-run-view.js";
import { startOwnPoints } from "../model/own-points.js";
import { spanLoneCards } from "../embed/lone-cards.js";
import { RunController } from "../run/run-controller.js";
import { followRun } from "../run/run-transport.js";
import type { WorkerPort } from "../runtime/worker-port.js";
import { CHART_TABLE } from "../state/chart-keys.js";
import { DISPLAY_TABLE } from "../state/display-keys.js";
import { parsePageKeys } from "../state/page-keys.js";
import { LEGACY_SEED_KEY } from "../state/seeds.js";
import {
  maxNeurons,
  sameRun,
  patchBase,
  SETTINGS_TABLE,
  type Settings,
} from "../state/settings.js";
import { tableKeys, writeParams } from "../state/url-table.js";
import { linkedStory, playgroundStory, type Story } from "../stories/story-catalogue.js";
import { StoryPanel } from "../stories/story-panel.js";
import { parseStorySettings, storySettings } from "../stories/story-settings.js";
import type { PageView, ViewContext } from "./page-view.js";
import type { RunChange, RunSource, RunState, TraceReply } from "./run-source.js";

export interface PlaygroundOptions {
  /** The cards shown, in this order (default: PLAYGROUND_CARDS, the two input-space cards taking turns). */
  show?: readonly RunViewId[];
  /** The controls shown ("settings": the settings panel); default: every control. */
  controls?: readonly ControlId[];
  /** The bundled MNIST files' URLs when they are not under the page's data/ (an element's). */
  mnist?: IdxUrls;
}

interface Parts {
  run: RunController;
  transport: TransportBar;
  /** The settings panel and its layer editor, when `controls` has "settings". */
  panel: { settings: SettingsPanel; layers: LayerEditor } | null;
  story: StoryPanel;
}

export class PlaygroundView implements PageView, RunSource {
  readonly id = "playground";
  readonly title = "Playground";
  /** The settings' and charts' keys, and old links' `seed` (read, then rewritten as dataSeed and initSeed). */
  readonly urlKeys = [
    ...tableKeys(SETTINGS_TABLE),
    ...tableKeys(CHART_TABLE),
    ...tableKeys(DISPLAY_TABLE),
    LEGACY_SEED_KEY,
  ];

  private context: ViewContext | null = null;
  private parts: Parts | null = null;
  /** The guided story shown (`story=`), or null. */
  private story: Story | null = null;
  /** Who listens to the run (the backprop tab may ask before the playground is mounted). */
  private readonly runListeners: ((change: RunChange) => void)[] = [];

  constructor(
    private readonly createPort: () => WorkerPort,
    private readonly options: PlaygroundOptions = {},
  ) {}

  mount(container: HTMLElement, context: ViewContext): void {
    this.context = context;
    const doc = container.ownerDocument;
    const controls = this.options.controls ?? CONTROL_IDS;
    // Stories set settings: without the settings panel their menu would change them unseen.
    const stories = controls.includes("settings");
    container.classList.add("playground");
    const transport = doc.createElement("div");
    transport.className = "transport";
    const grid = doc.createElement("div");
    grid.className = "playground-grid";
    const cards = doc.createElement("div");
    cards.className = "view-cards";
    spanLoneCards(cards);
    const storyBar = doc.createElement("div");
    storyBar.className = "story-bar";
    storyBar.hidden = !stories;
    transport.append(storyBar);
    const storySlot = doc.createElement("div");
    container.append(transport, storySlot, grid);

    const run = new RunController({
      createPort: this.createPort,
      dataBaseUrl: doc.baseURI,
      ...(this.options.mnist ? { mnist: this.options.mnist } : {}),
      notify: (message) => context.notify(message),
    });
    run.onChange((change) => {
      for (const listener of this.runListeners) listener(change);
    });
    run.setSettingsChanger((patch) => this.changeSettings(patch));

    let panel: Parts["panel"] = null;
    if (controls.includes("settings")) {
      panel = this.mountSettings(grid);
    } else grid.classList.add("no-settings");
    grid.append(cards);

    this.parts = {
      run,
      transport: new TransportBar(
        transport,
        {
          togglePlay: () => run.togglePlay(),
          step: () => run.step(),
          reset: () => {
            run.reset();
            this.forgetSteps(); // back at step 0
          },
          newData: () => this.newSeed("dataSeed"),
          newWeights: () => this.newSeed("initSeed"),
        },
        controls,
      ),
      panel,
      story: new StoryPanel(storyBar, storySlot, cards, (id) => this.chooseStory(id)),
    };
    followRun(this.parts.transport, run);
    // The page's own layout: the URL, the settings panel, the story follow the run's settings.
    run.subscribe({ settings: (s) => this.showSettings(s) });
    run.subscribe({
      snapshot: (s, _history, _sizes, settings) =>
        this.parts?.story.update(s.step, s.layers, settings),
    });

    // Titles from the package's view catalogue; the element ids are the page's (tests use them).
    const show = this.options.show ?? PLAYGROUND_CARDS;
    // The boundary and test-digits cards take turns in one place when both are shown.
    const takeTurns = show.includes("decision-boundary") && show.includes("test-digits");
    for (const id of show) {
      mountRunView(id, cards, run, context, { inapplicable: takeTurns ? "hide" : "explain" }).catch(
        (e: unknown) => context.notify(`${id}: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
    this.readHash(true);
  }

  hashChanged(): void {
    this.readHash(false);
  }

  hide(): void {
    this.pause();
  }

  /** The playground's run (for the page's other views and for tests); null before mount. */
  get run(): RunController | null {
    return this.parts?.run ?? null;
  }

  get state(): RunState | null {
    return this.parts?.run.state ?? null;
  }

  pause(): void {
    this.parts?.run.pause();
  }

  get drawnDigit(): DrawnSample | null {
    return this.parts?.run.drawnDigit ?? null;
  }

  trace(sample: TracedSample): Promise<TraceReply> {
    const run = this.parts?.run;
    if (!run) return Promise.reject(new Error("the playground has no training run yet"));
    return run.trace(sample);
  }

  onChange(listener: (change: RunChange) => void): void {
    this.runListeners.push(listener);
  }

  /** The settings form, its layer editor right under the Network legend. */
  private mountSettings(grid: HTMLElement): NonNullable<Parts["panel"]> {
    const doc = grid.ownerDocument;
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
    grid.append(details);
    const settings = new SettingsPanel(aside, (patch: SettingsPatch) => this.changeSettings(patch));
    const networkGroup = settings.groups.get("Network");
    if (!networkGroup) throw new Error("the settings panel has no Network group");
    const layers = new LayerEditor(networkGroup, (hidden) => this.changeSettings({ hidden }));
    // Put the layer editor right under the legend: it is the network's first choice.
    const legendEl = networkGroup.querySelector("legend");
    const layerBar = networkGroup.querySelector(".layer-bar");
    const layerList = networkGroup.querySelector(".layer-list");
    if (legendEl && layerBar && layerList) legendEl.after(layerBar, layerList);
    return { settings, layers };
  }

  /**
   * Reads settings, story and `steps=` from the hash (a link followed); `atLoad`: the page has just
   * loaded, when `autoplay=1` starts training.
   */
  private readHash(atLoad: boolean): void {
    const context = this.context;
    const run = this.parts?.run;
    if (!context || !run) return;
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
    // A story link without `steps=` shows the story's figure: its own step count.
    const steps = params.has("steps") ? page.steps : (this.story?.steps ?? 0);
    if (steps > 0) {
      run.apply(value, steps);
      return;
    }
    run.apply(value);
    if (atLoad && page.autoplay && !run.running) {
      const win = this.parts?.transport.window;
      const reduced = win?.matchMedia("(prefers-reduced-motion: reduce)").matches ?? false;
      if (reduced) {
        context.notify(
          "autoplay=1 ignored: the system asks for reduced motion; press Play to train",
        );
      } else run.play();
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
  private newSeed(key: "dataSeed" | "initSeed"): void {
    // A new seed is a new run: the page no longer shows step N of the link's run.
    if (this.parts?.run.newSeed(key)) this.forgetSteps();
  }

  private changeSettings(patch: SettingsPatch): void {
    const run = this.parts?.run;
    const before = run?.settings;
    if (!run || !before) return;
    // A new data set family (2-D ↔ MNIST) brings its own network and training defaults.
    const base = patchBase(before, patch);
    const next: Settings = { ...base, ...patch };
    // A switch to "your points" with none yet starts from the points shown (model/own-points.ts).
    if (patch.dataset) Object.assign(next, startOwnPoints(next, run.state?.preview));
    const allowed = catalogue.costsAllowedAfter(next.output);
    if (patch.output && !allowed.includes(next.cost)) {
      const cost = allowed[0] ?? next.cost;
      this.context?.notify(
        `cost ${next.cost} does not fit output ${next.output}; switched to ${cost}`,
      );
      next.cost = cost;
    }
    run.apply(next);
    // The page no longer shows step N of the link's run: `steps=` would not reproduce it.
    if (!sameRun(before, next)) this.forgetSteps();
  }

  /** The URL, the settings panel and the story for the run's settings `next`. */
  private showSettings(next: Settings): void {
    this.context?.hash.update((p) => {
      p.delete(LEGACY_SEED_KEY); // an old link's seed is now dataSeed and initSeed
      writeParams(SETTINGS_TABLE, next, p);
    });
    const parts = this.parts;
    if (!parts) return;
    parts.panel?.settings.render(next);
    parts.panel?.layers.render(next.hidden, maxNeurons(next.dataset));
    parts.story.show(this.story, next);
  }

  /** The run shown is at step 0: no `steps=`, or `steps=0` where a story would bring its own. */
  private forgetSteps(): void {
    const story = this.story;
    this.context?.hash.update((p) => {
      if (story) p.set("steps", "0");
      else p.delete("steps");
    });
  }
}
