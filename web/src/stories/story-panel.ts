// The playground's "Stories" menu and the card of the story shown: its explanation, the measured
// readout (story-readout.ts) updated with every snapshot, a note when the settings differ from the
// story's, a link to its comparison, and the story's views moved to the top of the view cards.

import { SETTINGS_TABLE, type Settings } from "../state/settings.js";
import { writeParams } from "../state/url-table.js";
import { LINKED_STORIES, PLAYGROUND_STORIES, type Story } from "./story-catalogue.js";
import { type MeasuredLayer, storyReadout } from "./story-readout.js";
import { changedFromStory, storySettings } from "./story-settings.js";

export class StoryPanel {
  private readonly menu: HTMLSelectElement;
  private readonly card: HTMLElement;
  private readonly title: HTMLElement;
  private readonly explanation: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly changed: HTMLElement;
  private readonly compare: HTMLAnchorElement;
  /** The view cards in the page's own order, before any story moved some to the top. */
  private cardOrder: Element[] | null = null;
  private story: Story | null = null;

  /**
   * `bar`: where the menu goes; `cardSlot`: where the story's card goes; `viewCards`: the
   * container whose cards a story reorders. `choose` gets a story id ("" for none).
   */
  constructor(
    bar: HTMLElement,
    cardSlot: HTMLElement,
    private readonly viewCards: HTMLElement,
    choose: (id: string) => void,
  ) {
    const doc = bar.ownerDocument;
    const label = doc.createElement("label");
    label.htmlFor = "story-menu";
    label.textContent = "Stories";
    this.menu = doc.createElement("select");
    this.menu.id = "story-menu";
    const none = doc.createElement("option");
    none.value = "";
    none.textContent = "Free play (no story)";
    this.menu.append(none);
    for (const s of [...PLAYGROUND_STORIES, ...LINKED_STORIES]) {
      const option = doc.createElement("option");
      option.value = s.id;
      option.textContent = s.title;
      option.title = s.explanation;
      this.menu.append(option);
    }
    this.menu.addEventListener("change", () => choose(this.menu.value));
    bar.append(label, this.menu);

    this.card = doc.createElement("section");
    this.card.id = "story";
    this.card.className = "story-card";
    this.card.setAttribute("aria-labelledby", "story-title");
    this.card.hidden = true;
    this.title = doc.createElement("h2");
    this.title.id = "story-title";
    this.explanation = doc.createElement("p");
    this.readout = doc.createElement("p");
    this.readout.id = "story-readout";
    this.readout.className = "story-readout";
    this.changed = doc.createElement("p");
    this.changed.className = "story-changed";
    this.compare = doc.createElement("a");
    this.compare.id = "story-compare";
    this.card.append(this.title, this.explanation, this.readout, this.changed, this.compare);
    cardSlot.append(this.card);
  }

  /** Shows `story` (null: none) for a run with `settings`; a new run clears the readout. */
  show(story: Story | null, settings: Settings): void {
    const storyChanged = story !== this.story;
    this.story = story;
    this.menu.value = story?.id ?? "";
    this.card.hidden = !story;
    // Lecture mode's layout (styles.css) gives the story's card the settings' column.
    this.viewCards.closest(".playground")?.classList.toggle("has-story", story !== null);
    if (storyChanged) this.reorder(story);
    if (!story) return;
    this.title.textContent = story.title;
    this.explanation.textContent = story.explanation;
    const changed = changedFromStory(story, settings);
    const own = storySettings(story);
    this.changed.hidden = changed.length === 0;
    this.changed.textContent =
      "Changed from the story: " +
      changed
        .map((k) => {
          const spec = SETTINGS_TABLE.find((s) => s.key === k);
          const show = (v: unknown) => (spec ? spec.kind.format(v as never) : String(v));
          return `${k} ${show(settings[k])} (story: ${show(own[k])})`;
        })
        .join(", ") +
      ". The explanation above is about the story's settings.";
    const compared: Settings = { ...own, ...story.compare.settings };
    const params = new URLSearchParams({ story: story.id });
    writeParams(SETTINGS_TABLE, compared, params);
    params.set("steps", String(story.steps));
    this.compare.href = `#${params.toString().replace(/%2C/g, ",")}`;
    this.compare.textContent = `Compare: the same after ${story.steps.toLocaleString("en")} steps with ${story.compare.label}`;
  }

  /** The story's figure for the snapshot at `step`. */
  update(step: number, layers: readonly MeasuredLayer[], settings: Settings): void {
    const story = this.story;
    if (!story) return;
    const { text, values } = storyReadout(story.measure, step, layers, settings);
    this.readout.textContent = text;
    for (const name of Object.keys(this.readout.dataset)) delete this.readout.dataset[name];
    for (const [name, v] of Object.entries(values)) this.readout.dataset[name] = String(v);
  }

  /** Puts the story's views first (and marks them), or restores the page's order. */
  private reorder(story: Story | null): void {
    this.cardOrder ??= [...this.viewCards.children];
    this.viewCards.append(...this.cardOrder);
    for (const el of this.cardOrder) el.classList.remove("story-key");
    this.readout.textContent = "";
    if (!story) return;
    for (const id of [...story.views].reverse()) {
      const el = this.cardOrder.find((c) => c.id === id);
      if (!el) continue;
      el.classList.add("story-key");
      this.viewCards.prepend(el);
    }
  }
}
