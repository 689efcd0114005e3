import assert from "node:assert/strict";
import { test } from "node:test";
import { RESIZE_MESSAGE } from "../../web/src/embed/embed-mode.js";
import {
  embedSnippets,
  iframeHeightNote,
  idSuffix,
  localAddressWarning,
  RESIZE_SCRIPT,
  runId,
  siteAddress,
  type ShareChoices,
} from "../../web/src/share/embed-snippets.js";
import { FRAME_WIDTH, iframeHeight } from "../../web/src/share/iframe-height.js";
import { defaultShow } from "../../web/src/share/share-defaults.js";
import { shareTarget } from "../../web/src/share/share-target.js";
import { parseSettings, SETTINGS_TABLE } from "../../web/src/state/settings.js";
import { writeParams } from "../../web/src/state/url-table.js";

function runTarget(dataset: string) {
  const params = new URLSearchParams();
  writeParams(SETTINGS_TABLE, parseSettings(new URLSearchParams({ dataset })).value, params);
  const target = shareTarget("playground", params);
  if (target.kind !== "run") throw new Error("not a run");
  return target;
}

test("a page served from this machine is warned of; a public address is not", () => {
  for (const url of [
    "http://127.0.0.1:45025/",
    "http://localhost:5173/index.html#dataset=xor",
    "http://app.localhost/",
    "http://127.1.2.3/",
    "http://[::1]:8080/",
    "http://0.0.0.0:8000/",
  ]) {
    const warning = localAddressWarning(url);
    assert.ok(warning, url);
    assert.match(warning, /readers elsewhere cannot load/);
    assert.ok(warning.includes(new URL(url).host), url);
  }
  assert.match(localAddressWarning("file:///home/me/dist/index.html") ?? "", /from a file/);
  for (const url of [
    "https://example.org/nn/",
    "http://192.0.2.7/",
    "https://localhost.example.org/",
    "https://my127.0.0.1.example/",
  ]) {
    assert.equal(localAddressWarning(url), null, url);
  }
});

test("each dialog's run id is its own: the suffix drawn, so two snippets do not collide", () => {
  const target = runTarget("spiral");
  assert.equal(runId(target), "spiral-run");
  assert.equal(
    idSuffix(() => 0),
    "0000",
  );
  assert.equal(
    idSuffix(() => 0.999999999),
    "zzzz",
  );
  const draws = [0.1, 0.7];
  const site = siteAddress("https://example.org/nn/");
  const snippets = draws.map((r) => {
    const choices: ShareChoices = {
      show: defaultShow(target),
      controls: ["play"],
      steps: 0,
      autoplay: false,
      idSuffix: idSuffix(() => r),
    };
    return embedSnippets(target, choices, site).elements ?? "";
  });
  const ids = snippets.map((text) => [...text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  assert.equal(ids[0]?.length, 1);
  assert.notEqual(ids[0]?.[0], ids[1]?.[0]);
  for (const [i, text] of snippets.entries()) {
    const id = ids[i]?.[0] ?? "";
    assert.match(id, /^spiral-run-[0-9a-z]{4}$/);
    // Every view names its own snippet's run.
    const runs = [...text.matchAll(/ run="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(runs.length, 2);
    for (const run of runs) assert.equal(run, id);
  }
});

test("the iframe's note says the width its height assumes and the height it states", () => {
  for (const dataset of ["xor", "mnist"]) {
    const target = runTarget(dataset);
    const choices: ShareChoices = {
      show: defaultShow(target),
      controls: ["play", "step", "reset"],
      steps: 0,
      autoplay: false,
    };
    const note = iframeHeightNote(target, choices);
    assert.ok(note.includes(`height="${iframeHeight(target, choices)}"`), note);
    assert.ok(note.includes(`${FRAME_WIDTH} px wide`), note);
    const snippet = embedSnippets(target, choices, siteAddress("https://example.org/")).iframe;
    assert.ok(snippet?.includes(`height="${iframeHeight(target, choices)}"`));
  }
});

test("the host script sizes only the frame whose page sent the message", () => {
  const body = /^<script>\n([\s\S]*)\n<\/script>$/.exec(RESIZE_SCRIPT)?.[1];
  assert.ok(body);
  const frames = [0, 1].map(() => ({ contentWindow: {}, style: { height: "" } }));
  let listener: ((e: { data: unknown; source: unknown }) => void) | null = null;
  const run = new Function("addEventListener", "document", body) as (
    add: (type: string, l: typeof listener) => void,
    doc: { querySelectorAll(sel: string): unknown[] },
  ) => void;
  run(
    (type, l) => {
      assert.equal(type, "message");
      listener = l;
    },
    { querySelectorAll: () => frames },
  );
  const send = (data: unknown, source: unknown) => {
    if (!listener) throw new Error("no listener");
    listener({ data, source });
  };
  send({ type: RESIZE_MESSAGE, height: 812 }, frames[1]?.contentWindow);
  assert.equal(frames[0]?.style.height, "");
  assert.equal(frames[1]?.style.height, "812px");
  send({ type: "other", height: 5 }, frames[0]?.contentWindow);
  send(null, frames[0]?.contentWindow);
  assert.equal(frames[0]?.style.height, "");
});
