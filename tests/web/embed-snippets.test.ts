import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CONTROL_IDS,
  controlListKind,
  type ControlId,
} from "../../web/src/controls/control-catalogue.js";
import { RUN_VIEW_IDS, runViewListKind, type RunViewId } from "../../web/src/embed/run-view-ids.js";
import { CHAIN_TABLE, DEFAULT_CHAIN, type ChainState } from "../../web/src/lab/chain-state.js";
import { DEFAULT_VANISHING, VANISHING_TABLE } from "../../web/src/lab/vanishing-state.js";
import { kebab } from "../../web/src/elements/attribute-store.js";
import { CHAIN_ALIASES } from "../../web/src/elements/chain-attributes.js";
import { RUN_ALIASES } from "../../web/src/elements/run-attribute-names.js";
import {
  embedSnippets,
  siteAddress,
  type ShareChoices,
  type Snippets,
} from "../../web/src/share/embed-snippets.js";
import { escapeHtml, LINE_WIDTH } from "../../web/src/share/html-text.js";
import { iframeHeight } from "../../web/src/share/iframe-height.js";
import { cardNote, DEEP_LAYERS, defaultShow } from "../../web/src/share/share-defaults.js";
import { settingKeys, shareTarget, type RunTarget } from "../../web/src/share/share-target.js";
import { DEFAULT_SOFTMAX, SOFTMAX_TABLE } from "../../web/src/softmax/softmax-state.js";
import { DATASET_NAMES } from "../../web/src/state/data-sources.js";
import { parseChartKeys } from "../../web/src/state/chart-keys.js";
import { parseSettings, presetFor, SETTINGS_TABLE } from "../../web/src/state/settings.js";
import { PAGE_TABLE, parsePageKeys } from "../../web/src/state/page-keys.js";
import { CHART_TABLE } from "../../web/src/state/chart-keys.js";
import { DISPLAY_TABLE } from "../../web/src/state/display-keys.js";
import { SAMPLE_TABLE } from "../../web/src/backprop/sample-key.js";
import { LEGACY_SEED_KEY } from "../../web/src/state/seeds.js";
import { parseParams, tableKeys, unknownKeys, writeParams } from "../../web/src/state/url-table.js";
import { PLAYGROUND_CARDS } from "../../web/src/embed/playground-cards.js";
import { CARD_ORDER } from "../../web/src/share/share-defaults.js";

// ---- Reading a snippet back as a browser would ----------------------------------------------

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

/** The start tags of `html`, with their attributes unescaped ("" for a bare boolean attribute). */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(/<([a-z][a-z-]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*>/g)) {
    const attributes = new Map<string, string>();
    for (const a of (m[2] ?? "").matchAll(/\s+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) {
      assert.ok(!attributes.has(a[1] ?? ""), `attribute ${a[1]} repeated in ${m[0]}`);
      attributes.set(a[1] ?? "", unescapeHtml(a[2] ?? ""));
    }
    tags.push({ name: m[1] ?? "", attributes });
  }
  return tags;
}

/** The text between tags must be nothing but white space: no stray text, nothing unescaped. */
function assertOnlyTags(html: string): void {
  const rest = html.replace(
    /<([a-z][a-z-]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*>|<\/[a-z-]+>/g,
    "",
  );
  assert.equal(rest.trim(), "", `stray text in ${html}`);
}

function hashOf(url: string): URLSearchParams {
  return new URLSearchParams(new URL(url).hash.replace(/^#/, ""));
}

/** The URL keys an element's attributes stand for (the inverse of kebab and the aliases). */
function keysOfAttributes(
  attributes: Map<string, string>,
  keys: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = attributes.get(aliases[key] ?? kebab(key));
    if (value !== undefined) params.set(key, value);
  }
  return params;
}

/** Every key the page's tabs own (what the router does not report as unknown). */
const PAGE_KNOWN_KEYS = new Set([
  ...tableKeys(PAGE_TABLE),
  ...tableKeys(SETTINGS_TABLE),
  ...tableKeys(CHART_TABLE),
  ...tableKeys(DISPLAY_TABLE),
  LEGACY_SEED_KEY,
  ...tableKeys(SAMPLE_TABLE),
  ...tableKeys(CHAIN_TABLE),
  ...tableKeys(SOFTMAX_TABLE),
  ...tableKeys(VANISHING_TABLE),
]);

// ---- Fixtures ----------------------------------------------------------------------------------

/** A page URL with every character HTML gives a meaning (the snippet must escape them). */
const HOSTILE_PAGE = `https://example.org/a&b/it's/index.html?x=1&y="2"#view=old`;
const SITE = siteAddress("https://example.org/courses/nn/index.html#dataset=xor");

function runParams(overrides: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  writeParams(SETTINGS_TABLE, parseSettings(new URLSearchParams(overrides)).value, params);
  return params;
}

/** Every subset of `items`, in the items' order. */
function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    out.push(items.filter((_, i) => (mask >> i) & 1));
  }
  return out;
}

function checkRunRoundTrip(target: RunTarget, choices: ShareChoices, snippets: Snippets): void {
  const { iframe, elements, link } = snippets;
  assert.ok(iframe !== null && elements !== null);
  // The link: the page as it is now.
  const linked = hashOf(link);
  assert.deepEqual(parseSettings(linked).value, target.settings);
  assert.equal(linked.get("view"), target.tab === "playground" ? null : target.tab);
  // The iframe: embed mode with exactly the chosen cards and controls, the same settings.
  assertOnlyTags(iframe);
  const [frame] = startTags(iframe);
  assert.equal(frame?.name, "iframe");
  const src = frame.attributes.get("src") ?? "";
  const params = hashOf(src);
  assert.equal(params.get("view"), null, "the run's cards live in the playground view");
  // Read back by the page's own tables: no problem, no key the embedded page would not know.
  const page = parsePageKeys(params);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(unknownKeys(params, PAGE_KNOWN_KEYS), []);
  assert.equal(page.value.embed, true);
  assert.deepEqual(page.value.show, choices.show);
  assert.deepEqual(page.value.controls, choices.controls);
  assert.equal(page.value.steps, choices.steps);
  assert.equal(page.value.autoplay, choices.autoplay);
  assert.deepEqual(runViewListKind.parse(params.get("show") ?? "?"), choices.show);
  const settings = parseSettings(params);
  assert.deepEqual(settings.problems, []);
  assert.deepEqual(settings.value, target.settings);
  assert.equal(frame.attributes.get("loading"), "lazy");
  assert.ok((frame.attributes.get("title") ?? "").includes(target.settings.dataset));
  assert.equal(Number(frame.attributes.get("height")), iframeHeight(target, choices));
  // The elements: the script, one run with the settings as attributes, one view per card.
  assertOnlyTags(elements);
  const tags = startTags(elements);
  assert.deepEqual(
    tags.map((t) => t.name),
    ["script", "gradscope-run", ...choices.show.map(() => "gradscope-view")],
  );
  assert.equal(tags[0]?.attributes.get("src"), SITE.elements);
  assert.equal(tags[0]?.attributes.get("type"), "module");
  const run = tags[1]?.attributes ?? new Map<string, string>();
  const keys = SETTINGS_TABLE.map((s) => String(s.key));
  const fromAttributes = parseSettings(keysOfAttributes(run, keys, RUN_ALIASES));
  assert.deepEqual(fromAttributes.problems, []);
  assert.deepEqual(fromAttributes.value, target.settings);
  assert.deepEqual(controlListKind.parse(run.get("controls") ?? "?"), choices.controls);
  assert.equal(run.get("steps"), choices.steps > 0 ? String(choices.steps) : undefined);
  assert.equal(run.has("autoplay"), choices.autoplay);
  const id = run.get("id");
  assert.ok(id);
  tags.slice(2).forEach((view, i) => {
    assert.equal(view.attributes.get("run"), id);
    assert.equal(view.attributes.get("name"), choices.show[i]);
  });
}

// ---- Tests -----------------------------------------------------------------------------------

test("run tabs: every subset of cards × every subset of controls round-trips", () => {
  const target = shareTarget(
    "playground",
    runParams({ dataset: "spiral", hidden: "8,8,8", activation: "sigmoid", learningRate: "0.3" }),
  );
  assert.equal(target.kind, "run");
  if (target.kind !== "run") return;
  let count = 0;
  const controlSets = subsets(CONTROL_IDS);
  for (const show of subsets(RUN_VIEW_IDS)) {
    // All control subsets for a few card sets, one rotating control set for the rest (the two
    // lists are written independently; the whole product is 16,384 cases and proves no more).
    const controlsFor = show.length <= 1 ? controlSets : [controlSets[count % controlSets.length]];
    for (const controls of controlsFor) {
      const choices = {
        show,
        controls: controls ?? [],
        steps: count % 3 === 0 ? 0 : 200,
        autoplay: count % 2 === 1,
      };
      checkRunRoundTrip(target, choices, embedSnippets(target, choices, SITE));
      count++;
    }
  }
  assert.ok(count >= 1 << RUN_VIEW_IDS.length, `${count} cases`);
});

test("run tabs: every data set's preset and a changed setting of each kind round-trip", () => {
  for (const dataset of DATASET_NAMES) {
    const variants: Record<string, string>[] = [
      { dataset },
      { dataset, activation: "tanh", initSeed: "7", dataSeed: "3" },
      { dataset, hidden: "4", batchSize: "20", l2: "0.001", speed: "50", testFraction: "0.3" },
    ];
    for (const overrides of variants) {
      for (const tab of ["playground", "backprop"]) {
        const target = shareTarget(tab, runParams(overrides));
        if (target.kind !== "run") throw new Error("not a run tab");
        const choices = {
          show: defaultShow(target),
          controls: [...CONTROL_IDS],
          steps: 5,
          autoplay: false,
        };
        checkRunRoundTrip(target, choices, embedSnippets(target, choices, SITE));
      }
    }
  }
});

test("settings are written minimally: a data set's preset is the data set alone", () => {
  for (const dataset of DATASET_NAMES) {
    assert.deepEqual(settingKeys(presetFor(dataset)), [["dataset", dataset]]);
  }
  const target = shareTarget("playground", runParams({ dataset: "xor", learningRate: "0.7" }));
  if (target.kind !== "run") throw new Error("not a run tab");
  assert.deepEqual(target.settingKeys, [
    ["dataset", "xor"],
    ["learningRate", "0.7"],
  ]);
  const { elements } = embedSnippets(
    target,
    { show: ["network"], controls: ["play"], steps: 0, autoplay: false },
    SITE,
  );
  assert.ok(elements?.includes(' learning-rate="0.7"'), elements ?? "");
});

test("a bad value in the hash never reaches a snippet: the tab's default is shared", () => {
  const params = runParams({ dataset: "circle" });
  params.set("learningRate", '"><script>alert(1)</script>');
  params.set("hidden", "9999");
  const target = shareTarget("playground", params);
  if (target.kind !== "run") throw new Error("not a run tab");
  assert.deepEqual(target.settings, presetFor("circle"));
  const s = embedSnippets(
    target,
    { show: ["network"], controls: [], steps: 0, autoplay: false },
    SITE,
  );
  for (const text of [s.link, s.iframe ?? "", s.elements ?? ""]) {
    assert.ok(!text.includes("script>alert"), text);
  }
});

test("the page's address is escaped in every snippet and read back intact", () => {
  const site = siteAddress(HOSTILE_PAGE);
  assert.equal(new URL(site.page).hash, "");
  const target = shareTarget("playground", runParams({ dataset: "gaussians" }));
  if (target.kind !== "run") throw new Error("not a run tab");
  const s = embedSnippets(
    target,
    { show: ["gradient-norms"], controls: ["play"], steps: 200, autoplay: true },
    site,
  );
  assertOnlyTags(s.iframe ?? "");
  assertOnlyTags(s.elements ?? "");
  const src = startTags(s.iframe ?? "")[0]?.attributes.get("src") ?? "";
  assert.ok(src.startsWith(site.page), src);
  assert.ok(!(s.iframe ?? "").includes(`it's`), "the apostrophe is escaped");
  assert.ok((s.iframe ?? "").includes("&amp;"), "the ampersands are escaped");
  assert.equal(startTags(s.elements ?? "")[0]?.attributes.get("src"), site.elements);
  assert.equal(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
});

test("chart keys go with the time charts and the traced sample with the backprop view", () => {
  const params = runParams({ dataset: "xor" });
  params.set("time", "epoch");
  params.set("smooth", "20");
  params.set("sample", "test:4");
  const target = shareTarget("backprop", params);
  if (target.kind !== "run") throw new Error("not a run tab");
  const with_ = (show: RunViewId[]) =>
    hashOf(
      startTags(
        embedSnippets(target, { show, controls: [], steps: 0, autoplay: false }, SITE).iframe ?? "",
      )[0]?.attributes.get("src") ?? "",
    );
  assert.equal(with_(["network"]).get("time"), null);
  assert.equal(with_(["network"]).get("sample"), null);
  assert.deepEqual(parseChartKeys(with_(["gradient-norms"])).value, { time: "epoch", smooth: 20 });
  assert.equal(with_(["backprop"]).get("sample"), "test:4");
  // <gradscope-view> takes the time charts' keys as attributes (and no attribute it lacks).
  const views = startTags(
    embedSnippets(
      target,
      { show: ["gradient-norms", "network", "backprop"], controls: [], steps: 0, autoplay: false },
      SITE,
    ).elements ?? "",
  ).slice(2);
  assert.deepEqual(
    views.map((v) => [...v.attributes.keys()]),
    [
      ["run", "name", "time", "smooth"],
      ["run", "name"],
      ["run", "name"],
    ],
  );
  assert.equal(views[0]?.attributes.get("smooth"), "20");
  // The link of the backprop tab keeps its sample; the playground's has none to keep.
  const link = (tab: string) =>
    hashOf(
      embedSnippets(
        shareTarget(tab, params),
        { show: [], controls: [], steps: 0, autoplay: false },
        SITE,
      ).link,
    );
  assert.equal(link("backprop").get("sample"), "test:4");
  assert.equal(link("backprop").get("view"), "backprop");
  assert.equal(link("playground").get("sample"), null);
  assert.equal(link("playground").get("time"), "epoch");
});

test("the dialog lists the playground's cards in its order, then the other run views", () => {
  assert.deepEqual(CARD_ORDER.slice(0, PLAYGROUND_CARDS.length), [...PLAYGROUND_CARDS]);
  assert.deepEqual([...CARD_ORDER].sort(), [...RUN_VIEW_IDS].sort());
});

test("default cards: two that fit the data, chosen by its kind and the network's depth", () => {
  const backprop = shareTarget("backprop", runParams({ dataset: "mnist" }));
  if (backprop.kind !== "run") throw new Error();
  for (const dataset of DATASET_NAMES) {
    for (const hidden of ["8", "8,8,8", "8,8,8,8", "8,8,8,8,8,8"]) {
      const target = shareTarget("playground", runParams({ dataset, hidden }));
      if (target.kind !== "run") throw new Error();
      const shown = defaultShow(target);
      const input = target.dataKind === "image" ? "test-digits" : "decision-boundary";
      const deep = hidden.split(",").length >= DEEP_LAYERS;
      assert.deepEqual(shown, [input, deep ? "gradient-norms" : "loss-accuracy"], dataset);
      for (const id of shown) assert.equal(cardNote(id, target), null, `${id} on ${dataset}`);
    }
  }
  assert.deepEqual(defaultShow(backprop), ["backprop"]);
  const image = shareTarget("playground", runParams({ dataset: "mnist" }));
  if (image.kind !== "run") throw new Error();
  assert.equal(
    cardNote("decision-boundary", image),
    "needs 2-D points or 1-D values; this run trains on mnist",
  );
});

test("labs: the element's attributes and the iframe's hash give back the lab's state", () => {
  const chainParams = new URLSearchParams({
    chainAct: "tanh",
    chainW: "100,100,100",
    chainB: "-50,-50,-50",
    chainX: "0.5",
  });
  const cases = [
    {
      tab: "chain",
      params: chainParams,
      table: CHAIN_TABLE,
      defaults: DEFAULT_CHAIN,
      aliases: CHAIN_ALIASES,
      element: "gradscope-chain",
    },
    {
      tab: "softmax",
      params: new URLSearchParams({ logits: "3,0,0,1", target: "4", nudge: "2:-1" }),
      table: SOFTMAX_TABLE,
      defaults: DEFAULT_SOFTMAX,
      aliases: {},
      element: "gradscope-softmax",
    },
    {
      tab: "vanishing",
      params: new URLSearchParams({ labHidden: "6", labRate: "0.5", labVariants: "book,tanh" }),
      table: VANISHING_TABLE,
      defaults: DEFAULT_VANISHING,
      aliases: {},
      element: "gradscope-vanishing",
    },
  ] as const;
  for (const c of cases) {
    const table = c.table as typeof CHAIN_TABLE;
    const defaults = c.defaults as unknown as ChainState;
    const expected = parseParams(table, defaults, c.params);
    assert.deepEqual(expected.problems, []);
    const target = shareTarget(c.tab, c.params);
    assert.equal(target.kind, c.tab);
    const s = embedSnippets(
      target,
      { show: ["network"], controls: ["play"], steps: 100, autoplay: true },
      SITE,
    );
    // The link and the iframe open that lab with that state (no run choices apply to a lab).
    for (const url of [s.link, startTags(s.iframe ?? "")[0]?.attributes.get("src") ?? ""]) {
      const params = hashOf(url);
      assert.equal(params.get("view"), c.tab);
      assert.deepEqual(parsePageKeys(params).problems, []);
      assert.deepEqual(unknownKeys(params, PAGE_KNOWN_KEYS), []);
      assert.deepEqual(parseParams(table, defaults, params).value, expected.value);
      for (const key of ["show", "controls", "steps", "autoplay"])
        assert.equal(params.get(key), null);
    }
    assert.equal(
      hashOf(startTags(s.iframe ?? "")[0]?.attributes.get("src") ?? "").get("embed"),
      "1",
    );
    const tags = startTags(s.elements ?? "");
    assert.deepEqual(
      tags.map((t) => t.name),
      ["script", c.element],
    );
    const attributes = tags[1]?.attributes ?? new Map<string, string>();
    const keys = table.map((spec) => String(spec.key));
    const back = keysOfAttributes(attributes, keys, c.aliases);
    assert.equal(
      attributes.size,
      back.size,
      `no attribute beyond the lab's keys: ${[...attributes.keys()]}`,
    );
    assert.deepEqual(parseParams(table, defaults, back).value, expected.value);
  }
  const chain = embedSnippets(
    shareTarget("chain", chainParams),
    { show: [], controls: [], steps: 0, autoplay: false },
    SITE,
  );
  assert.ok(chain.elements?.includes(' weights="100,100,100"'), chain.elements ?? "");
  assert.ok(chain.elements?.includes(' activation="tanh"'), chain.elements ?? "");
  // A lab at its defaults is the bare element.
  const bare = embedSnippets(
    shareTarget("softmax", new URLSearchParams()),
    { show: [], controls: [], steps: 0, autoplay: false },
    SITE,
  );
  assert.ok(
    bare.elements?.endsWith("<gradscope-softmax></gradscope-softmax>"),
    bare.elements ?? "",
  );
});

test("a tab with nothing to embed gets its link only", () => {
  const s = embedSnippets(
    shareTarget("about", new URLSearchParams("dataset=xor")),
    { show: [], controls: [], steps: 0, autoplay: false },
    SITE,
  );
  assert.equal(s.iframe, null);
  assert.equal(s.elements, null);
  assert.equal(hashOf(s.link).get("view"), "about");
  assert.equal(hashOf(s.link).get("dataset"), null);
});

test("the iframe grows with each card and with the settings panel; long tags wrap", () => {
  const target = shareTarget("playground", runParams({ dataset: "mnist" }));
  if (target.kind !== "run") throw new Error("not a run tab");
  let previous = iframeHeight(target, { show: [], controls: [] });
  for (let n = 1; n <= RUN_VIEW_IDS.length; n++) {
    const h = iframeHeight(target, { show: RUN_VIEW_IDS.slice(0, n), controls: [] });
    assert.ok(h > previous, `${n} cards: ${h} px`);
    previous = h;
  }
  const controls: ControlId[] = ["play", "settings"];
  assert.ok(
    iframeHeight(target, { show: ["network"], controls }) >
      iframeHeight(target, { show: ["network"], controls: ["play"] }),
  );
  const { iframe, elements } = embedSnippets(
    target,
    { show: [...RUN_VIEW_IDS], controls, steps: 0, autoplay: false },
    SITE,
  );
  for (const text of [iframe ?? "", elements ?? ""]) {
    for (const line of text.split("\n")) {
      // Only a single attribute (the src URL) or the script tag may be longer than the line width.
      if (line.length > LINE_WIDTH)
        assert.match(line, /^( {2}[a-z-]+="[^"]*"|<script .*><\/script>)$/, line);
    }
  }
});

test("a card whose problem does not fit the run gets a note: the confusion matrix on regression", () => {
  const plane = shareTarget("playground", runParams({ dataset: "plane" }));
  if (plane.kind !== "run") throw new Error();
  assert.equal(
    cardNote("confusion-matrix", plane),
    "needs classification; this run (plane) is regression",
  );
  const circle = shareTarget("playground", runParams({ dataset: "circle" }));
  if (circle.kind !== "run") throw new Error();
  assert.equal(cardNote("confusion-matrix", circle), null);
});
