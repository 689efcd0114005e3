// Bytes from a URL, for the IDX files the page loads (gzipped or plain: the package's inflateIdx
// tells them apart and inflates them within a limit).

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
