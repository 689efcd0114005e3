// The Share / Embed dialog: a button in the page header opens a native <dialog> with, for the tab
// shown and its state, a link, an iframe snippet and a custom-element snippet (embed-snippets.ts),
// each with a Copy button. On a run tab, checkboxes choose the embedded cards and controls (as
// TensorFlow Playground's classroom section does) and a field the step the run starts at.

import "./share-dialog.css";
import { CONTROLS, type ControlId } from "../controls/control-catalogue.js";
import type { RunViewId } from "../embed/run-view-ids.js";
import { catalogue } from "gradscope";
import type { ParamStore } from "../state/param-store.js";
import { MAX_STEPS, parsePageKeys } from "../state/page-keys.js";
import { numberKind } from "../state/url-table.js";
import {
  embedSnippets,
  iframeHeightNote,
  idSuffix,
  localAddressWarning,
  RESIZE_SCRIPT,
  siteAddress,
  type ShareChoices,
} from "./embed-snippets.js";
import { CARD_ORDER, cardNote, defaultControls, defaultShow } from "./share-defaults.js";
import { shareTarget, type ShareTarget } from "./share-target.js";
import { pointsShareWarning } from "../state/points-key.js";

export interface ShareDialogOptions {
  /** The header the Share button goes into. */
  header: HTMLElement;
  /** The page's URL hash: the tab shown and its state. */
  hash: ParamStore;
  /** The registered tabs' ids and titles, first the one the page opens on. */
  tabs: readonly { id: string; title: string }[];
  /** The playground run's latest step (null before it has one): the start the dialog offers. */
  currentStep(): number | null;
  /** The page's address (location.href); read each time the dialog opens. */
  pageUrl(): string;
  /** Draws the run id's suffix when the dialog opens (Math.random unless a test fixes it). */
  random?: () => number;
}

const stepsKind = numberKind(0, MAX_STEPS, true);

interface Snippet {
  section: HTMLElement;
  text: HTMLTextAreaElement;
}

export class ShareDialog {
  readonly button: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly heading: HTMLElement;
  private readonly about: HTMLElement;
  private readonly runChoices: HTMLElement;
  private readonly steps: HTMLInputElement;
  private readonly stepsProblem: HTMLElement;
  private readonly autoplay: HTMLInputElement;
  private readonly cards = new Map<RunViewId, { box: HTMLInputElement; note: HTMLElement }>();
  private readonly controls = new Map<ControlId, HTMLInputElement>();
  private readonly link: Snippet;
  private readonly iframe: Snippet;
  private readonly elements: Snippet;
  private readonly status: HTMLElement;
  private readonly warning: HTMLElement;
  private readonly heightNote: HTMLElement;
  private readonly resize: Snippet;
  private suffix = "";
  private readonly jumps: { button: HTMLButtonElement; snippet: Snippet }[] = [];
  private target: ShareTarget | null = null;
  /** The last valid start step typed (a bad one is named beside the field, not used). */
  private startStep = 0;

  constructor(private readonly options: ShareDialogOptions) {
    const doc = options.header.ownerDocument;
    const make = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      className?: string,
      text?: string,
    ): HTMLElementTagNameMap[K] => {
      const el = doc.createElement(tag);
      if (className) el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    };

    this.button = make("button", "share-toggle", "Share / Embed");
    this.button.type = "button";
    this.button.id = "share";
    this.button.setAttribute("aria-haspopup", "dialog");
    this.button.title = "A link, an iframe or custom elements for this tab as it is now";
    this.button.addEventListener("click", () => this.open());
    options.header.append(this.button);

    this.dialog = make("dialog", "share-dialog");
    this.dialog.id = "share-dialog";
    this.dialog.setAttribute("aria-labelledby", "share-title");
    const top = make("div", "share-top");
    this.heading = make("h2");
    this.heading.id = "share-title";
    const close = make("button", "share-close", "Close");
    close.type = "button";
    close.addEventListener("click", () => this.dialog.close());
    top.append(this.heading, close);
    this.about = make("p", "share-about");

    // The run's choices: where it starts, which cards and which controls.
    this.runChoices = make("div", "share-run-choices");
    const start = make("fieldset", "share-start");
    start.append(make("legend", undefined, "Start"));
    const stepsLabel = make("label", "share-steps");
    this.steps = make("input");
    this.steps.type = "number";
    this.steps.id = "share-steps";
    this.steps.min = "0";
    this.steps.max = String(MAX_STEPS);
    this.steps.step = "1";
    this.steps.inputMode = "numeric";
    stepsLabel.append("Fast-forward to step ", this.steps, " then pause (0: a fresh run)");
    this.stepsProblem = make("span", "share-problem");
    this.stepsProblem.id = "share-steps-problem";
    this.steps.setAttribute("aria-describedby", this.stepsProblem.id);
    this.steps.addEventListener("input", () => this.readSteps());
    const autoplayLabel = make("label");
    this.autoplay = make("input");
    this.autoplay.type = "checkbox";
    this.autoplay.id = "share-autoplay";
    this.autoplay.addEventListener("change", () => this.refresh());
    autoplayLabel.append(
      this.autoplay,
      " Autoplay (not for readers whose system asks for reduced motion)",
    );
    start.append(stepsLabel, this.stepsProblem, autoplayLabel);

    const cardSet = make("fieldset", "share-cards");
    cardSet.append(make("legend", undefined, "Cards to show"));
    for (const id of CARD_ORDER) {
      const label = make("label");
      const box = make("input");
      box.type = "checkbox";
      box.value = id;
      box.id = `share-card-${id}`;
      box.addEventListener("change", () => this.refresh());
      const note = make("span", "share-note");
      label.append(box, ` ${catalogue.view(id).title} `, note);
      cardSet.append(label);
      this.cards.set(id, { box, note });
    }
    const controlSet = make("fieldset", "share-controls");
    controlSet.append(make("legend", undefined, "Controls"));
    for (const c of CONTROLS) {
      const label = make("label");
      const box = make("input");
      box.type = "checkbox";
      box.value = c.id;
      box.id = `share-control-${c.id}`;
      box.addEventListener("change", () => this.refresh());
      label.append(box, ` ${c.label}`);
      controlSet.append(label);
      this.controls.set(c.id, box);
    }
    this.runChoices.append(start, cardSet, controlSet);

    this.status = make("p", "share-status");
    this.status.id = "share-status";
    this.status.setAttribute("role", "status");
    const snippet = (id: string, title: string, note: string): Snippet => {
      const section = make("section", "share-snippet");
      const head = make("div", "share-snippet-head");
      const h = make("h3", undefined, title);
      h.id = `share-${id}-title`;
      const copy = make("button", "share-copy", "Copy");
      copy.type = "button";
      copy.id = `share-copy-${id}`;
      copy.setAttribute("aria-describedby", h.id);
      head.append(h, copy);
      const text = make("textarea");
      text.id = `share-${id}`;
      text.readOnly = true;
      text.spellcheck = false;
      text.setAttribute("aria-labelledby", h.id);
      copy.addEventListener("click", () => void this.copy(text, title));
      section.append(head, make("p", "share-note", note), text);
      return { section, text };
    };
    this.warning = make("p", "share-warning");
    this.warning.id = "share-warning";
    this.warning.setAttribute("role", "note");
    this.link = snippet("link", "Link", "This tab as it is now.");
    this.iframe = snippet(
      "iframe",
      "Iframe",
      "For pages that allow no scripts: only the chosen cards and controls, no header. The " +
        "page posts gradscope:resize messages with its height to a host that wants to listen.",
    );
    this.heightNote = make("p", "share-note");
    this.heightNote.id = "share-iframe-height";
    this.resize = snippet(
      "resize",
      "Optional host script for the iframe",
      "Sizes each frame from the gradscope:resize message its page posts.",
    );
    this.resize.section.classList.add("share-resize");
    this.iframe.section.append(this.heightNote, this.resize.section);
    this.elements = snippet(
      "elements",
      "Custom elements",
      "One script tag and the elements, styled by your page (docs/embedding.md lists every " +
        "attribute). The script path is this site's; from npm: import 'gradscope/elements'.",
    );
    // Jump links: the three snippets stay one click away however far the choices push them down.
    const jump = make("nav", "share-jump");
    jump.setAttribute("aria-label", "Snippets");
    const jumps: [string, Snippet][] = [
      ["Link", this.link],
      ["Iframe", this.iframe],
      ["Custom elements", this.elements],
    ];
    for (const [title, target] of jumps) {
      const go = make("button", "share-jump-to", title);
      go.type = "button";
      go.id = `share-jump-${target.text.id.replace("share-", "")}`;
      go.addEventListener("click", () => {
        target.section.scrollIntoView({ block: "start" });
        target.text.focus({ preventScroll: true });
      });
      jump.append(go);
      this.jumps.push({ button: go, snippet: target });
    }
    this.dialog.append(
      top,
      this.about,
      this.warning,
      jump,
      this.runChoices,
      this.link.section,
      this.iframe.section,
      this.elements.section,
      this.status,
    );
    doc.body.append(this.dialog);
  }

  /** Reads the tab shown and its state, offers the defaults, and shows the dialog. */
  open(): void {
    const { tabs, hash } = this.options;
    const params = hash.read();
    const named = parsePageKeys(params).value.view;
    const tab = tabs.find((t) => t.id === named) ?? tabs[0];
    if (!tab) return;
    const target = shareTarget(tab.id, params);
    this.target = target;
    this.heading.textContent = `Share or embed: ${tab.title}`;
    this.about.textContent =
      target.kind === "page"
        ? `${tab.title} has nothing to embed; the link opens it. The playground and the labs can be embedded.`
        : target.kind === "run"
          ? `The run on ${target.settings.dataset} with this tab's settings; each reader's copy trains in their browser.`
          : "The lab with the values it shows now.";
    this.runChoices.hidden = target.kind !== "run";
    this.iframe.section.hidden = target.kind === "page";
    this.elements.section.hidden = target.kind === "page";
    for (const { button, snippet } of this.jumps) button.hidden = snippet.section.hidden;
    this.warning.textContent = [
      localAddressWarning(this.options.pageUrl()),
      pointsShareWarning(params),
    ]
      .filter((w) => w !== null)
      .join(" ");
    this.warning.hidden = this.warning.textContent === "";
    this.suffix = idSuffix(this.options.random ?? Math.random);
    if (target.kind === "run") {
      const shown = defaultShow(target);
      for (const [id, { box, note }] of this.cards) {
        box.checked = shown.includes(id);
        note.textContent = cardNote(id, target) ?? "";
      }
      const controls = defaultControls();
      for (const [id, box] of this.controls) box.checked = controls.includes(id);
      this.startStep = this.options.currentStep() ?? parsePageKeys(params).value.steps;
      this.steps.value = String(this.startStep);
      this.stepsProblem.textContent = "";
      this.autoplay.checked = false;
    }
    this.status.textContent = "";
    this.refresh();
    if (!this.dialog.open) this.dialog.showModal();
  }

  private readSteps(): void {
    const v = stepsKind.parse(this.steps.value.trim());
    if (v instanceof Error) {
      this.stepsProblem.textContent = ` ${v.message}; step ${this.startStep} kept`;
      return;
    }
    this.stepsProblem.textContent = "";
    this.startStep = v;
    this.refresh();
  }

  private choices(): ShareChoices {
    return {
      show: CARD_ORDER.filter((id) => this.cards.get(id)?.box.checked),
      controls: CONTROLS.flatMap((c) => (this.controls.get(c.id)?.checked ? [c.id] : [])),
      steps: this.startStep,
      autoplay: this.autoplay.checked,
      idSuffix: this.suffix,
    };
  }

  /** The three snippets for the current choices. */
  private refresh(): void {
    if (!this.target) return;
    const choices = this.choices();
    const s = embedSnippets(this.target, choices, siteAddress(this.options.pageUrl()));
    this.show(this.link, s.link);
    this.show(this.iframe, s.iframe ?? "");
    this.heightNote.textContent =
      this.target.kind === "page" ? "" : iframeHeightNote(this.target, choices);
    this.show(this.resize, RESIZE_SCRIPT);
    this.show(this.elements, s.elements ?? "");
    this.status.textContent = "";
  }

  /** Shows `text` in the snippet's box, tall enough for its lines (wrapped at ~80 characters). */
  private show(snippet: Snippet, text: string): void {
    snippet.text.value = text;
    const lines = text
      .split("\n")
      .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 80)), 0);
    snippet.text.rows = Math.min(8, Math.max(2, lines));
  }

  /** Copies through the clipboard API; where it is refused, selects the text for Ctrl+C. */
  private async copy(text: HTMLTextAreaElement, what: string): Promise<void> {
    try {
      const clipboard = text.ownerDocument.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error("no clipboard API");
      await clipboard.writeText(text.value);
      this.status.textContent = `Copied: ${what.toLowerCase()}.`;
    } catch {
      text.focus();
      text.select();
      this.status.textContent = `The browser refused to copy; the ${what.toLowerCase()} is selected: press Ctrl+C (⌘C on a Mac).`;
    }
  }
}
