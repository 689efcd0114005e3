// Entry point: builds the page from its parts. All state lives in the objects created here.

import "uplot/dist/uPlot.min.css";
import "./styles.css";
import { AboutView } from "./about/about-view.js";
import { NoticeArea } from "./app/notice-area.js";
import { registerBackpropView } from "./backprop/register.js";
import { ViewRegistry } from "./app/page-view.js";
import { PlaygroundView } from "./app/playground-view.js";
import { PresentMode } from "./app/present-mode.js";
import { pagePool } from "./runtime/page-pool.js";
import { TabRouter } from "./app/tab-router.js";
import { registerViews as registerLabViews } from "./lab/register.js";
import { ShareDialog } from "./share/share-dialog.js";
import { registerSoftmaxView } from "./softmax/register.js";
import { startEmbedMode } from "./embed/embed-mode.js";
import { HashLocation } from "./state/hash-location.js";
import { parsePageKeys, shownControls } from "./state/page-keys.js";

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el;
}

const hash = new HashLocation(window);
const header = document.querySelector<HTMLElement>(".page-header");
if (!header) throw new Error("index.html lacks the .page-header");
const actions = header.querySelector<HTMLElement>(".header-actions");
if (!actions) throw new Error("index.html lacks the .page-header's .header-actions");
// The embed mode and the playground's cards and controls are read once, as the page loads.
const page = parsePageKeys(hash.read()).value;
const notices = page.embed ? null : new NoticeArea(element("notices"));
const notify = notices
  ? (message: string) => notices.add(message)
  : startEmbedMode(window, [header, element("notices")]).notify;
new PresentMode(actions, hash);
const registry = new ViewRegistry();
const playground = new PlaygroundView(() => pagePool().open("training"), {
  show: page.show,
  controls: shownControls(page),
});
registry.register(playground);
// Works on the playground's run (mounting the playground hidden if the page opens on it).
registerBackpropView(registry, playground);
registerLabViews(registry);
registerSoftmaxView(registry);
registry.register(new AboutView());
const router = new TabRouter(element("tabs"), element("panels"), registry.views(), hash, {
  hash,
  notify,
});
router.route();
// An embedded page has no header to open it from.
if (!page.embed)
  new ShareDialog({
    header: actions,
    hash,
    tabs: registry.views(),
    currentStep: () => playground.state?.step ?? null,
    pageUrl: () => window.location.href,
  });
