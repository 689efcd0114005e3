// Types of `gradscope/elements` (the custom elements' entry; shipped in the package next to
// gradscope-elements.js). Importing the module registers the elements; these declarations make
// `document.querySelector("gradscope-run")` a GradscopeRunElement in TypeScript.
//
// Every attribute is also a string property (null when absent; setting null removes it):
// `learning-rate` ↔ `learningRate`. Attributes and properties reflect the element's state.
// A name HTMLElement already has keeps its HTMLElement meaning (e.g. `dataset`: that attribute
// of <gradscope-run> is read with getAttribute).

/** What every <gradscope-*> element has. */
export declare abstract class GradscopeElement extends HTMLElement {
  /** Resolves when the element's content is built (its code loads on first connect). */
  readonly ready: Promise<void>;
  /** The problem lines shown in the element (bad attribute values, named by attribute). */
  readonly problems: string[];
  /** Shows a line in the element's problem box (part="problems") and warns on the console. */
  report(message: string): void;
  clearProblems(): void;
}

/** The summary numbers of one snapshot of a run. */
export interface GradscopeStepDetail {
  /** Mini-batches trained so far. */
  step: number;
  epoch: number;
  train: GradscopeMeasures;
  test: GradscopeMeasures;
}

/**
 * A run's figures on one set: classification gives the loss and the accuracy (0 … 1);
 * regression the loss, the mean squared error and R² (NaN for constant targets), and no accuracy.
 */
export type GradscopeMeasures =
  { loss: number; accuracy: number } | { loss: number; mse: number; r2: number };

/** The numbers when a run's loss stopped being finite (the run is paused). */
export interface GradscopeDivergedDetail {
  step: number;
  train: { loss: number };
  test: { loss: number };
}

export interface GradscopeRunEventMap extends HTMLElementEventMap {
  /** After each snapshot; bubbles and crosses shadow roots. */
  "gradscope-step": CustomEvent<GradscopeStepDetail>;
  /** Once, when the loss becomes NaN or infinite; bubbles and crosses shadow roots. */
  "gradscope-diverged": CustomEvent<GradscopeDivergedDetail>;
}

/** The settings a run trains with (the playground's, by URL key). */
export interface GradscopeRunSettings {
  dataset: string;
  noise: number;
  samples: number;
  testFraction: number;
  /** Neurons per hidden layer. */
  hidden: number[];
  activation: string;
  output: string;
  cost: string;
  init: string;
  learningRate: number;
  batchSize: number;
  l2: number;
  dataSeed: number;
  initSeed: number;
  speed: number;
}

/**
 * <gradscope-run id config steps autoplay controls …>: one training run, shown by
 * <gradscope-view run="id" name="…"> elements. `config` takes the playground's URL syntax for run
 * settings (dataset=spiral&hidden=8,8&…); a setting's own attribute beats `config`. Each setting
 * is an attribute in kebab case (learning-rate, batch-size, data-seed, …), except the hidden
 * layers: `hidden-layers="8,8"` (HTML's own `hidden` attribute hides an element). The
 * `dataset` attribute has no property of that name (HTMLElement's `dataset` is the data-*
 * map): use the attribute or `settings.dataset`. A run pauses while it and all its views are
 * scrolled out of view, and plays on when one is back.
 */
export declare class GradscopeRunElement extends GradscopeElement {
  /** Run settings in the playground's URL syntax. */
  config: string | null;
  /** Fast-forward a fresh run to exactly this many mini-batches, show, and pause (0: none). */
  steps: number;
  /** Start training when loaded (ignored under prefers-reduced-motion). */
  autoplay: boolean;
  /** Comma-separated controls shown: play, step, reset, new-data, new-weights, settings. */
  controls: string | null;
  noise: string | null;
  samples: string | null;
  testFraction: string | null;
  /** The hidden layers' sizes, e.g. "8,8" (attribute hidden-layers). */
  hiddenLayers: string | null;
  activation: string | null;
  output: string | null;
  cost: string | null;
  init: string | null;
  learningRate: string | null;
  batchSize: string | null;
  l2: string | null;
  dataSeed: string | null;
  initSeed: string | null;
  speed: string | null;
  /** True while the run trains. */
  readonly running: boolean;
  /** The settings the run trains with (a copy), null until it is built. */
  readonly settings: GradscopeRunSettings | null;
  play(): void;
  pause(): void;
  reset(): void;
  /** Pauses and trains `n` mini-batches (an integer 1 … 1000, default 1; RangeError otherwise). */
  step(n?: number): void;
  addEventListener<K extends keyof GradscopeRunEventMap>(
    type: K,
    listener: (this: GradscopeRunElement, event: GradscopeRunEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof GradscopeRunEventMap>(
    type: K,
    listener: (this: GradscopeRunElement, event: GradscopeRunEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** <gradscope-view run="<run id>" name="<view id>">: one view of a run. */
export declare class GradscopeViewElement extends GradscopeElement {
  /** The id of the <gradscope-run> element this view shows. */
  run: string | null;
  /** A view id of the catalogue: activation-curves, gradient-norms, network, backprop, … */
  name: string | null;
  /** The time charts' x axis: step or epoch (gradient-norms and loss-accuracy). */
  time: string | null;
  /** The gradient lines' moving-average window: 0, 5, 20 or 50. */
  smooth: string | null;
  /** decision-boundary: "0" hides the test points (attribute show-test; default "1"). */
  showTest: string | null;
  /** decision-boundary: "1" paints flat class regions or value bands (default "0"). */
  discretize: string | null;
}

/**
 * <gradscope-playground config="…">: the whole playground in one element; `config` takes the
 * playground's URL hash (settings, steps, autoplay, story, time, smooth) and follows its changes.
 */
export declare class GradscopePlaygroundElement extends GradscopeElement {
  config: string | null;
}

/** <gradscope-chain>: the chain lab (one neuron per layer, Nielsen chapter 5). */
export declare class GradscopeChainElement extends GradscopeElement {
  /** The number of neurons, 2 … 10 (resizes the chain: new neurons get w = 1, b = 0). */
  neurons: string | null;
  /** sigmoid, tanh, relu, leaky-relu or identity. */
  activation: string | null;
  /** A cost the activation takes, e.g. quadratic or cross-entropy. */
  cost: string | null;
  /** Comma-separated w₁ … wₙ. */
  weights: string | null;
  /** Comma-separated b₁ … bₙ. */
  biases: string | null;
  /** The input a₀. */
  x: string | null;
  /** The target y. */
  y: string | null;
}

/** <gradscope-softmax logits target nudge>: the softmax panel (Nielsen chapter 3). */
export declare class GradscopeSoftmaxElement extends GradscopeElement {
  /** Comma-separated z₁ … zₙ, 2 … 10 of them. */
  logits: string | null;
  /** The target class t, 1 … n. */
  target: string | null;
  /** "j:h": logit j moved by h. */
  nudge: string | null;
}

/** <gradscope-vanishing lab-hidden …>: the deep-network experiment on MNIST (Nielsen chapter 5). */
export declare class GradscopeVanishingElement extends GradscopeElement {
  labHidden: string | null;
  labSamples: string | null;
  labWidth: string | null;
  labSeed: string | null;
  labEpochs: string | null;
  labBatch: string | null;
  labRate: string | null;
  labL2: string | null;
  /** Comma-separated variant ids: book, relu-he, tanh, leaky-relu-he, large. */
  labVariants: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "gradscope-run": GradscopeRunElement;
    "gradscope-view": GradscopeViewElement;
    "gradscope-playground": GradscopePlaygroundElement;
    "gradscope-chain": GradscopeChainElement;
    "gradscope-softmax": GradscopeSoftmaxElement;
    "gradscope-vanishing": GradscopeVanishingElement;
  }
  interface HTMLElementEventMap {
    "gradscope-step": CustomEvent<GradscopeStepDetail>;
    "gradscope-diverged": CustomEvent<GradscopeDivergedDetail>;
  }
}
