// Finds the lab's registration module if it exists. Vite resolves the glob at build time: with no
// web/src/lab/register.ts the map is empty and the page shows the playground alone.

import type { ViewRegistry } from "./page-view.js";

interface LabModule {
  /** Adds the lab's views (see page-view.ts for the contract). */
  registerViews(registry: ViewRegistry): void;
}

export function registerLabViews(registry: ViewRegistry): void {
  const modules = import.meta.glob<LabModule>("../lab/register.ts", { eager: true });
  for (const mod of Object.values(modules)) mod.registerViews(registry);
}
