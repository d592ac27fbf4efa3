import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../shared/encoding/base64';
import { FragmentError, decodeCredentialFragment, encodeCredentialFragment, maxFragmentCredentialBytes, verifierPageLink } from '../../../shared/portfolio/verifierFragment';

const jwt = new TextEncoder().encode('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl');

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof FragmentError ? error.reason : `other: ${String(error)}`;
  }
  return 'no error';
}

describe('a credential carried in a verifier link fragment', () => {
  it('carries the original bytes exactly, in URL-safe characters only', () => {
    const json = new TextEncoder().encode(JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], name: 'Käse 🧀 +/=' }, null, 2));
    for (const original of [jwt, json]) {
      const fragment = encodeCredentialFragment(original);
      expect(fragment).toMatch(/^vc1\.z\.[A-Za-z0-9_-]+$/);
      expect(decodeCredentialFragment(fragment)).toEqual(original);
      expect(decodeCredentialFragment(`#${fragment}`)).toEqual(original);
    }
  });

  it('builds the link on the verifier address, replacing any fragment it had', () => {
    const link = verifierPageLink('https://verify.example.org/badgefolio/#old', jwt);
    expect(link.startsWith('https://verify.example.org/badgefolio/#vc1.z.')).toBe(true);
    expect(decodeCredentialFragment(new URL(link).hash)).toEqual(jwt);
  });

  it('names what is wrong with a link that is not one of ours, damaged or too large', () => {
    expect(reasonOf(() => decodeCredentialFragment('#section-2'))).toBe('not-a-credential-link');
    expect(reasonOf(() => decodeCredentialFragment('vc1.q.AAAA'))).toBe('unknown-encoding');
    expect(reasonOf(() => decodeCredentialFragment('vc1.z.AAAAAAAA'))).toBe('damaged');
    const bomb = deflateSync(new Uint8Array(maxFragmentCredentialBytes + 1));
    const payload = bytesToBase64(bomb).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(reasonOf(() => decodeCredentialFragment(`vc1.z.${payload}`))).toBe('too-large');
  });
});
