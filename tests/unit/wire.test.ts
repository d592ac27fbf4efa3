import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64';
import { fromWire, toWire } from '../../shared/contract/wire';

describe('base64', () => {
  it('agrees with Node for every length from 0 to 300', () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = randomBytes(length);
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(bytes.toString('base64'));
      expect(Buffer.from(base64ToBytes(encoded)).equals(bytes)).toBe(true);
      expect(Buffer.from(base64ToBytes(bytes.toString('base64url'))).equals(bytes)).toBe(true);
    }
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base64ToBytes('ab$d')).toThrow(/character/);
    expect(() => base64ToBytes('abcde')).toThrow(/length/);
  });
});

describe('the harness wire format', () => {
  it('carries Node Buffers as bytes too (not as their toJSON form)', () => {
    const back = fromWire(toWire({ image: Buffer.from([1, 2, 3]) })) as { image: Uint8Array };
    expect(back.image).toBeInstanceOf(Uint8Array);
    expect([...back.image]).toEqual([1, 2, 3]);
  });

  it('carries bytes nested anywhere and leaves look-alike objects alone', () => {
    const value = {
      files: [{ name: 'badge.png', bytes: new Uint8Array([0, 1, 2, 255]) }],
      note: { $bytes: 'AAEC', other: true },
    };
    const back = fromWire(toWire(value)) as typeof value;
    expect(back.files[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect([...(back.files[0]?.bytes ?? [])]).toEqual([0, 1, 2, 255]);
    expect(back.note).toEqual({ $bytes: 'AAEC', other: true });
  });

  it('carries answers without bytes (a listing) and bytes deep down a long list unchanged', () => {
    const listing = { credentials: Array.from({ length: 500 }, (_, i) => ({ id: `c${String(i)}`, skills: [{ name: 'SQL' }], issuedOn: undefined })) };
    expect(fromWire(toWire(listing))).toEqual(JSON.parse(JSON.stringify(listing)));
    const late = { credentials: [...listing.credentials, { id: 'last', image: { bytes: new Uint8Array([9, 8]) } }] };
    const back = fromWire(toWire(late)) as { credentials: { image?: { bytes: Uint8Array } }[] };
    expect([...(back.credentials.at(-1)?.image?.bytes ?? [])]).toEqual([9, 8]);
    let deep: unknown = { bytes: new Uint8Array([7]) };
    for (let i = 0; i < 100; i++) deep = { inner: deep };
    let unwrapped = fromWire(toWire(deep)) as { inner?: unknown; bytes?: Uint8Array };
    while (unwrapped.inner) unwrapped = unwrapped.inner;
    expect(unwrapped.bytes).toBeInstanceOf(Uint8Array);
  });
});
