// Entry point: builds the page from its parts. All state lives in the objects created here.

import "uplot/dist/uPlot.min.css";
import "./styles.css";
import { AboutView } from "./about/about-view.js";
import { NoticeArea } from "./app/notice-area.js";
import { registerBackpropView } from "./backprop/register.js";
import { ViewRegistry } from "./app/page-view.js";
import { PlaygroundView } from "./app/playground-view.js";
import { PresentMode } from "./app/present-mode.js";
import { TabRouter } from "./app/tab-router.js";
import { registerViews as registerLabViews } from "./lab/register.js";
import { ShareDialog } from "./share/share-dialog.js";
import { registerSoftmaxView } from "./softmax/register.js";
import { HashLocation } from "./state/hash-location.js";

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el;
}

const notices = new NoticeArea(element("notices"));
const hash = new HashLocation(window);
const header = document.querySelector<HTMLElement>(".page-header .header-actions");
if (!header) throw new Error("index.html lacks the .page-header's .header-actions");
new PresentMode(header, hash);
const registry = new ViewRegistry();
const playground = new PlaygroundView(
  () => new Worker(new URL("./model/training-worker.ts", import.meta.url), { type: "module" }),
);
registry.register(playground);
// Works on the playground's run (mounting the playground hidden if the page opens on it).
registerBackpropView(registry, playground);
registerLabViews(registry);
registerSoftmaxView(registry);
registry.register(new AboutView());
const router = new TabRouter(element("tabs"), element("panels"), registry.views(), hash, {
  hash,
  notify: (message) => notices.add(message),
});
router.route();
new ShareDialog({
  header,
  hash,
  tabs: registry.views(),
  currentStep: () => playground.state?.step ?? null,
  pageUrl: () => window.location.href,
});
