// The Share / Embed dialog's three texts for the current state: a link to the page as it is, an
// iframe snippet (the page's embed mode: only the chosen cards and controls, no header) and a
// custom-element snippet (one script tag and the elements). Pure: computed from the tab, its
// state (share-target.ts) and the dialog's choices, so a test can read every one back.

import { catalogue } from "gradscope";
import type { ControlId } from "../controls/control-catalogue.js";
import { controlListKind } from "../controls/control-catalogue.js";
import { runViewListKind, type RunViewId } from "../embed/run-view-ids.js";
import { paramsText } from "../state/hash-location.js";
import { attributeOf } from "../elements/attribute-store.js";
import { CHAIN_ALIASES } from "../elements/chain-attributes.js";
import { RUN_ALIASES, VIEW_KEYS } from "../elements/run-attribute-names.js";
import { RESIZE_MESSAGE } from "../embed/embed-mode.js";
import { elementHtml, type Attribute } from "./html-text.js";
import { iframeHeight, FRAME_WIDTH } from "./iframe-height.js";
import {
  FIRST_TAB,
  type EmbeddableTarget,
  type KeyText,
  type RunTarget,
  type ShareTarget,
} from "./share-target.js";

/** What the reader of a shared page or an embed sees first: the dialog's choices. */
export interface ShareChoices {
  /** The run's cards, in order (run tabs only). */
  show: readonly RunViewId[];
  /** The run's controls (run tabs only). */
  controls: readonly ControlId[];
  /** Mini-batches to fast-forward to and show paused (0: a fresh run at step 0; run tabs only). */
  steps: number;
  /** Start training on load (run tabs only; readers who ask for reduced motion are spared). */
  autoplay: boolean;
  /**
   * Appended to the run's element id so two pasted snippets on one page do not share an id
   * (drawn when the dialog opens; "" gives the bare "<dataset>-run").
   */
  idSuffix?: string;
}

export interface Snippets {
  /** The page itself at this state. */
  link: string;
  /** `<iframe …>` in the page's embed mode; null when the tab has nothing to embed. */
  iframe: string | null;
  /** The script tag and the elements; null when the tab has nothing to embed. */
  elements: string | null;
}

/** The site's address: the page without its hash, and the elements' script beside it. */
export interface SiteAddress {
  page: string;
  elements: string;
}

/** Where the elements' script lies in the built site, relative to the page. */
export const ELEMENTS_SCRIPT = "elements/gradscope-elements.js";

/** The address of the site whose page is at `pageUrl` (any hash is dropped). */
export function siteAddress(pageUrl: string): SiteAddress {
  const page = new URL(pageUrl);
  page.hash = "";
  return { page: page.href, elements: new URL(ELEMENTS_SCRIPT, page).href };
}

/** The cards whose chart keys (`time`, `smooth`) matter: the two time charts. */
const TIME_CHARTS: readonly RunViewId[] = ["gradient-norms", "loss-accuracy"];

/** Each lab's element and the iframe's title. */
const LABS = {
  chain: { element: "gradscope-chain", title: "the chain of one-neuron layers" },
  softmax: { element: "gradscope-softmax", title: catalogue.view("softmax").title },
  vanishing: { element: "gradscope-vanishing", title: "deep networks on MNIST" },
} as const;

/** The three snippets for `target` (the current tab's state) with the dialog's `choices`. */
export function embedSnippets(
  target: ShareTarget,
  choices: ShareChoices,
  site: SiteAddress,
): Snippets {
  const link = `${site.page}#${paramsText(linkParams(target, choices))}`;
  if (target.kind === "page") return { link, iframe: null, elements: null };
  const src = `${site.page}#${paramsText(iframeParams(target, choices))}`;
  const iframe = elementHtml("iframe", [
    ["src", src],
    ["title", iframeTitle(target, choices)],
    ["width", "100%"],
    ["height", String(iframeHeight(target, choices))],
    ["loading", "lazy"],
    ["style", "border: 0"],
  ]);
  const script = elementHtml(
    "script",
    [
      ["type", "module"],
      ["src", site.elements],
    ],
    false,
  );
  const body =
    target.kind === "run"
      ? runElements(target, choices)
      : elementHtml(
          LABS[target.kind].element,
          target.keys.map(([key, text]) => [labAttribute(target.kind, key), text]),
        );
  return { link, iframe, elements: `${script}\n${body}` };
}

/** The keys a lab's element takes under other names (the chain's short aliases). */
function labAttribute(kind: keyof typeof LABS, key: string): string {
  return attributeOf(key, kind === "chain" ? CHAIN_ALIASES : {});
}

/** The link: the tab, its state, and where the run starts. */
export function linkParams(target: ShareTarget, choices: ShareChoices): URLSearchParams {
  const params = new URLSearchParams();
  if (target.tab !== FIRST_TAB) params.set("view", target.tab);
  if (target.kind === "run") {
    appendKeys(params, target.settingKeys);
    appendKeys(params, target.chartKeys);
    appendKeys(params, target.displayKeys);
    if (target.tab === "backprop") appendKeys(params, target.sampleKeys);
    appendStart(params, choices);
  } else if (target.kind !== "page") {
    appendKeys(params, target.keys);
  }
  return params;
}

/** The iframe's hash: embed mode, the chosen cards and controls, the state they need. */
export function iframeParams(target: EmbeddableTarget, choices: ShareChoices): URLSearchParams {
  const params = new URLSearchParams();
  if (target.kind !== "run") {
    params.set("view", target.tab);
    params.set("embed", "1");
    appendKeys(params, target.keys);
    return params;
  }
  // The run's cards live in the playground view, whichever run tab is shared.
  params.set("embed", "1");
  params.set("show", runViewListKind.format([...choices.show]));
  params.set("controls", controlListKind.format([...choices.controls]));
  appendStart(params, choices);
  appendKeys(params, target.settingKeys);
  if (choices.show.some((id) => TIME_CHARTS.includes(id))) appendKeys(params, target.chartKeys);
  if (choices.show.includes("decision-boundary")) appendKeys(params, target.displayKeys);
  if (choices.show.includes("backprop")) appendKeys(params, target.sampleKeys);
  return params;
}

function appendKeys(params: URLSearchParams, keys: readonly KeyText[]): void {
  for (const [key, text] of keys) params.set(key, text);
}

function appendStart(params: URLSearchParams, choices: ShareChoices): void {
  if (choices.steps > 0) params.set("steps", String(choices.steps));
  if (choices.autoplay) params.set("autoplay", "1");
}

/** "gradscope: Per-layer gradients and Network (spiral)": what a screen reader says of the frame. */
export function iframeTitle(target: EmbeddableTarget, choices: ShareChoices): string {
  if (target.kind !== "run") return `gradscope: ${LABS[target.kind].title}`;
  const titles = choices.show.map((id) => catalogue.view(id).title);
  const what =
    titles.length === 0
      ? "a training run"
      : titles.length === 1
        ? titles[0]
        : `${titles.slice(0, -1).join(", ")} and ${titles[titles.length - 1]}`;
  return `gradscope: ${what} (${target.settings.dataset})`;
}

/** The id the snippet gives its run, e.g. "spiral-run-k3f9" (suffix "k3f9"). */
export function runId(target: RunTarget, suffix = ""): string {
  return `${target.settings.dataset}-run${suffix ? `-${suffix}` : ""}`;
}

/** A short id suffix from `random` (a number in [0, 1), Math.random in the page): 4 base-36 digits. */
export function idSuffix(random: () => number): string {
  const n = Math.floor(random() * 36 ** 4);
  return n.toString(36).padStart(4, "0");
}

/**
 * The warning the dialog shows when the page is served from this machine (localhost, a loopback
 * address or a file): the snippets point there, so a reader on another machine cannot load them.
 * Null for any other address.
 */
export function localAddressWarning(pageUrl: string): string | null {
  const url = new URL(pageUrl);
  if (url.protocol === "file:") {
    return "This page is opened from a file: the snippets point at a file on this machine, which readers elsewhere cannot load. Serve the site from a public address and share from there.";
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local =
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === "::1" ||
    host === "0.0.0.0";
  if (!local) return null;
  return `This page is served from this machine (${url.host}): the snippets point there, so readers elsewhere cannot load them. Serve the site from a public address and share from there.`;
}

/** The sentence beside the iframe snippet: what its height assumes. */
export function iframeHeightNote(target: EmbeddableTarget, choices: ShareChoices): string {
  return `height="${iframeHeight(target, choices)}" fits the chosen cards in a frame ${FRAME_WIDTH} px wide; in a narrower column they stack taller. Add the script below once per page and each frame takes the height its page reports.`;
}

/**
 * The host page's optional script: sizes each gradscope iframe from the gradscope:resize message
 * its page posts (docs/embedding.md). Matched by the message's source, so one script serves any
 * number of frames.
 */
export const RESIZE_SCRIPT = `<script>
  addEventListener("message", (e) => {
    if (e.data?.type !== "${RESIZE_MESSAGE}") return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow === e.source) frame.style.height = \`\${e.data.height}px\`;
    }
  });
</script>`;

/** `<gradscope-run>` with the settings as attributes, then one `<gradscope-view>` per card. */
function runElements(target: RunTarget, choices: ShareChoices): string {
  const id = runId(target, choices.idSuffix);
  const attributes: Attribute[] = [["id", id]];
  for (const [key, text] of target.settingKeys) {
    attributes.push([attributeOf(key, RUN_ALIASES), text]);
  }
  if (choices.steps > 0) attributes.push(["steps", String(choices.steps)]);
  if (choices.autoplay) attributes.push(["autoplay", true]);
  attributes.push(["controls", controlListKind.format([...choices.controls])]);
  const views = choices.show.map((name) => {
    const viewAttributes: Attribute[] = [
      ["run", id],
      ["name", name],
    ];
    // The keys the view reads that <gradscope-view> takes as attributes (the time charts' ones).
    const own = TIME_CHARTS.includes(name)
      ? target.chartKeys
      : name === "decision-boundary"
        ? target.displayKeys
        : [];
    for (const [key, text] of own) {
      if (VIEW_KEYS.includes(key)) viewAttributes.push([attributeOf(key), text]);
    }
    return elementHtml("gradscope-view", viewAttributes);
  });
  return [elementHtml("gradscope-run", attributes), ...views].join("\n");
}
