/**
 * Covers go into the page as data URIs, so it opens offline and never calls the internet.
 * The renderer gets bytes (fetched by whoever renders) or nothing; the image type is read
 * from the bytes themselves, and anything that is not a plain picture is left out.
 */
export type CoverImages = ReadonlyMap<number, Uint8Array>;

/** A cover larger than this is left out: a page of ten covers should stay a few megabytes. */
export const MAX_COVER_BYTES = 400_000;

const SIGNATURES: { mime: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte) },
  { mime: 'image/gif', matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8' },
  { mime: 'image/webp', matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
];

/** The image type of a JPEG, PNG, GIF or WebP picture of at most MAX_COVER_BYTES; null for anything else. */
export function coverMime(bytes: Uint8Array | undefined): string | null {
  if (!bytes || bytes.length < 12 || bytes.length > MAX_COVER_BYTES) return null;
  return SIGNATURES.find((signature) => signature.matches(bytes))?.mime ?? null;
}

/** `data:image/…;base64,…` for a picture coverMime() accepts; null for anything else. */
export function coverDataUri(bytes: Uint8Array | undefined): string | null {
  const mime = coverMime(bytes);
  return mime && bytes ? `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}` : null;
}
