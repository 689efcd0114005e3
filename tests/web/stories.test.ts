// The story catalogue, its settings (explicit keys over the story's), its readouts (computed from
// the measured layers, for every story's measure) and the page keys steps/autoplay/story/present.
import assert from "node:assert/strict";
import { formatRatio } from "../../web/src/views/learning-speed-summary.js";
import { test } from "node:test";
import { PLAYGROUND_CARDS } from "../../web/src/embed/playground-cards.js";
import { parsePageKeys, writePageKeys } from "../../web/src/state/page-keys.js";
import { parseSettings, SETTINGS_TABLE } from "../../web/src/state/settings.js";
import { sameState } from "../../web/src/state/url-table.js";
import {
  LINKED_STORIES,
  PLAYGROUND_STORIES,
  STORY_IDS,
} from "../../web/src/stories/story-catalogue.js";
import {
  layerList,
  storyReadout,
  type MeasuredLayer,
} from "../../web/src/stories/story-readout.js";
import {
  changedFromStory,
  parseStorySettings,
  storySettings,
} from "../../web/src/stories/story-settings.js";

test("every story is a valid configuration: its settings read back unchanged from a link", () => {
  assert.equal(new Set(STORY_IDS).size, STORY_IDS.length);
  for (const story of PLAYGROUND_STORIES) {
    const own = storySettings(story);
    const { value, problems } = parseStorySettings(new URLSearchParams(), story);
    assert.deepEqual(problems, [], story.id);
    assert.ok(sameState(SETTINGS_TABLE, value, own), story.id);
    assert.deepEqual(changedFromStory(story, value), []);
    assert.ok(story.steps > 0 && story.views.length >= 1 && story.views.length <= 2);
    const compared = parseSettings(new URLSearchParams({ ...story.compare.settings } as never));
    assert.deepEqual(compared.problems, [], `${story.id}'s comparison`);
  }
  for (const s of LINKED_STORIES) assert.match(s.href, /^#view=/);
});

test("the deep sigmoid story has 6+ hidden layers on the spiral; explicit keys win over a story's", () => {
  const vanishing = PLAYGROUND_STORIES.find((s) => s.id === "vanishing");
  assert.ok(vanishing);
  assert.equal(vanishing.settings.dataset, "spiral");
  assert.ok(vanishing.settings.hidden.length >= 6);
  const slowdown = PLAYGROUND_STORIES.find((s) => s.id === "slowdown");
  assert.ok(slowdown);
  const { value } = parseStorySettings(
    new URLSearchParams("cost=cross-entropy&initSeed=7"),
    slowdown,
  );
  assert.equal(value.cost, "cross-entropy");
  assert.equal(value.initSeed, 7);
  assert.equal(value.init, "large");
  assert.deepEqual(changedFromStory(slowdown, value), ["cost", "initSeed"]);
  // An old link's seed=N sets both seeds over the story's, unless the link names one itself.
  const old = parseStorySettings(new URLSearchParams("seed=9&dataSeed=4"), slowdown).value;
  assert.deepEqual([old.dataSeed, old.initSeed], [4, 9]);
});

test("page keys: steps, autoplay, story and present parse, refuse bad values and write back", () => {
  const { value, problems } = parsePageKeys(
    new URLSearchParams("steps=2000&autoplay=1&story=vanishing&present=1"),
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(value, {
    view: "",
    steps: 2000,
    autoplay: true,
    story: "vanishing",
    present: true,
    // The embed mode's keys, at their defaults.
    embed: false,
    show: [...PLAYGROUND_CARDS],
    controls: null,
  });
  const bad = parsePageKeys(new URLSearchParams("steps=-1&autoplay=yes&story=nope&present=2"));
  assert.equal(bad.problems.length, 4);
  assert.match(bad.problems.join("\n"), /steps: "-1" is outside/);
  assert.match(bad.problems.join("\n"), /story: "nope" is not one of vanishing/);
  assert.equal(bad.value.steps, 0);
  const params = new URLSearchParams("dataset=xor");
  writePageKeys({ ...value, autoplay: false }, params);
  assert.equal(params.toString(), "dataset=xor&steps=2000&story=vanishing&present=1");
});

const layer = (l: number, rows: number, b: number, sat: number, sp = 0.2): MeasuredLayer => ({
  layer: l,
  rows,
  biasGradNorm: b,
  saturatedFraction: sat,
  meanAbsActDeriv: sp,
});
const base = storySettings(PLAYGROUND_STORIES[0]);

test("depth-ratio readout: the ratio of the first hidden layer's and the output layer's ‖∂C/∂b‖", () => {
  const slow = storyReadout(
    "depth-ratio",
    1500,
    [layer(2, 4, 1e-6, 0), layer(3, 1, 1e-2, 0)],
    base,
  );
  assert.equal(slow.values.ratio, 1e-6 / 1e-2);
  assert.match(
    slow.text,
    /^At step 1,500: ‖∂C\/∂b²‖ \/ ‖∂C\/∂b³‖ = 1\.00e-4\. The first hidden layer learns 1\.0·10⁴× slower than the output layer\.$/,
  );
  const near = storyReadout("depth-ratio", 5, [layer(2, 4, 0.3, 0), layer(9, 1, 0.1, 0)], base);
  assert.match(
    near.text,
    /b⁹‖ = 3\. The first hidden layer's gradient is 3\.0× the output layer's: within 10× of/,
  );
  const none = storyReadout("depth-ratio", 5, [layer(2, 4, 0, 0), layer(3, 1, 0.1, 0)], base);
  assert.match(none.text, /No gradient reaches the first hidden layer/);
  const big = storyReadout("depth-ratio", 5, [layer(2, 4, 50, 0), layer(3, 1, 0.1, 0)], base);
  assert.match(big.text, /is 500× the output layer's\.$/);
  // The same ratio format as the gradient card's summary (formatRatio), not "17190×".
  const r = 1 / 17190;
  const far = storyReadout("depth-ratio", 5, [layer(2, 4, r, 0), layer(3, 1, 1, 0)], base);
  assert.ok(far.text.includes(`learns ${formatRatio(17190)}× slower`), far.text);
  assert.ok(far.text.includes("1.7·10⁴× slower"), far.text);
  const slower = storyReadout("depth-ratio", 5, [layer(2, 4, 0.25, 0), layer(3, 1, 1, 0)], base);
  assert.match(slower.text, /learns 4\.0× slower than the output layer: within 10×/);
});

test("output-error readout: names BP1's form for the chosen cost after a sigmoid output", () => {
  const layers = [layer(2, 4, 0.1, 0), layer(3, 1, 0.005, 0, 0.018)];
  const q = storyReadout("output-error", 100, layers, { ...base, cost: "quadratic" });
  assert.deepEqual(q.values, { step: 100, outputError: 0.005, outputSigmaPrime: 0.018 });
  assert.match(
    q.text,
    /‖δ³‖ = ‖∂C\/∂b³‖ = 0\.005; mean σ′\(z³\) of the output neuron = 0\.018 \(at most 0\.25\)/,
  );
  assert.match(q.text, /quadratic cost keeps σ′/);
  const ce = storyReadout("output-error", 100, layers, { ...base, cost: "cross-entropy" });
  assert.match(ce.text, /Cross-entropy cancels σ′/);
  const soft = storyReadout("output-error", 100, layers, {
    ...base,
    output: "softmax",
    cost: "log-likelihood",
  });
  assert.doesNotMatch(soft.text, /quadratic|cancels/);
});

test("hidden-share readout: the neuron-weighted share, 'inactive' for ReLU, and silent layers", () => {
  const layers = [layer(2, 10, 0, 1), layer(3, 30, 0.1, 0.5), layer(4, 1, 0.1, 0)];
  const relu = storyReadout("hidden-share", 100, layers, { ...base, activation: "relu" });
  assert.equal(relu.values.hiddenShare, (10 * 1 + 30 * 0.5) / 40);
  assert.match(
    relu.text,
    /62\.5% of the hidden \(unit, training point\) pairs have ReLU′\(z\) = 0 \(inactive/,
  );
  assert.match(
    relu.text,
    /by layer 2: 100\.0%, 3: 50\.0%\. Most in layer 2 \(100\.0%\), fewest in layer 3 \(50\.0%\)\. Layers with exactly zero gradient: 2\./,
  );
  const sig = storyReadout("hidden-share", 100, layers, { ...base, activation: "sigmoid" });
  assert.match(sig.text, /pairs have σ′\(z\) below 1 % of its maximum \(saturated\)/);
  assert.equal(layerList([2, 3, 4, 5, 7, 9, 10]), "2–5, 7, 9, 10");
});

test("the stories' texts say what changed and claim only what their numbers support", () => {
  const story = (id: string) => PLAYGROUND_STORIES.find((s) => s.id === id)!;
  const reluHe = story("relu-he").explanation;
  assert.ok(reluHe.includes("6 hidden layers") && reluHe.includes("from 0.3 to 0.04"), reluHe);
  assert.doesNotMatch(reluHe, /at the output layer's size|σ′ = 1/);
  const sat = story("saturation").explanation;
  // Layer 2 sees 2 inputs (0 % saturated): no blanket "its σ′ is nearly 0".
  assert.ok(sat.includes("Layer 2 sees only the 2 inputs"), sat);
  assert.doesNotMatch(sat, /its σ′\(z\) is nearly 0/);
  const dead = story("dead-relu").explanation;
  assert.ok(dead.includes("only its biases learn") && dead.includes("(unit, training point)"));
  // The slowdown is about the output error and the loss: the loss view comes first.
  assert.equal(story("slowdown").views[0], "view-loss");
});
