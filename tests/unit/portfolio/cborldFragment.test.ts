import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { cborldFragment, decodeCborldCredential, fragmentCredentialBytes, withLinkFragments } from '../../../electron/portfolio/cborldFragment';
import { checkEntryLinks } from '../../../electron/portfolio/pdfEntryLinks';
import { createVerifier } from '../../../electron/verify/verifier';
import { bytesToBase64 } from '../../../shared/encoding/base64';
import { planEntryLinks } from '../../../shared/portfolio/entryLinks';
import { encodeCredentialFragment, FragmentError, maxFragmentCredentialBytes } from '../../../shared/portfolio/verifierFragment';
import { generateEd25519Issuer, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, seededBytes, signDataIntegrity, signVcJwt } from '../../support/credentials';
import { normaliseOne } from '../verify/helpers';

/**
 * Issue #18, the `c` link form: a JSON-LD credential as CBOR-LD, chosen only when it round-trips
 * to the same canonical form and is shorter than the original bytes (`z`). Credentials made by
 * Digital Bazaar's Data Integrity libraries and jose; decoded links verified by the engine.
 */

const base = 'https://verify.example.net/badgefolio/';
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value, null, 2));
const b64url = (bytes: Uint8Array): string => bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

let signed: Uint8Array;
let other: Uint8Array;
let jwt: Uint8Array;
let notUuid: Uint8Array;

beforeAll(async () => {
  const issuer = await generateEd25519Issuer(seededBytes(32, 1818));
  const profile = makeIssuerProfile({ id: issuer.did, name: 'Harbour Data School' });
  const make = (id: string, achievementName: string) =>
    signDataIntegrity(makeOb3Credential({ issuer: profile, id, achievementName }), issuer, 'eddsa-rdfc-2022', { date: '2025-01-01T00:00:00Z' });
  signed = encode(await make('urn:uuid:7d1c0000-0000-4000-8000-000000000018', 'Open data literacy'));
  other = encode(await make('urn:uuid:7d1c0000-0000-4000-8000-000000000019', 'SQL for analysts'));
  notUuid = encode(await make('urn:uuid:harbour-data-school-18', 'Open data literacy'));
  jwt = new TextEncoder().encode(
    await signVcJwt(makeOb3Credential({ issuer: profile, id: 'urn:uuid:7d1c0000-0000-4000-8000-000000000020', achievementName: 'SQL for analysts' }), issuer),
  );
}, 60_000);

describe('CBOR-LD verifier-link fragments', () => {
  it('chooses `c` for a signed OB 3.0 credential, shorter than `z`, and the PDF link planning uses it', async () => {
    const fragment = await cborldFragment(signed);
    const plain = encodeCredentialFragment(signed);
    expect(fragment?.startsWith('vc1.c.')).toBe(true);
    expect(fragment?.length).toBeLessThan(plain.length);
    console.info(`fragment lengths: z ${String(plain.length)}, c ${String(fragment?.length ?? 0)}`);
    const credential = await normaliseOne(JSON.parse(new TextDecoder().decode(signed)), 'literacy.json');
    const [entry] = await withLinkFragments([{ credential, status: 'verified' }]);
    expect(entry?.linkFragment).toBe(fragment);
    const links = await planEntryLinks(credential, base, undefined, entry?.linkFragment);
    expect(links.verifierLink).toBe(`${base}#${fragment ?? ''}`);
  });

  it('decodes `c` into a credential whose Data Integrity proof the engine verifies', async () => {
    const fragment = (await cborldFragment(signed)) ?? '';
    const { encoding, bytes } = await fragmentCredentialBytes(`#${fragment}`);
    expect(encoding).toBe('c');
    const credential = await normaliseOne(JSON.parse(new TextDecoder().decode(bytes)), 'link.json');
    const report = await createVerifier({ network: 'offline' }).verify(credential);
    expect(report.status).toBe('verified');
  });

  it('keeps `z` for a VC-JWT, an OB 2.0 assertion and a credential whose urn:uuid id is not a UUID', async () => {
    expect(await cborldFragment(jwt)).toBeUndefined();
    // JSON-LD that cborld could encode, but verified against its hosted copy, not by its canonical form.
    expect(await cborldFragment(encode(makeOb2Assertion({ assertionId: 'https://badges.example.org/assertions/18.json', hashed: false }).assertion))).toBeUndefined();
    expect(await cborldFragment(notUuid)).toBeUndefined();
    const credential = await normaliseOne(new TextDecoder().decode(jwt), 'sql.jwt');
    const [entry] = await withLinkFragments([{ credential, status: 'verified' }]);
    expect(entry?.linkFragment).toBeUndefined();
    expect((await planEntryLinks(credential, base)).verifierLink).toBe(`${base}#${encodeCredentialFragment(jwt)}`);
  });

  it('refuses a tampered `c` fragment: damaged, or not the attached credential', async () => {
    const fragment = (await cborldFragment(signed)) ?? '';
    const tampered = new Set<string>();
    for (let at = 6; at < fragment.length; at += 7) {
      const swapped = `${fragment.slice(0, at)}${fragment[at] === 'A' ? 'B' : 'A'}${fragment.slice(at + 1)}`;
      try {
        const { bytes } = await fragmentCredentialBytes(swapped);
        expect(await checkEntryLinks([`${base}#${swapped}`], signed, [])).not.toBe('matches-attachment');
        tampered.add(new TextDecoder().decode(bytes));
      } catch (error) {
        expect(error).toBeInstanceOf(FragmentError);
      }
    }
    expect(tampered.has(new TextDecoder().decode(signed))).toBe(false);
  });

  it('says whether a `c` link carries the attached credential, by canonical form', async () => {
    const fragment = (await cborldFragment(signed)) ?? '';
    expect(await checkEntryLinks([`${base}#${fragment}`], signed, [])).toBe('matches-attachment');
    expect(await checkEntryLinks([`${base}#${fragment}`], other, [])).toBe('differs-from-attachment');
    expect(await checkEntryLinks([`${base}#vc1.c.AAAA`], signed, [])).toBe('unreadable');
  });

  it('bounds what a `c` fragment may inflate to', async () => {
    const bomb = `vc1.c.${b64url(deflateSync(new Uint8Array(maxFragmentCredentialBytes + 1), { level: 9 }))}`;
    await expect(decodeCborldCredential(bomb)).rejects.toMatchObject({ reason: 'too-large' });
    // 100,000 nested CBOR arrays (0x81 each): within the size ceiling, refused as damaged rather than crashing the page.
    const deep = `vc1.c.${b64url(deflateSync(new Uint8Array(100_000).fill(0x81), { level: 9 }))}`;
    await expect(decodeCborldCredential(deep)).rejects.toMatchObject({ reason: 'damaged' });
  });
});
