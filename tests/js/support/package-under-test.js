// The package as built into wasm/dist by scripts/build-package.sh (the install test uses the
// packed tarball instead).
export { init, simdSupported, GradscopeError } from '../../../wasm/dist/index.js';
