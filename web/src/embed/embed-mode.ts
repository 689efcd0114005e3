// The iframe embed mode (`embed=1`): the page without its header, tabs and notice area, for a
// host page that allows no scripts of ours. Problems with the hash go to the console and to the
// parent window as one `gradscope:problems` message per batch; the page's content height goes to
// the parent as `gradscope:resize` on load and on every change, so the host can size the iframe.

export const PROBLEMS_MESSAGE = "gradscope:problems";
export const RESIZE_MESSAGE = "gradscope:resize";

export interface EmbedMode {
  /** Reports a problem: console.warn now, and to the parent with the others of this task. */
  notify(message: string): void;
}

/** Hides `hidden` (the header, tabs and notice area), marks the body, and starts reporting. */
export function startEmbedMode(
  win: Window & typeof globalThis,
  hidden: readonly (HTMLElement | null)[],
): EmbedMode {
  const doc = win.document;
  doc.body.classList.add("embedded");
  for (const el of hidden) if (el) el.hidden = true;
  // Not embedded (opened on its own) the page has no parent to tell: win.parent is win itself.
  const post = (message: unknown) => {
    if (win.parent !== win) win.parent.postMessage(message, "*");
  };

  let batch: string[] = [];
  const notify = (message: string) => {
    win.console.warn(`gradscope: ${message}`);
    batch.push(message);
    // The problems of one load (or one hash change) arrive together, as one message.
    if (batch.length === 1) {
      win.queueMicrotask(() => {
        const problems = batch;
        batch = [];
        post({ type: PROBLEMS_MESSAGE, problems });
      });
    }
  };

  let height = -1;
  const root = doc.documentElement;
  const report = () => {
    // The html box's own height is the content's (the viewport's height does not count), so the
    // iframe can shrink as well as grow.
    const h = Math.ceil(root.getBoundingClientRect().height);
    if (h === height) return;
    height = h;
    post({ type: RESIZE_MESSAGE, height: h });
  };
  new win.ResizeObserver(report).observe(root);
  win.addEventListener("load", report);
  report();
  return { notify };
}
