// Shows one registered view at a time as accessible tabs, and keeps #view=<id> in the URL.

import type { ParamStore } from "../state/param-store.js";
import { PAGE_TABLE, parsePageKeys, writePageKeys } from "../state/page-keys.js";
import { tableKeys, unknownKeys } from "../state/url-table.js";
import type { PageContext, PageView, ViewContext } from "./page-view.js";

interface Slot {
  view: PageView;
  tab: HTMLButtonElement;
  panel: HTMLElement;
  /** Set when the view's mount has been called: settles when it is done. */
  mounted: Promise<void> | null;
}

export class TabRouter {
  private readonly slots: Slot[];
  private current: Slot | null = null;
  private readonly context: ViewContext;

  constructor(
    tablist: HTMLElement,
    panels: HTMLElement,
    views: readonly PageView[],
    private readonly hash: ParamStore,
    page: PageContext,
  ) {
    this.context = {
      ...page,
      mountView: (id) => this.mountView(id),
      tabs: views.map((v) => v.id),
    };
    const doc = tablist.ownerDocument;
    tablist.setAttribute("role", "tablist");
    tablist.setAttribute("aria-label", "Views");
    // One view needs no tabs.
    tablist.hidden = views.length < 2;
    this.slots = views.map((view) => {
      const tab = doc.createElement("button");
      tab.type = "button";
      tab.id = `tab-${view.id}`;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", `panel-${view.id}`);
      tab.textContent = view.title;
      const panel = doc.createElement("div");
      panel.id = `panel-${view.id}`;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.hidden = true;
      tablist.append(tab);
      panels.append(panel);
      return { view, tab, panel, mounted: null };
    });
    this.slots.forEach((slot, i) => {
      slot.tab.addEventListener("click", () => this.select(slot, true));
      slot.tab.addEventListener("keydown", (e) => {
        const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
        if (step === 0) return;
        const next = this.slots[(i + step + this.slots.length) % this.slots.length];
        if (next) {
          this.select(next, true);
          next.tab.focus();
        }
      });
    });
    hash.onExternalChange(() => this.route(true));
  }

  /** Reads the hash: reports keys nobody owns, then shows the view it names. */
  route(external = false): void {
    const params = this.hash.read();
    const known = new Set([...tableKeys(PAGE_TABLE), ...this.slots.flatMap((s) => s.view.urlKeys)]);
    for (const problem of unknownKeys(params, known)) this.context.notify(problem);
    const { value, problems } = parsePageKeys(params);
    // The view key has its own message below; the others are reported here.
    for (const p of problems) if (!p.startsWith("view:")) this.context.notify(p);
    const id = params.get("view");
    let slot = this.slots.find((s) => s.view.id === value.view) ?? null;
    // A malformed id and an unregistered one read the same to the user.
    if (id !== null && !slot) {
      this.context.notify(
        `view: ${JSON.stringify(id.slice(0, 40))} is not a view; playground shown`,
      );
    }
    slot = slot ?? this.slots[0] ?? null;
    if (!slot) return;
    this.select(slot, false);
    if (external) for (const s of this.slots) if (s.mounted) s.view.hashChanged?.();
  }

  private select(slot: Slot, byUser: boolean): void {
    if (byUser) {
      const view = slot === this.slots[0] ? "" : slot.view.id;
      this.hash.update((p) => writePageKeys({ ...parsePageKeys(p).value, view }, p));
    }
    if (this.current === slot) return;
    if (this.current) {
      this.current.panel.hidden = true;
      this.current.tab.setAttribute("aria-selected", "false");
      this.current.tab.tabIndex = -1;
      this.current.view.hide?.();
    }
    for (const s of this.slots) {
      s.tab.setAttribute("aria-selected", String(s === slot));
      s.tab.tabIndex = s === slot ? 0 : -1;
    }
    slot.panel.hidden = false;
    this.current = slot;
    void this.mount(slot);
    slot.view.show?.();
  }

  /** Mounts the view `id` into its (hidden) panel unless it is mounted already. */
  private mountView(id: string): Promise<void> {
    const slot = this.slots.find((s) => s.view.id === id);
    if (!slot) return Promise.reject(new Error(`no view ${JSON.stringify(id)} is registered`));
    return this.mount(slot);
  }

  private mount(slot: Slot): Promise<void> {
    if (slot.mounted) return slot.mounted;
    const report = (e: unknown) => {
      this.context.notify(`${slot.view.title}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    };
    // mount may throw at once or reject later; either way the page and the other tabs go on
    // (the failure is reported once, here; a view waiting for it sees the rejection).
    try {
      slot.mounted = Promise.resolve(slot.view.mount(slot.panel, this.context)).catch(report);
    } catch (e) {
      slot.mounted = Promise.reject(e instanceof Error ? e : new Error(String(e))).catch(report);
    }
    slot.mounted.catch(() => {}); // reported above; nobody need wait for it
    return slot.mounted;
  }
}
