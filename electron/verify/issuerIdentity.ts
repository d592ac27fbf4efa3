import type { NormalizedCredential } from '../../shared/credential/model';
import type { IssuerIdentity, VerificationCheck, VerificationStatus } from '../../shared/credential/verification';
import { registryName } from '../../shared/credential/issuerIdentityText';
import { findInRegistries, type IssuerRegistry } from './issuerRegistries';

/**
 * Who stands behind a credential's key, judged apart from whether its signature holds. A
 * signature proves that whoever holds the key signed; only something outside the credential
 * ties that key to the name written beside it: a registry that lists the DID, or a web domain
 * that publishes the key. Without either, the issuer's name is the signer's own claim, and the
 * report says exactly that.
 */

/** Checks that prove the credential came unchanged from whoever holds the key. */
const proofChecks = new Set(['signature', 'hosted', 'hash']);

const didOf = (keyId: string | undefined): string | undefined => {
  const base = keyId?.split('#')[0];
  return base?.startsWith('did:') ? base : undefined;
};

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** did:web:example.com:path → example.com (with its port, if any). */
function didWebHost(did: string | undefined): string | undefined {
  if (!did?.startsWith('did:web:')) return undefined;
  try {
    return decodeURIComponent(did.slice('did:web:'.length).split(':')[0] ?? '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

const quoted = (name: string): string => `“${name}”`;

/**
 * One attribute of a certificate subject as jades.ts writes it ("C=BE, O=Acme, Inc., CN=Seal"):
 * a value runs to the next ", KEY=", so a comma inside an organisation's name stays in it.
 */
function subjectField(subject: string, key: string): string | undefined {
  for (const part of subject.split(/, (?=[A-Za-z][A-Za-z0-9.]*=)/)) {
    const at = part.indexOf('=');
    if (part.slice(0, at) === key) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function claimNote(claimed: string | undefined, name: string): string {
  return claimed && claimed.trim().toLowerCase() !== name.trim().toLowerCase() ? ` The credential itself calls its issuer ${quoted(claimed)}.` : '';
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : 'undated';
}

export interface IdentityInput {
  readonly credential: NormalizedCredential;
  readonly status: VerificationStatus;
  readonly checks: readonly VerificationCheck[];
  readonly registries: readonly IssuerRegistry[];
}

export function judgeIssuerIdentity({ credential, status, checks, registries }: IdentityInput): IssuerIdentity {
  const trimmedName = credential.issuer.name?.trim();
  const claimed = trimmedName === '' ? undefined : trimmedName;
  const passed = (id: string) => checks.filter((c) => c.id === id && c.outcome === 'passed');
  const proven = checks.some((c) => c.outcome === 'passed' && proofChecks.has(c.id));
  if (!proven || status === 'invalid' || status === 'malformed') {
    const why = status === 'unsigned' ? 'it carries no signature to check' : status === 'unverifiable' ? 'it could not be checked against its issuer' : 'its signature does not hold';
    return { level: 'unconfirmed', name: claimed ?? null, source: null, asOf: null, sentence: `Nothing confirms who issued it: ${why}.` };
  }
  const signers = passed('signature')
    .map((c) => didOf(c.evidence?.keyId))
    .filter((did): did is string => did !== undefined);
  const issuerId = credential.issuer.id;
  const keyIsIssuers = passed('issuer-key').length > 0;

  // A registry vouches for the DIDs it lists: the signer's own, or the issuer's when the key is shown to be the issuer's.
  const candidates = [...signers, ...(keyIsIssuers && issuerId?.startsWith('did:') ? [issuerId] : [])];
  const listed = findInRegistries(registries, candidates);
  if (listed) {
    const test = listed.registry.test;
    return {
      level: 'registry',
      name: listed.entry.name,
      source: listed.registry.name,
      asOf: listed.registry.asOf,
      ...(claimed && claimed.toLowerCase() !== listed.entry.name.toLowerCase() ? { claimedName: claimed } : {}),
      ...(test ? { test: true } : {}),
      sentence:
        `${capitalised(registryName(listed.registry.name))} (${listed.registry.snapshot ? 'snapshot of' : 'as of'} ${day(listed.registry.asOf)}) lists the signer as ${quoted(listed.entry.name)}${listed.entry.location ? `, ${listed.entry.location}` : ''}.` +
        (test ? ' It is a registry of test issuers, not of real ones.' : '') +
        claimNote(claimed, listed.entry.name),
    };
  }

  // A domain vouches for the key it publishes: did:web, an https key document on the issuer's
  // own host, an OB 2.0 badge hosted where its issuer allows. Only as fetched (or supplied by
  // the user in a documents map): a file given beside the credential can claim any address.
  const published = (check: VerificationCheck | undefined) => (check?.evidence?.origin === 'given' ? undefined : check);
  const signature = published(passed('signature')[0]);
  const webSigner = signers.find((did) => did.startsWith('did:web:'));
  const hosted = published(passed('hosted')[0]);
  const linkage = published(passed('domain-linkage')[0]);
  let domain: string | undefined;
  let fetchedAt: string | undefined;
  if (webSigner && signature && (keyIsIssuers || issuerId === webSigner)) {
    domain = didWebHost(webSigner);
    fetchedAt = signature.evidence?.fetchedAt;
  } else if (linkage && keyIsIssuers) {
    // The issuer's web site lists the signing DID as its own (DIF Well-Known DID Configuration).
    domain = hostOf(linkage.evidence?.url);
    fetchedAt = linkage.evidence?.fetchedAt;
  } else if (hosted && keyIsIssuers) {
    domain = hostOf(hosted.evidence?.url);
    fetchedAt = hosted.evidence?.fetchedAt;
  } else if (signature && keyIsIssuers && hostOf(signature.evidence?.url) && hostOf(signature.evidence?.url) === hostOf(issuerId)) {
    domain = hostOf(signature.evidence?.url);
    fetchedAt = signature.evidence?.fetchedAt;
  }
  if (domain) {
    return {
      level: 'domain',
      name: claimed ?? null,
      source: domain,
      asOf: fetchedAt ?? null,
      sentence: `The signing key is published at ${domain}: whoever controls that web address signed it.${claimed ? ` The credential calls its issuer ${quoted(claimed)}; judge whether ${domain} is theirs.` : ''}`,
    };
  }

  // A Europass seal names an organisation in its certificate; only the EU trust list (not consulted) would confirm it.
  const sealSignature = passed('signature')[0];
  const seal = sealSignature?.evidence?.algorithm?.startsWith('JAdES') ? sealSignature.evidence.keyId : undefined;
  if (seal) {
    const organisation = subjectField(seal, 'O');
    const commonName = subjectField(seal, 'CN');
    const named = organisation
      ? `the organisation ${quoted(organisation)}${commonName && commonName !== organisation ? ` (${quoted(commonName)})` : ''}`
      : commonName
        ? quoted(commonName)
        : seal;
    return {
      level: 'unconfirmed',
      name: claimed ?? null,
      source: null,
      asOf: null,
      sentence: `The seal's certificate names ${named}; the EU trust list was not consulted, so nothing confirms that certificate belongs to the issuer.${claimNote(claimed, organisation ?? commonName ?? claimed ?? '')}`,
    };
  }
  return {
    level: 'unconfirmed',
    name: claimed ?? null,
    source: null,
    asOf: null,
    sentence: claimed
      ? `Nothing confirms that the signer is ${quoted(claimed)}: the name is the signer's own claim (anyone can make a key and write any name beside it).`
      : 'Nothing confirms who the signer is: the credential names no issuer that a registry or web address ties to the key.',
  };
}
