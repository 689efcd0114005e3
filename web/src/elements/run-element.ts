// What <gradscope-run> loads on first connect: a RunController configured from the element's
// attributes, its transport bar (the `controls` buttons and the status line), the step and
// diverged events, and the pause while the run and all its views are out of view.

import { TransportBar, type TransportActions } from "../controls/transport-bar.js";
import type { ControlId } from "../controls/control-catalogue.js";
import { RunController } from "../run/run-controller.js";
import { followRun } from "../run/run-transport.js";
import { sameRun, SETTINGS_TABLE, type Settings } from "../state/settings.js";
import { sameState } from "../state/url-table.js";
import type { AttributeStore } from "./attribute-store.js";
import { loadSheets } from "./element-styles.js";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";
import type { GradscopeRunElement } from "./gradscope-run.js";
import {
  readRunOptions,
  RUN_ATTRIBUTES,
  unknownAttributes,
  type RunOptions,
} from "./run-attributes.js";
import { DIVERGED_EVENT, RunEventLog, runEvent, STEP_EVENT } from "./run-events.js";
import { ELEMENT_MNIST, openTrainingPort } from "./run-resources.js";
import { RunSettingsPanel } from "./run-settings-panel.js";
import { VisibilityGate } from "./visibility-gate.js";

export interface RunImplementation extends ElementImplementation {
  readonly controller: RunController;
  play(): void;
  pause(): void;
  reset(): void;
  step(n: number): void;
  /** Watches `target` (a view of this run) for the off-screen pause. */
  watch(target: Element): void;
  unwatch(target: Element): void;
}

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

export async function mountRun(
  element: GradscopeRunElement,
  body: HTMLElement,
  store: AttributeStore,
  context: ElementContext,
): Promise<RunImplementation> {
  context.adopt(await loadSheets(["page"]));
  const doc = body.ownerDocument;
  const win = doc.defaultView ?? window;
  const run = new RunController({
    createPort: openTrainingPort,
    dataBaseUrl: doc.baseURI,
    mnist: ELEMENT_MNIST,
    notify: (message) => context.notify(message),
  });

  // The attributes as read last; what they say is applied, what is wrong is reported.
  const read = (): RunOptions => {
    const { value, problems } = readRunOptions((name) => element.getAttribute(name));
    problems.push(
      ...unknownAttributes(element.getAttributeNames(), RUN_ATTRIBUTES, element.localName),
    );
    for (const p of problems) context.notify(p);
    return value;
  };
  let options = read();

  // The off-screen pause: a gate over the run element and its views.
  const gate = new VisibilityGate<Element>();
  /** True while the gate itself pauses the run (not the reader). */
  let gatePausing = false;
  const act = (action: ReturnType<VisibilityGate<Element>["observe"]>) => {
    if (action === "pause") {
      gatePausing = true;
      run.pause();
      gatePausing = false;
    } else if (action === "resume") run.play();
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) act(gate.observe(e.target, e.isIntersecting, run.running));
  });
  const watch = (target: Element) => {
    gate.watch(target);
    observer.observe(target);
  };
  const unwatch = (target: Element) => {
    observer.unobserve(target);
    act(gate.unwatch(target, run.running));
  };
  watch(element);

  const play = () => {
    if (gate.requestPlay() === null) run.play();
  };
  const pause = () => {
    gate.release();
    run.pause();
  };
  const actions: TransportActions = {
    togglePlay: () => (run.running ? pause() : play()),
    step: () => run.step(),
    reset: () => run.reset(),
    newData: () => run.newSeed("dataSeed"),
    newWeights: () => run.newSeed("initSeed"),
  };

  // The buttons and the status line, rebuilt when `controls` changes.
  const transport = doc.createElement("div");
  transport.className = "transport";
  const settingsSlot = doc.createElement("div");
  body.append(transport, settingsSlot);
  let unfollow = () => {};
  let panel: RunSettingsPanel | null = null;
  const showControls = (controls: readonly ControlId[]) => {
    unfollow();
    transport.replaceChildren();
    const bar = new TransportBar(transport, actions, controls);
    unfollow = followRun(bar, run);
    panel?.dispose();
    panel = controls.includes("settings")
      ? new RunSettingsPanel(settingsSlot, run, store, (m) => context.notify(m))
      : null;
  };
  showControls(options.controls);

  const events = new RunEventLog();
  run.subscribe({
    configured: () => events.newRun(),
    snapshot: (s) => {
      const { step, diverged } = events.events(s);
      element.dispatchEvent(runEvent(STEP_EVENT, step));
      if (diverged) element.dispatchEvent(runEvent(DIVERGED_EVENT, diverged));
    },
    // A run paused by anything but the gate (the reader, a new run, divergence) stays paused.
    running: (on) => {
      if (!on && !gatePausing) gate.release();
    },
  });

  const start = (settings: Settings, steps: number) =>
    run.apply(settings, steps > 0 ? steps : null);
  start(options.settings, options.steps);
  if (options.autoplay) {
    if (win.matchMedia(REDUCED_MOTION).matches)
      context.notify("autoplay ignored: the system asks for reduced motion; press Play to train");
    else play();
  }

  return {
    controller: run,
    play,
    pause,
    reset: () => run.reset(),
    step: (n) => {
      for (let i = 0; i < n; i++) run.step();
    },
    watch,
    unwatch,
    externalChange: () => {
      const before = options;
      options = read();
      const controlsChanged =
        before.controls.length !== options.controls.length ||
        before.controls.some((c, i) => c !== options.controls[i]);
      if (controlsChanged) showControls(options.controls);
      // A new configuration (or a new `steps`) rebuilds the run; η, λ or batch size retune it.
      // Compared with what the run trains now (the settings form may have changed it since).
      const current = run.settings ?? before.settings;
      const settingsChanged = !sameState(SETTINGS_TABLE, current, options.settings);
      if (options.steps !== before.steps || (settingsChanged && options.steps > 0))
        start(options.settings, options.steps);
      else if (settingsChanged) {
        if (!sameRun(current, options.settings)) gate.release();
        run.apply(options.settings);
      }
    },
    connected: () => {
      watch(element);
    },
    disconnected: () => {
      // Moved or removed: a run nobody sees does not train.
      pause();
      unwatch(element);
    },
  };
}
