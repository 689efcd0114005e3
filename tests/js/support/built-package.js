// The package as built into wasm/dist by scripts/build-package.sh (the install test uses the
// packed tarball instead).
import { after, before } from "node:test";

import { init } from "../../../wasm/dist/index.js";

export { init, compileWasm, simdSupported, GradscopeError } from "../../../wasm/dist/index.js";

/**
 * One module instance for a test file, loaded before its tests (`shared.gs`), and every network
 * made through `shared.network(options)` or handed to `shared.track(net)`, disposed after them
 * (house rule: tests free what they create).
 */
export function sharedModule() {
  const created = [];
  const shared = {
    gs: undefined,
    track(net) {
      created.push(net);
      return net;
    },
    network(options) {
      return shared.track(shared.gs.createNetwork(options));
    },
  };
  before(async () => {
    shared.gs = await init();
  });
  after(() => created.forEach((net) => net.dispose()));
  return shared;
}
