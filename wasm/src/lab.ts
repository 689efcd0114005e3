// The vanishing-gradient lab's part of the public API (re-exported by index.ts): the chain types
// and the chapter-5 experiment.
export type {
  Chain,
  ChainNeuron,
  ChainOptions,
  ChainProduct,
  ChainTerm,
  ChainTermKind,
} from "./chain.js";
export { MAX_CHAIN_LENGTH } from "./chain.js";
export {
  hiddenLayerSpeeds,
  resolveVanishingOptions,
  sliceDataset,
  speedRatio,
  vanishingRun,
} from "./vanishing.js";
export type { NetworkFactory, VanishingOptions, VanishingPoint } from "./vanishing.js";
