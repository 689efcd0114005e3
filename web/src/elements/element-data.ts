// The bundled MNIST digits for the elements: the package's copy, found relative to this script
// (new URL(…, import.meta.url), which Vite — ours, or an app's bundling the package — emits as
// files), so the elements find them from any page on any sub-path.

import type { IdxUrls } from "../model/bundled-mnist.js";

export const ELEMENT_MNIST: IdxUrls = {
  imagesUrl: new URL("../../../wasm/dist/data/mnist-10k-images-idx3-ubyte.gz", import.meta.url)
    .href,
  labelsUrl: new URL("../../../wasm/dist/data/mnist-10k-labels-idx1-ubyte.gz", import.meta.url)
    .href,
};
