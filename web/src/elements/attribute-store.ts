// BRIDGE until H3b's attribute-store.ts lands (MILESTONE elements-base): only the key → attribute
// name mapping the run element's parser needs. Replaced by H3b's file at the merge.

/** A camelCase URL key as an HTML attribute name: `learningRate` → `learning-rate`. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
