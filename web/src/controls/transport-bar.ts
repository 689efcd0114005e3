// Play / pause, one step, reset, new data, new weights, the line that names the seeds, and the
// status line that reads out epoch, loss and accuracy.

import type { Snapshot } from "../model/protocol.js";
import { resetLabel, seedNote, type SeedEvent, type Seeds } from "../state/seeds.js";
import { noGradientNote } from "../views/learning-speed-summary.js";
import { formatNumber, formatPercent } from "../views/number-format.js";

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
  private readonly play: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly reset: HTMLButtonElement;
  private readonly seeds: HTMLElement;

  constructor(container: HTMLElement, actions: TransportActions) {
    const doc = container.ownerDocument;
    this.play = doc.createElement("button");
    this.play.type = "button";
    this.play.id = "play";
    this.play.className = "primary";
    this.play.addEventListener("click", () => actions.togglePlay());
    const step = doc.createElement("button");
    step.type = "button";
    step.id = "step";
    step.textContent = "Step";
    step.title = "Train on one mini-batch";
    step.setAttribute("aria-label", "Step: train on one mini-batch");
    step.addEventListener("click", () => actions.step());
    const reset = doc.createElement("button");
    reset.type = "button";
    reset.id = "reset";
    reset.textContent = "Reset";
    reset.addEventListener("click", () => actions.reset());
    this.reset = reset;
    const newData = doc.createElement("button");
    newData.type = "button";
    newData.id = "new-data";
    newData.textContent = "New data";
    newData.title = "A new data seed: new points and train/test split, the same weights seed";
    newData.addEventListener("click", () => actions.newData());
    const newWeights = doc.createElement("button");
    newWeights.type = "button";
    newWeights.id = "new-weights";
    newWeights.textContent = "New weights";
    newWeights.title =
      "A new weights seed: new initial weights and shuffle order, the same data points";
    newWeights.addEventListener("click", () => actions.newWeights());
    this.seeds = doc.createElement("p");
    this.seeds.id = "seed-note";
    this.seeds.className = "seed-note";
    this.status = doc.createElement("p");
    this.status.id = "status";
    this.status.setAttribute("role", "status");
    this.status.textContent = "Loading the network…";
    container.append(this.play, step, reset, newData, newWeights, this.status, this.seeds);
    this.setRunning(false);
  }

  setRunning(running: boolean): void {
    this.play.textContent = running ? "Pause" : "Play";
    this.play.setAttribute("aria-pressed", String(running));
    this.play.setAttribute("aria-label", running ? "Pause training" : "Play: start training");
  }

  showSnapshot(s: Snapshot): void {
    const when = `Epoch ${s.epoch.toFixed(2)} (step ${s.step}) · `;
    if (!Number.isFinite(s.train.loss) || !Number.isFinite(s.test.loss)) {
      // Outputs that are not numbers all fall in one class, so an accuracy would only show the
      // share of that class: it is not shown.
      this.status.textContent =
        when +
        `training diverged: train loss ${formatNumber(s.train.loss)}, test loss ` +
        `${formatNumber(s.test.loss)}; accuracy and test accuracy mean nothing now · ` +
        `lower the learning rate η and press Reset`;
      return;
    }
    // Layers with an exact zero gradient are named: their lines sit on the charts' floor.
    const note = noGradientNote(s.layers);
    this.status.textContent =
      when +
      `train loss ${s.train.loss.toFixed(4)}, accuracy ${formatPercent(s.train.accuracy)} · ` +
      `test loss ${s.test.loss.toFixed(4)}, test accuracy ${formatPercent(s.test.accuracy)}` +
      (note ? ` · ${note}` : "");
  }

  /** Names the seeds in use on Reset and under the buttons; `event` is the action just taken. */
  showSeeds(seeds: Seeds, event: SeedEvent): void {
    const label = resetLabel(seeds);
    this.reset.title = label;
    this.reset.setAttribute("aria-label", label);
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
