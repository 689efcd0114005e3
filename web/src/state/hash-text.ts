// The text of a hash ("key=value&…") as the page writes it: percent-encoded, but commas and colons
// kept readable, so "hidden=6,6" stays "hidden=6,6" and "sample=train:12" stays "sample=train:12"
// (both are allowed in a fragment). One place, for the page's URL and the links it hands out.

export function hashText(params: URLSearchParams): string {
  return [...params]
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":")}`,
    )
    .join("&");
}
