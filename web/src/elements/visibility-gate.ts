// When a run pauses for being out of sight: the run element and every view that follows it are
// watched (an IntersectionObserver reports each); when none is visible a playing run pauses, and
// when one is visible again a run paused that way plays on. A run the reader paused stays paused.
// Pure bookkeeping: the element feeds it observations and does what it answers.

export type GateAction = "pause" | "resume" | null;

export class VisibilityGate<T> {
  /** Each watched target: true while it intersects the viewport. */
  private readonly seen = new Map<T, boolean>();
  /** True while the run is paused because nothing of it is in view. */
  private held = false;

  /** True while any watched target is in view (nothing watched yet counts as in view). */
  get anyVisible(): boolean {
    if (this.seen.size === 0) return true;
    for (const visible of this.seen.values()) if (visible) return true;
    return false;
  }

  /** True while the gate holds a run that was playing when it went out of view. */
  get holding(): boolean {
    return this.held;
  }

  /** Starts watching `target`; until its first observation it counts as in view. */
  watch(target: T): void {
    if (!this.seen.has(target)) this.seen.set(target, true);
  }

  /** Stops watching `target` (a view removed or moved to another run). */
  unwatch(target: T, running: boolean): GateAction {
    this.seen.delete(target);
    return this.decide(running);
  }

  /** An observation of `target`; `running`: whether the run trains now. */
  observe(target: T, visible: boolean, running: boolean): GateAction {
    if (!this.seen.has(target)) return null;
    this.seen.set(target, visible);
    return this.decide(running);
  }

  /**
   * The reader or a script asks to play: "pause" (i.e. do not start; it starts when in view)
   * while nothing is in view, else null (play now).
   */
  requestPlay(): GateAction {
    if (this.anyVisible) {
      this.held = false;
      return null;
    }
    this.held = true;
    return "pause";
  }

  /** The reader or a script paused (or the run was rebuilt): nothing to resume later. */
  release(): void {
    this.held = false;
  }

  private decide(running: boolean): GateAction {
    const visible = this.anyVisible;
    if (!visible && running) {
      this.held = true;
      return "pause";
    }
    if (visible && this.held) {
      this.held = false;
      return "resume";
    }
    return null;
  }
}
