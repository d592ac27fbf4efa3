/**
 * The scans (SOS segments) of a JPEG, counted before any decoder runs. A progressive JPEG may
 * legally send its picture in any number of scans, and both decoders Badgefolio uses
 * (libjpeg-turbo 2.0 in WebAssembly, jpeg-js) redo work for every one: a 300 KB file of
 * thousands of tiny scans keeps either busy for seconds. libjpeg-turbo 2.1 and later refuse
 * more than 500 (TJFLAG_LIMITSCANS); this applies the same limit in front of both.
 */
export const maxJpegScans = 500;

const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * The number of scans, counting stops just past `limit`. Segments are followed by their
 * lengths, and entropy-coded data is skipped with a native search for the next marker (0xFF
 * not followed by a stuffed 0x00 or a restart marker), so this costs about a copy of the file.
 * Damage ends the count: the decoder then says what is wrong.
 */
export function countJpegScans(bytes: Uint8Array, limit = maxJpegScans): number {
  let scans = 0;
  let at = 2;
  while (at + 1 < bytes.length && scans <= limit) {
    if (bytes[at] !== 0xff) break;
    while (bytes[at] === 0xff) at += 1;
    const marker = bytes[at] ?? 0xd9;
    at += 1;
    if (isStandalone(marker)) continue;
    if (marker === 0xd9) break; // end of image
    const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
    if (length < 2) break;
    at += length;
    if (marker !== 0xda) continue;
    scans += 1;
    // Entropy-coded data runs to the next marker that is not a stuffed byte or a restart.
    for (at = bytes.indexOf(0xff, at); at >= 0; at = bytes.indexOf(0xff, at + 1)) {
      const next = bytes[at + 1] ?? 0xd9;
      if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
    }
    if (at < 0) break;
  }
  return scans;
}
