// IDX files arrive gzipped (the bundled digits, Yann LeCun's and Fashion-MNIST's downloads) or
// plain. This is the one place that tells them apart and inflates them, with a limit: a 1 MB gzip
// can inflate to 1 GB, so the output is streamed and stops at the size the IDX header declares
// (never more than IDX_MAX_BYTES). DecompressionStream exists in Node ≥ 18 and every browser.
import { GradscopeError } from "./checked-call.js";

/**
 * The most bytes an IDX file may hold once inflated: 128 MiB. Fashion-MNIST's training images
 * (60,000 × 28 × 28 + 16 = 47,040,016 bytes) fit with room; idxDataset turns each byte into a
 * 4-byte float, and 4 × 128 MiB still fits the module's 2 GB heap.
 */
export const IDX_MAX_BYTES = 128 * 1024 * 1024;

/**
 * Compressed bytes fed to the decompressor per step. Deflate expands at most ~1,032×, so one step
 * yields at most ~4 MB however hostile the input: the limit is checked between steps.
 */
const INPUT_SLICE = 4096;

/** Bytes per element of each IDX type code (LeCun's format: 0x08 ubyte … 0x0E double). */
const ELEMENT_BYTES: Readonly<Record<number, number>> = {
  0x08: 1,
  0x09: 1,
  0x0b: 2,
  0x0c: 4,
  0x0d: 4,
  0x0e: 8,
};

/** gzip's magic number 1f 8b; an IDX file begins with two zero bytes. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * The whole size an IDX file declares (magic, dims and data), once `head` holds its first
 * 4 + 4 × ndims bytes; undefined while more bytes are needed. Computed in float64, so a product
 * of dims cannot wrap. Malformed magic numbers yield 0: parseIdx names the fault.
 */
export function idxDeclaredBytes(head: Uint8Array): number | undefined {
  if (head.length < 4) return undefined;
  const element = ELEMENT_BYTES[head[2] as number];
  const ndims = head[3] as number;
  if (head[0] !== 0 || head[1] !== 0 || element === undefined || ndims === 0) return 0;
  const headerBytes = 4 + 4 * ndims;
  if (head.length < headerBytes) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, headerBytes);
  let total = element;
  for (let d = 0; d < ndims; d++) total *= view.getUint32(4 + 4 * d);
  return headerBytes + total;
}

/** Hands `bytes` to a stream INPUT_SLICE at a time, only as fast as the reader pulls. */
function slicedStream(bytes: Uint8Array): ReadableStream<BufferSource> {
  let at = 0;
  return new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(at, at + INPUT_SLICE));
        at += INPUT_SLICE;
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Inflates gzipped IDX bytes; plain bytes pass through (a server may have decoded the .gz
 * already). Stops with a GradscopeError naming `name` as soon as the output passes the size its
 * IDX header declares or `maxBytes` (default IDX_MAX_BYTES), so memory stays bounded by that size.
 */
export async function inflateIdx(
  bytes: Uint8Array,
  name = "IDX file",
  maxBytes: number = IDX_MAX_BYTES,
): Promise<Uint8Array> {
  if (!(bytes instanceof Uint8Array)) throw new GradscopeError(`${name} must be a Uint8Array`);
  if (!isGzip(bytes)) {
    if (bytes.length > maxBytes) {
      throw new GradscopeError(
        `${name} holds ${mib(bytes.length)}, over the ${mib(maxBytes)} limit`,
      );
    }
    return bytes;
  }
  const reader = slicedStream(bytes).pipeThrough(new DecompressionStream("gzip")).getReader();
  let head = new Uint8Array(0); // the first bytes, until the header's size is known
  let out: Uint8Array | null = null;
  let length = 0;
  const refuse = async (message: string): Promise<never> => {
    await reader.cancel().catch(() => undefined);
    throw new GradscopeError(`${name}: ${message}`);
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      throw new GradscopeError(
        `${name}: not a valid gzip file (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    if (chunk.done) break;
    const piece = chunk.value;
    if (!out) {
      const joined = new Uint8Array(head.length + piece.length);
      joined.set(head);
      joined.set(piece, head.length);
      head = joined;
      const declared = idxDeclaredBytes(head);
      if (declared === undefined) continue;
      // A malformed header (0): keep its first bytes for parseIdx's message, nothing more.
      const limit = declared === 0 ? Math.min(head.length, 64) : declared;
      if (limit > maxBytes) {
        return refuse(
          `its IDX header declares ${mib(limit)}, over the ${mib(maxBytes)} limit for IDX files`,
        );
      }
      out = new Uint8Array(limit);
      if (head.length > limit) {
        if (declared === 0) {
          out.set(head.subarray(0, limit));
          length = limit;
          break;
        }
        return refuse(`inflates to more than the ${declared} bytes its IDX header declares`);
      }
      out.set(head);
      length = head.length;
      continue;
    }
    if (length + piece.length > out.length) {
      return refuse(`inflates to more than the ${out.length} bytes its IDX header declares`);
    }
    out.set(piece, length);
    length += piece.length;
  }
  await reader.cancel().catch(() => undefined);
  return out ? out.subarray(0, length) : head;
}
