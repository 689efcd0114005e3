// Play / pause, one step, reset, and the status line that reads out epoch, loss and accuracy.

import type { Snapshot } from "../model/protocol.js";
import { noGradientNote } from "../views/learning-speed-summary.js";
import { formatNumber, formatPercent } from "../views/number-format.js";

export interface TransportActions {
  togglePlay(): void;
  step(): void;
  reset(): void;
}

export class TransportBar {
  private readonly play: HTMLButtonElement;
  private readonly status: HTMLElement;

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
    reset.setAttribute("aria-label", "Reset: new network from the seed");
    reset.addEventListener("click", () => actions.reset());
    this.status = doc.createElement("p");
    this.status.id = "status";
    this.status.setAttribute("role", "status");
    this.status.textContent = "Loading the network…";
    container.append(this.play, step, reset, this.status);
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

  showMessage(text: string): void {
    this.status.textContent = text;
  }
}
