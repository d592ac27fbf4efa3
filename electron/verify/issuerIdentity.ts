import type { NormalizedCredential } from '../../shared/credential/model';
import type { IssuerIdentity, VerificationCheck, VerificationMessage, VerificationStatus } from '../../shared/credential/verification';
import { registryName } from '../../shared/credential/issuerIdentityText';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { findInRegistries, type IssuerRegistry } from './issuerRegistries';
import { carriesNoSignature, provenByProof } from '../../shared/credential/proofChecks';

/**
 * Who stands behind a credential's key, judged apart from whether its signature holds. A
 * signature proves that whoever holds the key signed; only something outside the credential
 * ties that key to the name written beside it: a registry that lists the DID, or a web domain
 * that publishes the key. Without either, the issuer's name is the signer's own claim, and the
 * report says exactly that.
 */

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

/** The sentence, then "The credential itself calls its issuer …" when the credential names its issuer otherwise. */
function withClaim(message: VerificationMessage, claimed: string | undefined, name: string): VerificationMessage {
  return claimed && claimed.trim().toLowerCase() !== name.trim().toLowerCase() ? msg('schema.join', { first: message, rest: msg('identity.claimed', { name: claimed }) }) : message;
}

/** A registry as the sentence names it: "the DCC Member Registry", a list the user added by its file, or "a registry" (registryName decides). */
function registryWords(source: string | null): VerificationMessage {
  if (source === null || source.trim() === '') return msg('identity.registry.unnamed');
  return registryName(source) === source ? msg('identity.registry.file', { name: source }) : msg('identity.registry.the', { name: source });
}

/** The identity's sentence as a message, with its English rendering. */
function worded(message: VerificationMessage): { sentence: string; message: VerificationMessage } {
  return { sentence: englishOf(message), message };
}

/** A text value of a check's message (what the trust list check found), or '' when it has none. */
function said(check: VerificationCheck | undefined, name: string): string {
  const value = check?.message?.params?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Who a seal's certificate names, and whether the EU trust list confirmed it: from the trust
 * list check's message (trustList/sealTrust.ts), which says what was found, where and as of when.
 */
function sealIdentity(subject: string, trust: VerificationCheck | undefined, claimed: string | undefined): IssuerIdentity {
  const organisation = subjectField(subject, 'O');
  const commonName = subjectField(subject, 'CN');
  const named = organisation
    ? commonName && commonName !== organisation
      ? msg('identity.seal.organisationCn', { organisation, commonName })
      : msg('identity.seal.organisation', { organisation })
    : commonName
      ? msg('identity.seal.commonName', { commonName })
      : subject;
  const holder = organisation ?? commonName ?? claimed ?? '';
  const key = trust?.message?.key;
  if (trust?.outcome === 'passed' && key === 'trust.listed') {
    const territory = said(trust, 'territory');
    const listDate = said(trust, 'listDate');
    return {
      level: 'trust-list',
      name: organisation ?? commonName ?? claimed ?? null,
      source: `the trusted list of ${territory}${trust.evidence?.url ? ` (${trust.evidence.url})` : ''}`,
      asOf: listDate || null,
      ...worded(withClaim(msg('identity.seal.listed', { named, provider: said(trust, 'provider'), territory, listDate }), claimed, holder)),
    };
  }
  const reason = trust?.message?.params?.reason;
  const message =
    key === 'trust.notListed'
      ? msg('identity.seal.notListed', { named, territories: said(trust, 'territories'), listDate: said(trust, 'listDate') })
      : key === 'trust.noList'
        ? msg('identity.seal.noList', { named, territories: said(trust, 'territories') })
        : key === 'trust.unavailable' && reason !== undefined
          ? msg('identity.seal.unavailable', { named, reason })
          : msg('identity.seal.notConsulted', { named });
  return { level: 'unconfirmed', name: claimed ?? null, source: null, asOf: null, ...worded(withClaim(message, claimed, holder)) };
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
  if (!provenByProof(checks) || status === 'invalid' || status === 'malformed') {
    // Said of what happened to the proof, not of the verdict: an expired hosted badge not fetched offline was never checked, so nothing "does not hold".
    const why =
      status === 'unsigned' || carriesNoSignature(checks)
        ? 'identity.unconfirmed.noSignature'
        : status === 'invalid' || status === 'malformed'
          ? 'identity.unconfirmed.doesNotHold'
          : 'identity.unconfirmed.notChecked';
    return { level: 'unconfirmed', name: claimed ?? null, source: null, asOf: null, ...worded(msg(why)) };
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
    const { registry, entry } = listed;
    const dated = registry.asOf ? msg(registry.snapshot ? 'identity.registry.snapshot' : 'identity.registry.asOf', { asOfDate: registry.asOf }) : msg('identity.registry.undated');
    const named = entry.location ? msg('identity.registry.nameAt', { name: entry.name, location: entry.location }) : msg('identity.registry.name', { name: entry.name });
    const listing = msg('identity.registry.listed', { registry: registryWords(registry.name), dated, listed: named });
    return {
      level: 'registry',
      name: entry.name,
      source: registry.name,
      asOf: registry.asOf,
      ...(claimed && claimed.toLowerCase() !== entry.name.toLowerCase() ? { claimedName: claimed } : {}),
      ...(registry.test ? { test: true } : {}),
      ...worded(withClaim(registry.test ? msg('schema.join', { first: listing, rest: msg('identity.registry.test') }) : listing, claimed, entry.name)),
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
  // A Blockcerts issuer profile lists the key the certificate names (blockcertsIssuerKey.ts).
  const profileKey = published(passed('issuer-key').find((c) => c.evidence?.algorithm?.startsWith('MerkleProof')));
  if (!domain && profileKey && hostOf(profileKey.evidence?.url)) {
    const host = hostOf(profileKey.evidence?.url) ?? '';
    const listing = msg('identity.blockcerts.profile', { domain: host });
    return {
      level: 'domain',
      name: claimed ?? null,
      source: host,
      asOf: profileKey.evidence?.fetchedAt ?? null,
      ...worded(claimed ? msg('schema.join', { first: listing, rest: msg('identity.domainJudge', { name: claimed, domain: host }) }) : listing),
    };
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

  // A Europass seal names an organisation in its certificate; the EU trust list, when consulted, says whether a qualified provider vouches for it.
  const sealSignature = passed('signature')[0];
  const seal = sealSignature?.evidence?.algorithm?.startsWith('JAdES') ? sealSignature.evidence.keyId : undefined;
  if (seal)
    return sealIdentity(
      seal,
      checks.find((c) => c.id === 'trust-chain'),
      claimed,
    );
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
