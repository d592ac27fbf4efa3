// Open Badges 2.0 assertions: hosted (the assertion lives at its `id` URL) and signed (a
// compact JWS, RS256, made by jose). Each result also carries the documents a verifier would
// fetch (BadgeClass, issuer Profile, CryptographicKey, RevocationList) keyed by URL, so a later
// offline verifier test can serve them in place of the network.
import { CompactSign, exportSPKI } from 'jose';
import { CONTEXT } from './documentLoader';
import { defaultBadgeImageDataUrl } from './images';
import { generateJoseKey } from './keys';
import type { JoseKeyPair } from './keys';
import { hashIdentity } from './ob3';
import { toDateTime } from './shapes';

export interface Ob2Recipient {
  type: 'email';
  hashed: boolean;
  salt?: string;
  identity: string;
}

export interface Ob2Alignment {
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetFramework?: string;
  targetCode?: string;
}

export interface Ob2BadgeClass {
  '@context': string;
  type: 'BadgeClass';
  id: string;
  name: string;
  description: string;
  image: string;
  criteria: { narrative: string; id?: string };
  /** The issuer Profile embedded (default) or its URL. */
  issuer: Ob2Issuer | string;
  alignment: Ob2Alignment[];
  tags: string[];
}

export interface Ob2Issuer {
  '@context': string;
  type: 'Issuer';
  id: string;
  name: string;
  url: string;
  email: string;
  image?: string;
  publicKey?: string;
  revocationList?: string;
}

export interface Ob2Assertion {
  '@context': string;
  type: 'Assertion';
  id: string;
  recipient: Ob2Recipient;
  badge: Ob2BadgeClass | string;
  issuedOn: string;
  expires?: string;
  verification: { type: 'hosted' } | { type: 'signed'; creator: string };
  evidence?: { id?: string; narrative: string }[];
  revoked?: boolean;
  revocationReason?: string;
}

export interface Ob2CryptographicKey {
  '@context': string;
  type: 'CryptographicKey';
  id: string;
  owner: string;
  publicKeyPem: string;
}

export interface Ob2RevocationList {
  '@context': string;
  type: 'RevocationList';
  id: string;
  issuer: string;
  revokedAssertions: (string | { id: string; revocationReason?: string })[];
}

export interface Ob2Options {
  /** Base of every URL the badge uses; `https://badges.example.org` by default. */
  origin?: string;
  /** The assertion id (a URL for hosted badges, a urn:uuid is fine for signed ones). */
  assertionId?: string;
  recipientEmail?: string;
  /** true (default): `sha256$` of email + salt; false: the plain address. */
  hashed?: boolean;
  salt?: string;
  badgeName?: string;
  description?: string;
  /** Image URL or data: URL; a small PNG data URL by default. */
  image?: string;
  criteriaNarrative?: string;
  alignment?: Ob2Alignment[];
  tags?: string[];
  issuerName?: string;
  issuedOn?: Date | string;
  expires?: Date | string;
  /** true (default): the BadgeClass is embedded; false: `badge` is its URL (see `documents`). */
  embedBadge?: boolean;
  /**
   * true (default): the BadgeClass embeds the issuer Profile, as self-contained baked badges do
   * (a wallet can show the issuer offline); false: `issuer` is the Profile's URL.
   */
  embedIssuer?: boolean;
  /** Hosted: `revoked: true` on the assertion. Signed: listed in the issuer's RevocationList. */
  revoked?: boolean;
}

export interface Ob2Documents {
  assertion: Ob2Assertion;
  badgeClass: Ob2BadgeClass;
  issuer: Ob2Issuer;
  /** Every document a verifier would fetch, by URL (the assertion itself included for hosted badges). */
  documents: Record<string, object>;
}

function parts(options: Ob2Options, verification: Ob2Assertion['verification'], keyUrl?: string): Ob2Documents {
  const origin = options.origin ?? 'https://badges.example.org';
  const issuerUrl = `${origin}/issuers/academy.json`;
  const badgeUrl = `${origin}/badges/open-source-contributor.json`;
  const revocationUrl = `${origin}/issuers/academy/revocations.json`;
  const email = options.recipientEmail ?? 'learner@example.com';
  const hashed = options.hashed ?? true;
  const salt = options.salt ?? 'deadsea';
  const recipient: Ob2Recipient = hashed ? { type: 'email', hashed: true, salt, identity: hashIdentity(email, salt) } : { type: 'email', hashed: false, identity: email };

  const issuer: Ob2Issuer = {
    '@context': CONTEXT.OB_V2,
    type: 'Issuer',
    id: issuerUrl,
    name: options.issuerName ?? 'Example Academy',
    url: `${origin}/`,
    email: 'badges@academy.example.org',
    image: defaultBadgeImageDataUrl(),
  };
  if (keyUrl !== undefined) {
    issuer.publicKey = keyUrl;
    issuer.revocationList = revocationUrl;
  }
  const name = options.badgeName ?? 'Open Source Contributor';
  const badgeClass: Ob2BadgeClass = {
    '@context': CONTEXT.OB_V2,
    type: 'BadgeClass',
    id: badgeUrl,
    name,
    description: options.description ?? `Awarded for ${name}: sustained, reviewed contributions to a public project.`,
    image: options.image ?? defaultBadgeImageDataUrl(),
    criteria: { narrative: options.criteriaNarrative ?? 'Three merged pull requests reviewed by two maintainers.' },
    issuer: options.embedIssuer === false ? issuerUrl : issuer,
    alignment: options.alignment ?? [
      {
        targetName: 'Collaborate in teams',
        targetUrl: 'https://skills.example.org/frameworks/teamwork/collaborate-in-teams',
        targetFramework: 'Example Skills Framework',
        targetCode: 'TW-1.8.1',
      },
    ],
    tags: options.tags ?? ['open source', 'collaboration'],
  };
  const assertion: Ob2Assertion = {
    '@context': CONTEXT.OB_V2,
    type: 'Assertion',
    id: options.assertionId ?? `${origin}/assertions/${crypto.randomUUID()}.json`,
    recipient,
    badge: options.embedBadge === false ? badgeUrl : badgeClass,
    issuedOn: toDateTime(options.issuedOn ?? '2024-05-20T10:00:00Z'),
    verification,
    evidence: [{ id: 'https://github.com/example/project/pulls', narrative: 'Merged pull requests.' }],
  };
  if (options.expires !== undefined) assertion.expires = toDateTime(options.expires);
  const documents: Record<string, object> = { [issuerUrl]: issuer, [badgeUrl]: badgeClass };
  return { assertion, badgeClass, issuer, documents };
}

/** A hosted OB 2.0 assertion (verification `hosted`); `documents` includes the assertion at its id. */
export function makeOb2Assertion(options: Ob2Options = {}): Ob2Documents {
  const result = parts(options, { type: 'hosted' });
  if (options.revoked) {
    result.assertion.revoked = true;
    result.assertion.revocationReason = 'Issued in error';
  }
  result.documents[result.assertion.id] = result.assertion;
  return result;
}

export interface Ob2SignedResult extends Ob2Documents {
  /** Compact JWS (header {alg: RS256}, payload the assertion JSON): what gets baked. */
  jws: string;
  cryptographicKey: Ob2CryptographicKey;
  revocationList: Ob2RevocationList;
  publicKeyPem: string;
  key: JoseKeyPair;
}

/**
 * A signed OB 2.0 assertion. Pass `key` (an RS256 JoseKeyPair) to reuse one: generating a
 * 2048-bit RSA key costs 0.1-1 s.
 */
export async function makeOb2SignedAssertion(options: Ob2Options & { key?: JoseKeyPair } = {}): Promise<Ob2SignedResult> {
  const origin = options.origin ?? 'https://badges.example.org';
  const keyUrl = `${origin}/issuers/academy/public-key.json`;
  const key = options.key ?? (await generateJoseKey('RS256'));
  if (key.alg !== 'RS256') throw new Error(`OB 2.0 signed badges use RS256, not ${key.alg}`);
  const result = parts({ assertionId: `urn:uuid:${crypto.randomUUID()}`, ...options }, { type: 'signed', creator: keyUrl }, keyUrl);
  const publicKeyPem = await exportSPKI(key.publicKey);
  const cryptographicKey: Ob2CryptographicKey = {
    '@context': CONTEXT.OB_V2,
    type: 'CryptographicKey',
    id: keyUrl,
    owner: result.issuer.id,
    publicKeyPem,
  };
  const revocationList: Ob2RevocationList = {
    '@context': CONTEXT.OB_V2,
    type: 'RevocationList',
    id: result.issuer.revocationList ?? `${origin}/revocations.json`,
    issuer: result.issuer.id,
    revokedAssertions: options.revoked ? [{ id: result.assertion.id, revocationReason: 'Issued in error' }] : [],
  };
  result.documents[keyUrl] = cryptographicKey;
  result.documents[revocationList.id] = revocationList;
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(result.assertion))).setProtectedHeader({ alg: 'RS256' }).sign(key.privateKey);
  return { ...result, jws, cryptographicKey, revocationList, publicKeyPem, key };
}
