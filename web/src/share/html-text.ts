// Text placed into HTML that a person pastes into their page: attribute values and text escaped,
// and a start tag whose attributes go one per line when the tag would be long.

/** `text` with the five characters that HTML gives a meaning escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An attribute: `name="value"`, or the bare name for a boolean attribute that is on (true). */
export type Attribute = readonly [name: string, value: string | true];

/** The longest line a tag is written on before its attributes go one per line. */
export const LINE_WIDTH = 100;

/**
 * `<name a="…" b></name>`, escaped; its attributes one per line when it is longer than LINE_WIDTH
 * (unless `wrap` is false: a script tag reads best on one line, whatever its URL's length).
 */
export function elementHtml(name: string, attributes: readonly Attribute[], wrap = true): string {
  const parts = attributes.map(([a, v]) => (v === true ? a : `${a}="${escapeHtml(v)}"`));
  const end = `></${name}>`;
  const oneLine = `<${name}${parts.map((p) => ` ${p}`).join("")}${end}`;
  if (!wrap || oneLine.length <= LINE_WIDTH || parts.length < 2) return oneLine;
  return `<${name}\n${parts.map((p) => `  ${p}`).join("\n")}\n${end}`;
}
