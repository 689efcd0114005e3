// Gzip bombs for the decompression-limit tests (tests/js and tests/e2e): `head` followed by zeros
// up to `inflatedBytes`, compressed ~1,000:1 (1 GiB → ~1 MB), built in well under a second. Each
// MiB of zeros is deflated once with a full flush (which resets the compressor's window), so the
// same bytes can be repeated; the trailer's CRC-32 and length are the real ones.
import zlib from "node:zlib";

const MIB = 1 << 20;

/** A valid gzip file that inflates to `head` then zeros, `inflatedBytes` in all. */
export function gzipBomb(head, inflatedBytes) {
  if (inflatedBytes % MIB !== 0 || head.length > MIB) throw new Error("whole MiB, short head");
  const full = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const first = Buffer.alloc(MIB);
  Buffer.from(head).copy(first);
  const zeros = Buffer.alloc(MIB);
  const zerosDeflated = zlib.deflateRawSync(zeros, full);
  const parts = [
    Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]), // gzip header: deflate, no name, no time
    zlib.deflateRawSync(first, full),
  ];
  let crc = zlib.crc32(first);
  for (let done = MIB; done < inflatedBytes; done += MIB) {
    parts.push(zerosDeflated);
    crc = zlib.crc32(zeros, crc);
  }
  parts.push(zlib.deflateRawSync(Buffer.alloc(0))); // the final (empty) block
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(inflatedBytes % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** An IDX header: type 0x08 (unsigned bytes) and the given dims. */
export function idxHeader(dims) {
  const h = Buffer.alloc(4 + 4 * dims.length);
  h[2] = 0x08;
  h[3] = dims.length;
  dims.forEach((d, i) => h.writeUInt32BE(d, 4 + 4 * i));
  return h;
}
