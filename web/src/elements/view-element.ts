// What <gradscope-view> loads on first connect: it finds its run by id (document-runs.ts), mounts
// the named view's card on the run's controller (mountRunView) and takes part in the run's
// off-screen pause; a missing run, an unknown name or a run that failed to build is said inside.

import type { RunViewId } from "../embed/run-view-ids.js";
import { mountRunView } from "../run/mount-run-view.js";
import { documentRuns } from "./document-runs.js";
import { loadSheets, sheetOf, type StyleGroup } from "./element-styles.js";
import layoutCss from "./element-layout.css?inline";
import type { ElementContext, ElementImplementation } from "./gradscope-element.js";
import type { GradscopeRunElement } from "./gradscope-run.js";
import type { GradscopeViewElement } from "./gradscope-view.js";
import { missingRunText, readViewTarget, type ViewTarget } from "./view-attributes.js";

/** The style groups a view's card needs (the backprop inspector typesets with KaTeX). */
function stylesOf(name: RunViewId): StyleGroup[] {
  return name === "backprop" ? ["page", "backprop", "katex"] : ["page"];
}

export async function mountView(
  element: GradscopeViewElement,
  body: HTMLElement,
  context: ElementContext,
): Promise<ElementImplementation> {
  const doc = element.ownerDocument;
  let target: ViewTarget | null = null;
  let unfollow = () => {};
  let detach = () => {};
  let runElement: GradscopeRunElement | null = null;
  /** Counts attachments, so a late mount of an older one is dropped. */
  let generation = 0;
  let adopted = new Set<StyleGroup>();

  const release = () => {
    generation++;
    detach();
    detach = () => {};
    runElement?.unwatchView(element);
    runElement = null;
  };

  const attach = async (run: GradscopeRunElement, name: RunViewId) => {
    const mine = ++generation;
    runElement = run;
    run.watchView(element);
    try {
      const groups = stylesOf(name).filter((g) => !adopted.has(g));
      if (groups.length > 0) {
        context.adopt([...(await loadSheets(groups)), sheetOf(layoutCss, import.meta.url)]);
        adopted = new Set([...adopted, ...groups]);
      }
      const controller = await run.controller();
      if (mine !== generation) return;
      const detachView = await mountRunView(name, body, controller, context);
      if (mine !== generation) detachView();
      else detach = detachView;
    } catch (e) {
      if (mine !== generation) return;
      context.notify(
        `run ${JSON.stringify(run.id)}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };

  /** Says a run is missing once the page is parsed (a run later in the markup is not missing). */
  const reportMissing = (id: string) => {
    const say = () => {
      if (target?.run === id && !runElement) context.notify(missingRunText(id));
    };
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", say, { once: true });
    else say();
  };

  const follow = () => {
    unfollow();
    release();
    const { value, problems } = readViewTarget((n) => element.getAttribute(n));
    for (const p of problems) context.notify(p);
    target = value;
    if (!value) {
      unfollow = () => {};
      return;
    }
    const { run: id, name } = value;
    unfollow = documentRuns.follow(id, (run) => {
      release();
      if (run) {
        element.clearProblems();
        void attach(run, name);
      } else reportMissing(id);
    });
  };
  follow();

  return {
    externalChange: () => {
      // A change of run or name mounts afresh; `time` and `smooth` are followed by the card.
      const next = readViewTarget((n) => element.getAttribute(n)).value;
      if (next?.run !== target?.run || next?.name !== target?.name) follow();
    },
    connected: () => follow(),
    disconnected: () => {
      unfollow();
      unfollow = () => {};
      release();
    },
  };
}
