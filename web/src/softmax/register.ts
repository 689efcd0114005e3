// The softmax panel's entry point for the page (called by web/src/main.ts).

import "./softmax.css";
import type { ViewRegistry } from "../app/page-view.js";
import { SoftmaxView } from "./softmax-view.js";

export function registerSoftmaxView(registry: ViewRegistry): void {
  registry.register(new SoftmaxView());
}
