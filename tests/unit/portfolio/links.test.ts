import { describe, expect, it } from 'vitest';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { linkedInAddCertificationUrl } from '../../../shared/portfolio/linkedIn';
import { bestVerificationLink } from '../../../shared/portfolio/verificationLink';
import { FontFileError, toSfnt } from '../../../shared/portfolio/woff';
import { bytesInLink } from '../../support/pdfLinks';

function credential(overrides: Partial<NormalizedCredential> = {}, verification: Partial<NormalizedCredential['verification']> = {}): NormalizedCredential {
  return {
    identity: 'urn:uuid:1',
    contentHash: '0',
    format: 'ob3',
    container: 'json',
    kind: 'badge',
    types: [],
    name: 'Data Analysis & Python',
    issuer: { name: 'Example Academy' },
    issuedOn: '2024-09-15T09:00:00Z',
    expires: '2027-03-01T00:00:00Z',
    evidence: [],
    skills: [],
    credits: [],
    endorsements: [],
    tags: [],
    childIdentities: [],
    associations: [],
    verification: { signature: 'data-integrity', keyRefs: [], proofTypes: [], statusEntries: [], links: [], ...verification },
    selfReported: false,
    original: { fileName: 'a.json', mediaType: 'application/json', bytes: new Uint8Array([123, 125]) },
    notes: [],
    ...overrides,
  };
}

describe('bestVerificationLink', () => {
  it('prefers the hosted assertion, then the badge page, then the https id, then the verifier', () => {
    const id = 'https://badges.example.org/c/1';
    const page = 'https://academy.example.org/achievements/data';
    expect(bestVerificationLink(credential({ id }, { hostedUrl: 'https://host.example.org/a.json', links: [id, page] }))?.kind).toBe('hosted');
    expect(bestVerificationLink(credential({ id }, { links: [id, page] }))).toMatchObject({ url: page, kind: 'badge-page' });
    expect(bestVerificationLink(credential({ id }, { links: [id] }))).toMatchObject({ url: id, kind: 'credential-id' });
    expect(bestVerificationLink(credential())).toBeUndefined();
    // The verifier page carries the credential's original bytes in the link's fragment.
    const viaVerifier = bestVerificationLink(credential(), 'https://verify.example.net/');
    expect(viaVerifier?.kind).toBe('verifier');
    expect(viaVerifier?.url.startsWith('https://verify.example.net/#vc1.z.')).toBe(true);
    expect(bytesInLink(viaVerifier?.url ?? '')).toEqual(new Uint8Array([123, 125]));
  });

  it('never offers an http, javascript or malformed address', () => {
    for (const hostedUrl of ['http://host.example.org/a', 'javascript:alert(1)', 'https://', 'https://exa mple.org/']) {
      expect(bestVerificationLink(credential({ id: hostedUrl }, { hostedUrl, links: [hostedUrl] }))).toBeUndefined();
    }
    expect(bestVerificationLink(credential(), 'http://verify.example.net/')).toBeUndefined();
  });
});

describe('linkedInAddCertificationUrl', () => {
  it('fills name, organisation (with its id), issue and expiry months, certificate URL and id', () => {
    const url = linkedInAddCertificationUrl(credential({ id: 'https://badges.example.org/c/1' }), 1337);
    expect(url).toBe(
      'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Data%20Analysis%20%26%20Python&organizationId=1337&organizationName=Example%20Academy' +
        '&issueYear=2024&issueMonth=9&expirationYear=2027&expirationMonth=3&certUrl=https%3A%2F%2Fbadges.example.org%2Fc%2F1&certId=https%3A%2F%2Fbadges.example.org%2Fc%2F1',
    );
  });

  it('leaves out what is unknown and ignores a non-numeric organisation id', () => {
    const url = linkedInAddCertificationUrl(credential({ identity: 'sha256:abc', issuedOn: undefined, expires: undefined, issuer: {} }), 'acme');
    expect(url).toBe('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Data%20Analysis%20%26%20Python');
  });
});

describe('font files', () => {
  it('refuses WOFF2 and unknown files with a clear error instead of a corrupt PDF', () => {
    expect(() => toSfnt(new TextEncoder().encode('wOF2....'))).toThrow(FontFileError);
    expect(() => toSfnt(new Uint8Array([1, 2, 3, 4]))).toThrow(/neither TrueType/);
  });
});
