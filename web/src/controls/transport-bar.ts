// Play / pause, one step, reset, new data, new weights, the line that names the seeds, and the
// status line that reads out epoch, loss and accuracy. Which buttons exist is the caller's choice
// (`controls=`, a <gradscope-run>'s `controls`); the status line is always there.

import type { Snapshot } from "../model/protocol.js";
import { snapshotStatus } from "../run/run-status.js";
import { resetLabel, seedNote, type SeedEvent, type Seeds } from "../state/seeds.js";
import { CONTROL_IDS, type ControlId } from "./control-catalogue.js";

export interface TransportActions {
  togglePlay(): void;
  step(): void;
  reset(): void;
  /** A new dataSeed: new points and split, the same initial network's draw. */
  newData(): void;
  /** A new initSeed: new initial weights and shuffle order, the same points. */
  newWeights(): void;
}

export class TransportBar {
  private readonly play: HTMLButtonElement | null = null;
  private readonly status: HTMLElement;
  private readonly reset: HTMLButtonElement | null = null;
  private readonly seeds: HTMLElement;

  /**
   * `controls`: the buttons shown, in the bar's own order ("settings" is not a button of the bar:
   * the settings panel is the caller's).
   */
  constructor(
    container: HTMLElement,
    actions: TransportActions,
    controls: readonly ControlId[] = CONTROL_IDS,
  ) {
    const doc = container.ownerDocument;
    const button = (id: ControlId, text: string, click: () => void) => {
      const b = doc.createElement("button");
      b.type = "button";
      b.id = id;
      b.textContent = text;
      b.addEventListener("click", click);
      return b;
    };
    const buttons: HTMLButtonElement[] = [];
    if (controls.includes("play")) {
      this.play = button("play", "Play", () => actions.togglePlay());
      this.play.className = "primary";
      buttons.push(this.play);
    }
    if (controls.includes("step")) {
      const step = button("step", "Step", () => actions.step());
      step.title = "Train on one mini-batch";
      step.setAttribute("aria-label", "Step: train on one mini-batch");
      buttons.push(step);
    }
    if (controls.includes("reset")) {
      this.reset = button("reset", "Reset", () => actions.reset());
      buttons.push(this.reset);
    }
    if (controls.includes("new-data")) {
      const newData = button("new-data", "New data", () => actions.newData());
      newData.title = "A new data seed: new points and train/test split, the same weights seed";
      buttons.push(newData);
    }
    if (controls.includes("new-weights")) {
      const newWeights = button("new-weights", "New weights", () => actions.newWeights());
      newWeights.title =
        "A new weights seed: new initial weights and shuffle order, the same data points";
      buttons.push(newWeights);
    }
    this.seeds = doc.createElement("p");
    this.seeds.id = "seed-note";
    this.seeds.className = "seed-note";
    // The note names the seeds that Reset, New data and New weights act on: without them it
    // would only be noise.
    this.seeds.hidden = !controls.some(
      (c) => c === "reset" || c === "new-data" || c === "new-weights",
    );
    this.status = doc.createElement("p");
    this.status.id = "status";
    this.status.setAttribute("role", "status");
    this.status.textContent = "Loading the network…";
    container.append(...buttons, this.status, this.seeds);
    this.setRunning(false);
  }

  setRunning(running: boolean): void {
    if (!this.play) return;
    this.play.textContent = running ? "Pause" : "Play";
    this.play.setAttribute("aria-pressed", String(running));
    this.play.setAttribute("aria-label", running ? "Pause training" : "Play: start training");
  }

  showSnapshot(s: Snapshot): void {
    this.status.textContent = snapshotStatus(s);
  }

  /** Names the seeds in use on Reset and under the buttons; `event` is the action just taken. */
  showSeeds(seeds: Seeds, event: SeedEvent): void {
    const label = resetLabel(seeds);
    this.reset?.setAttribute("title", label);
    this.reset?.setAttribute("aria-label", label);
    this.seeds.textContent = seedNote(event, seeds);
  }

  /** The window the bar is shown in (for media queries such as reduced motion). */
  get window(): Window | null {
    return this.status.ownerDocument.defaultView;
  }

  showMessage(text: string): void {
    this.status.textContent = text;
  }
}
