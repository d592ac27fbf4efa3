import { describe, expect, it } from 'vitest';
import { countJpegScans, maxJpegScans } from '../../../electron/images/jpegScans';
import { decodeJpegGray } from '../../../electron/intake/certificate/rasterDecode';
import { defaultIntakeLimits, MalformedInputError } from '../../../electron/intake/limits';
import { prepareImageNode } from '../../../electron/portfolio/prepareImage';
import { encodeJpeg, paper } from '../certificate/inputs';

/** A JPEG written by jpeg-js (one scan), then the same with its scan repeated `times` times. */
function withScans(times: number): { one: Uint8Array; many: Uint8Array } {
  const one = encodeJpeg(paper(300, 200, { grain: 40, marks: 200 }), 90);
  const sos = one.findIndex((value, index) => value === 0xff && one[index + 1] === 0xda);
  const scan = one.subarray(sos, one.length - 2); // up to the end-of-image marker
  const many = new Uint8Array(sos + scan.length * times + 2);
  many.set(one.subarray(0, sos));
  for (let i = 0; i < times; i++) many.set(scan, sos + i * scan.length);
  many.set([0xff, 0xd9], many.length - 2);
  return { one, many };
}

describe('JPEG scans, counted before decoding', () => {
  it('counts the scans of a JPEG, skipping its entropy-coded data (stuffed 0xFF bytes included)', () => {
    const { one, many } = withScans(7);
    expect(one.some((value, index) => value === 0xff && one[index + 1] === 0x00)).toBe(true);
    expect(countJpegScans(one)).toBe(1);
    expect(countJpegScans(many)).toBe(7);
    // Cut short: what was seen, no error.
    expect(countJpegScans(many.subarray(0, Math.floor(many.length / 2)))).toBeLessThanOrEqual(4);
    expect(countJpegScans(new Uint8Array([0xff, 0xd8]))).toBe(0);
  });

  it('refuses a JPEG sent in more passes than the limit, in intake and in the portfolio, before any decoder runs', async () => {
    const { one, many } = withScans(maxJpegScans + 20);
    expect(countJpegScans(many)).toBe(maxJpegScans + 1);
    expect(() => decodeJpegGray(many, defaultIntakeLimits)).toThrow(MalformedInputError);
    expect(() => decodeJpegGray(many, defaultIntakeLimits)).toThrow('The JPEG image is sent in more than 500 passes, far more than any picture needs, so it was not read.');
    expect(decodeJpegGray(one, defaultIntakeLimits)).toMatchObject({ width: 300, height: 200 });
    // The PDF builder and thumbnails draw a placeholder instead (null), and still shrink the ordinary one.
    expect(await prepareImageNode({ bytes: many, mediaType: 'image/jpeg' }, { maxPixels: 64, maxBytes: 1 })).toBeNull();
    expect(await prepareImageNode({ bytes: one, mediaType: 'image/jpeg' }, { maxPixels: 64, maxBytes: 1 })).not.toBeNull();
  });

  it('decodes a JPEG just over twice the searched size in full, so halving still gives the search its 2048 pixels', () => {
    // libjpeg-turbo would make 2049 of 4097 at half size, which the search would halve again to 1024.
    const wide = encodeJpeg(paper(4097, 40), 80);
    expect(decodeJpegGray(wide, defaultIntakeLimits, 2048).width).toBe(4097);
    // 4096 halves to exactly 2048: decoded at half size.
    const even = encodeJpeg(paper(4096, 40), 80);
    expect(decodeJpegGray(even, defaultIntakeLimits, 2048).width).toBe(2048);
  });
});
