// A TransportBar driven by a RunController: its buttons act on the run, and it shows the run's
// status, play state and seeds. For hosts that need more on a button (the playground also edits
// its URL), pass their own actions to the TransportBar and call followRun only.

import { TransportBar, type TransportActions } from "../controls/transport-bar.js";
import type { ControlId } from "../controls/control-catalogue.js";
import type { RunController } from "./run-controller.js";

/** The buttons' actions on `run` alone. */
export function runTransportActions(run: RunController): TransportActions {
  return {
    togglePlay: () => run.togglePlay(),
    step: () => run.step(),
    reset: () => run.reset(),
    newData: () => void run.newSeed("dataSeed"),
    newWeights: () => void run.newSeed("initSeed"),
  };
}

/** Keeps `bar` showing `run`'s status line, Play/Pause and seed note; returns the unsubscribe. */
export function followRun(bar: TransportBar, run: RunController): () => void {
  return run.subscribe({
    status: (text) => bar.showMessage(text),
    running: (on) => bar.setRunning(on),
    seeds: (settings, event) => bar.showSeeds(settings, event),
  });
}

/** A transport bar in `container` with the `controls` buttons, acting on and following `run`. */
export function mountTransport(
  container: HTMLElement,
  run: RunController,
  controls: readonly ControlId[],
): { bar: TransportBar; detach: () => void } {
  const bar = new TransportBar(container, runTransportActions(run), controls);
  return { bar, detach: followRun(bar, run) };
}
