// Lecture mode (present=1) is a page-level switch: a link the page follows itself (a story told
// by another tab) keeps it, so the lecture does not drop out of it on the way.

/**
 * `hash` ("#key=value&…") with `present=1` added when `current` (the page's parameters) has
 * present=1 and `hash` does not say present itself.
 */
export function carryPresent(hash: string, current: URLSearchParams): string {
  const target = new URLSearchParams(hash.replace(/^#/, ""));
  if (current.get("present") !== "1" || target.has("present")) return hash;
  const body = hash.replace(/^#/, "");
  return `#${body}${body === "" ? "" : "&"}present=1`;
}
