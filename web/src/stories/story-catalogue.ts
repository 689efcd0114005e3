// The guided stories: one row per story, each a named configuration of the playground with the
// views that matter, the number of seeded mini-batches its figure is taken after, and which
// measured readout (story-readout.ts) states its claim. Pure data: menus, links, readouts and tests
// are derived from this table. The step counts and settings were chosen by measurement (see
// docs/playground.md, "Stories"); the e2e tests check each claim after exactly these steps.

import type { Settings } from "../state/settings.js";

/** What the story's readout measures in the current snapshot (story-readout.ts). */
export type StoryMeasure =
  /** ‖∂C/∂b²‖ / ‖∂C/∂bᴸ‖: how much slower the first hidden layer learns than the output layer. */
  | "depth-ratio"
  /** ‖δᴸ‖ = ‖∂C/∂bᴸ‖ and the output's mean σ′(zᴸ). */
  | "output-error"
  /** The share of hidden σ′(z) values that are saturated (or, for ReLU, exactly 0). */
  | "hidden-share";

interface PlaygroundStory {
  readonly id: string;
  /** Menu text. */
  readonly title: string;
  /** What to look at, in two or three sentences (facts about the story's own settings). */
  readonly explanation: string;
  /** Settings over the data set's preset; every other key keeps the preset's value. */
  readonly settings: Partial<Settings> & Pick<Settings, "dataset">;
  /** Seeded mini-batches the page fast-forwards to (the `steps=` key). */
  readonly steps: number;
  /** Element ids of the playground's view cards shown first, in this order. */
  readonly views: readonly string[];
  readonly measure: StoryMeasure;
  /** A variant to compare with: the same story with these settings changed. */
  readonly compare?: { readonly label: string; readonly settings: Partial<Settings> };
}

/** A story told by another tab: the menu links there. */
interface LinkedStory {
  readonly id: string;
  readonly title: string;
  readonly explanation: string;
  /** The hash of the other view's configuration. */
  readonly href: string;
}

/** What every playground story shares: its data, sigmoid output, mini-batch and seeds. */
const COMMON = {
  samples: 400,
  noise: 0.05,
  testFraction: 0.5,
  output: "sigmoid",
  batchSize: 10,
  dataSeed: 1,
  initSeed: 1,
} as const satisfies Partial<Settings>;

/** The deep network of the first two stories: the same spiral and layers, only σ, init, η differ. */
const DEEP = {
  ...COMMON,
  dataset: "spiral",
  hidden: [16, 16, 16, 16, 16, 16],
  cost: "cross-entropy",
} as const satisfies Partial<Settings>;

export const PLAYGROUND_STORIES = [
  {
    id: "vanishing",
    title: "Vanishing gradient: a deep sigmoid network",
    explanation:
      "Six sigmoid hidden layers on the spiral. Backprop multiplies by w·σ′(z) once per layer " +
      "(BP2), and σ′ of the sigmoid is at most 1/4, so the gradient shrinks on its way to the " +
      "first hidden layer: the early layers hardly learn, and the spiral is not learned.",
    settings: { ...DEEP, activation: "sigmoid", init: "scaled", learningRate: 0.3 },
    steps: 1500,
    views: ["view-gradients", "view-derivatives"],
    measure: "depth-ratio",
    compare: {
      label: "the remedy (ReLU + He)",
      settings: { activation: "relu", init: "he", learningRate: 0.04 },
    },
  },
  {
    id: "relu-he",
    title: "The remedy: ReLU with He initialisation",
    explanation:
      "The vanishing story's network, 6 hidden layers of 16, with ReLU units (ReLU′ = 1 where " +
      "active, 0 where inactive) and He initialisation N(0, 2/n_in), which keeps the size of the " +
      "signal from layer to layer; η is changed too, from 0.3 to 0.04. The readout states how the " +
      "first hidden layer's gradient compares with the output layer's.",
    settings: { ...DEEP, activation: "relu", init: "he", learningRate: 0.04 },
    steps: 1500,
    views: ["view-gradients", "view-boundary"],
    measure: "depth-ratio",
    compare: {
      label: "the sigmoid network",
      settings: { activation: "sigmoid", init: "scaled", learningRate: 0.3 },
    },
  },
  {
    id: "slowdown",
    title: "Learning slowdown: quadratic cost on a saturated output",
    explanation:
      "The large N(0, 1) initialisation with 32 sigmoid units per layer drives the output neuron " +
      "into saturation. With the quadratic cost, δᴸ = (aᴸ − y) σ′(zᴸ) (BP1) carries the tiny " +
      "σ′(zᴸ), so the output error, and every gradient behind it, is small: the network learns " +
      "slowly although it is badly wrong (Nielsen, chapter 3). Cross-entropy cancels that factor.",
    settings: {
      ...COMMON,
      dataset: "circle",
      hidden: [32, 32],
      activation: "sigmoid",
      cost: "quadratic",
      init: "large",
      learningRate: 0.3,
    },
    steps: 100,
    views: ["view-loss", "view-gradients"],
    measure: "output-error",
    compare: { label: "cross-entropy", settings: { cost: "cross-entropy" } },
  },
  {
    id: "saturation",
    title: "Saturation from the large N(0, 1) initialisation",
    explanation:
      "With weights drawn from N(0, 1), a neuron fed by 32 others can get |z| of several units, " +
      "where σ′(z) is nearly 0: such a unit is saturated and passes almost no gradient back. " +
      "Layer 2 sees only the 2 inputs, so it stays unsaturated; the readout gives each layer's " +
      "measured share. The scaled initialisation N(0, 1/n_in) keeps z near 0, where σ′ is largest.",
    settings: {
      ...COMMON,
      dataset: "spiral",
      hidden: [32, 32, 32, 32],
      activation: "sigmoid",
      cost: "cross-entropy",
      init: "large",
      learningRate: 0.3,
    },
    steps: 100,
    views: ["view-derivatives", "view-gradients"],
    measure: "hidden-share",
    compare: { label: "the scaled initialisation", settings: { init: "scaled" } },
  },
  {
    id: "dead-relu",
    title: "Dead ReLUs from a too-large learning rate",
    explanation:
      "The ReLU network of the remedy with η = 2 instead of 0.04: the first large steps push " +
      "biases so far negative that units output 0 for every input. Such a unit has σ′ = 0 " +
      "everywhere, passes no gradient and never recovers; when a whole layer dies, no gradient " +
      "reaches any layer before it, and the next layer's weights get none either (its input is " +
      "0): only its biases learn. The readout's share counts (unit, training point) pairs.",
    settings: { ...DEEP, activation: "relu", init: "he", learningRate: 2 },
    steps: 100,
    views: ["view-derivatives", "view-gradients"],
    measure: "hidden-share",
    compare: { label: "η = 0.04", settings: { learningRate: 0.04 } },
  },
] as const satisfies readonly PlaygroundStory[];

export const LINKED_STORIES = [
  {
    id: "exploding",
    title: "Exploding gradient: the chain lab",
    explanation:
      "Nielsen's exploding example in the chain lab: every weight 100 and the biases chosen so " +
      "that every z = 0, where the sigmoid's σ′ is largest (1/4). Each factor w·σ′(z) is 25, " +
      "so ∂C/∂b grows 25-fold with every layer towards the input.",
    // b₁ = −100·x and b_j = −100·σ(0) = −50 for j ≥ 2 put every z_j at 0 (x = 1).
    href: "#view=chain&chainAct=sigmoid&chainCost=quadratic&chainX=1&chainY=0&chainW=100,100,100,100&chainB=-100,-50,-50,-50",
  },
] as const satisfies readonly LinkedStory[];

export type Story = (typeof PLAYGROUND_STORIES)[number];
export type StoryId = Story["id"];
export type LinkedStoryId = (typeof LINKED_STORIES)[number]["id"];

export const STORY_IDS: readonly (StoryId | LinkedStoryId)[] = [
  ...PLAYGROUND_STORIES.map((s) => s.id),
  ...LINKED_STORIES.map((s) => s.id),
];

export function playgroundStory(id: string): Story | null {
  return PLAYGROUND_STORIES.find((s) => s.id === id) ?? null;
}

export function linkedStory(id: string): (typeof LINKED_STORIES)[number] | null {
  return LINKED_STORIES.find((s) => s.id === id) ?? null;
}
