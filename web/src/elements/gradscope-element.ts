// The base class of every <gradscope-*> element. It owns what all of them share: an open shadow
// root styled by constructed stylesheets (a <style> in a shadow root is refused by the strict
// CSP), the theme's CSS custom properties, an inline problem box (part="problems") that also
// warns on the console, the attribute-backed ParamStore its view reads, ::part names on the main
// pieces, and the lazy loading of the element's implementation on first connect, so registering
// the elements costs a few kilobytes and a page loads only the code of the elements it uses.

import type { ViewContext } from "../app/page-view.js";
import { AttributeStore, type AttributeAliases, camel } from "./attribute-store.js";
import { themeSheet } from "./element-styles.js";

/** What an element's implementation module returns once its content is built. */
export interface ElementImplementation {
  /** The attributes changed from outside (markup, setAttribute, a property): follow them. */
  externalChange?(): void;
  /** The element was attached to / removed from a document again after its first connect. */
  connected?(): void;
  disconnected?(): void;
}

/** What an implementation receives: where to draw, its store, and the element's services. */
export interface ElementContext extends ViewContext {
  readonly element: GradscopeElement;
  /** Adds sheets to the shadow root (before the theme, so the theme's custom properties win). */
  adopt(sheets: readonly CSSStyleSheet[]): void;
}

/** Where shadow content gets its part names: a selector and the part it is. */
const PARTS: readonly (readonly [string, string])[] = [
  [".view-card", "card"],
  [".view-card > h2", "card-title"],
  [".view-explanation", "explanation"],
  [".lab-controls, .softmax-buttons, .transport, .settings", "controls"],
  ["button", "button"],
  ["canvas, .uplot", "figure"],
];

function exposeParts(root: ParentNode): void {
  for (const [selector, part] of PARTS) {
    for (const el of root.querySelectorAll(selector)) {
      if (!el.part.contains(part)) el.part.add(part);
    }
  }
}

export abstract class GradscopeElement extends HTMLElement {
  /** The attribute-backed store of the element's URL keys (what its view reads and writes). */
  protected readonly store: AttributeStore;
  /** Where the implementation draws (part="body"). */
  protected readonly body: HTMLElement;
  private readonly problemBox: HTMLElement;
  private readonly problemList: HTMLUListElement;
  private readonly sheets: CSSStyleSheet[] = [];
  private implementation: ElementImplementation | null = null;
  private started: Promise<void> | null = null;
  private changedWhileBuilding = false;

  constructor(keys: readonly string[], aliases: AttributeAliases = {}) {
    super();
    this.store = new AttributeStore(this, keys, aliases);
    const shadow = this.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [themeSheet()];
    const doc = this.ownerDocument;
    this.problemBox = doc.createElement("div");
    this.problemBox.className = "gradscope-problems";
    this.problemBox.part.add("problems");
    this.problemBox.setAttribute("role", "status");
    this.problemBox.hidden = true;
    this.problemList = doc.createElement("ul");
    this.problemBox.append(this.problemList);
    this.body = doc.createElement("div");
    this.body.className = "gradscope-body";
    this.body.part.add("body");
    shadow.append(this.problemBox, this.body);
    new MutationObserver(() => exposeParts(shadow)).observe(shadow, {
      childList: true,
      subtree: true,
    });
    this.store.onExternalChange(() => {
      if (!this.implementation) return; // attributeChangedCallback noted it
      this.clearProblems();
      this.implementation.externalChange?.();
    });
  }

  /**
   * Loads and builds the element's content (a dynamic import, so the code is fetched on first
   * use). Problems while building go through context.notify. Between reading the attributes and
   * writing them back the build must not wait for a task (a script's attribute change in between
   * would be overwritten): load what it needs first, then read.
   */
  protected abstract implement(context: ElementContext): Promise<ElementImplementation>;

  /** The element's tag, for messages ("<gradscope-chain>"). */
  protected get tag(): string {
    return `<${this.localName}>`;
  }

  /** Resolves when the element's content is built (after its first connect). */
  get ready(): Promise<void> {
    return this.started ?? Promise.resolve();
  }

  connectedCallback(): void {
    if (this.started) {
      this.implementation?.connected?.();
      return;
    }
    this.started = this.start();
  }

  disconnectedCallback(): void {
    this.implementation?.disconnected?.();
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    const external = this.store.attributeChanged(name, oldValue, value);
    // During the build: it may have read the attributes already, so it reads them again once
    // built. (The markup's own attributes arrive before the first connect.)
    if (external && this.started && !this.implementation) this.changedWhileBuilding = true;
  }

  /** Shows `message` in the element's problem box and warns on the console (once per line). */
  report(message: string): void {
    const line = this.store.describe(message);
    if ([...this.problemList.children].some((li) => li.textContent === line)) return;
    const li = this.ownerDocument.createElement("li");
    li.textContent = line;
    this.problemList.append(li);
    this.problemBox.hidden = false;
    console.warn(`${this.tag}: ${line}`);
  }

  /** Empties the problem box (before the attributes are read again). */
  clearProblems(): void {
    this.problemList.replaceChildren();
    this.problemBox.hidden = true;
  }

  /** The problem lines shown now. */
  get problems(): string[] {
    return [...this.problemList.children].map((li) => li.textContent ?? "");
  }

  private async start(): Promise<void> {
    const context: ElementContext = {
      element: this,
      hash: this.store,
      notify: (message) => this.report(message),
      mountView: (id) => Promise.reject(new Error(`${this.tag} has no view ${JSON.stringify(id)}`)),
      adopt: (sheets) => {
        this.sheets.push(...sheets);
        const shadow = this.shadowRoot as ShadowRoot;
        shadow.adoptedStyleSheets = [...this.sheets, themeSheet()];
      },
    };
    this.body.setAttribute("aria-busy", "true");
    try {
      this.implementation = await this.implement(context);
      if (this.changedWhileBuilding) {
        this.changedWhileBuilding = false;
        this.clearProblems();
        this.implementation.externalChange?.();
      }
    } catch (e) {
      // The element says why it is empty; the rest of the page is not affected.
      const message = e instanceof Error ? e.message : String(e);
      this.report(`could not be built: ${message}`);
      console.error(e);
    } finally {
      this.body.removeAttribute("aria-busy");
    }
  }
}

/**
 * Defines a string property per attribute on an element class, reflecting to the attribute
 * (`learning-rate` ↔ `el.learningRate`; null or undefined removes the attribute), except names
 * HTMLElement already defines.
 */
export function reflectAttributes(cls: typeof HTMLElement, attributes: readonly string[]): void {
  for (const attribute of attributes) {
    // A name HTMLElement already has (hidden, dataset, title, …) keeps its meaning: the
    // attribute is read with getAttribute.
    if (camel(attribute) in HTMLElement.prototype) continue;
    Object.defineProperty(cls.prototype, camel(attribute), {
      configurable: true,
      enumerable: true,
      get(this: HTMLElement): string | null {
        return this.getAttribute(attribute);
      },
      set(this: HTMLElement, value: unknown) {
        if (value === null || value === undefined) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(value));
      },
    });
  }
}
