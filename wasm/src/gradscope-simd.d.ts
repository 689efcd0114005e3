// Types of the Emscripten-generated loader gradscope-simd.js (built by wasm/CMakeLists.txt).
import type { ModuleFactory } from "./raw-module.js";
declare const createGradscopeModule: ModuleFactory;
export default createGradscopeModule;
