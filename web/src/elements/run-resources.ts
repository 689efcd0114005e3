// Where an element's run trains and finds its data: a training channel of the page's one worker
// pool (shared with every other element and the lab), and the bundled MNIST digits
// (element-data.ts: the package's copy, next to the script).

import { pagePool } from "../runtime/page-pool.js";
import type { WorkerPort } from "../runtime/worker-port.js";

export { ELEMENT_MNIST } from "./element-data.js";

/** A channel to a training worker of the page's pool, for one run. */
export function openTrainingPort(): WorkerPort {
  return pagePool().open("training");
}
