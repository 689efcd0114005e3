// IDX files arrive gzipped (the bundled digits, Yann LeCun's and Fashion-MNIST's downloads) or
// plain; gzip's magic number 1f 8b tells them apart (IDX begins with two zero bytes). A server
// that already decoded a .gz (Content-Encoding) hands over plain bytes, which pass through.

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzipIfNeeded(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new Error(
      `${name}: not a valid gzip file (${e instanceof Error ? e.message : String(e)})`,
      { cause: e },
    );
  }
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
