import { X509Certificate } from 'node:crypto';
import type { CheckEvidence, DocumentOrigin, VerificationMessage } from '../../../shared/credential/verification';
import { msg } from '../../../shared/credential/verificationMessages';
import { checkLabel, originMessage, type Checks, type VerifyContext } from '../checks';
import type { Resolution } from '../documents';
import { readTrustedList, TrustListUnreadable, trustListMaxBytes, xmlListPointers, type TrustedList } from './trustListXml';

/**
 * Is a Europass seal's certificate a qualified EU seal? The EU publishes a List of Trusted
 * Lists (LOTL) pointing to each member state's trusted list, which names the qualified trust
 * service providers and the CA certificates of their services. The seal counts as on the
 * list when its certificate, or a CA certificate above it in its chain, is the digital identity
 * of a granted qualified-certificate service (CA/QC) that issues for seals. The lists come
 * through the document resolver (network when allowed, dated cache offline); their XML
 * signatures are not checked, and the sentences say so. The check's message (its key and
 * values) is what the issuer identity finding is made from (issuerIdentity.ts).
 */

export const euLotlUrl = 'https://ec.europa.eu/tools/lotl/eu-lotl.xml';
const qualifiedCa = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';
const granted = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted';
const forSeals = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals';
/** At most this many member states' lists are fetched for one seal (each can be megabytes). */
const maxLists = 4;

/** Country codes as certificates write them; the lists write Greece as EL. */
function territoriesOf(chain: readonly X509Certificate[]): string[] {
  const codes: string[] = [];
  for (const certificate of chain) {
    for (const name of [certificate.subject, certificate.issuer]) {
      const code = /^C=([A-Za-z]{2})$/m.exec(name)?.[1]?.toUpperCase();
      const territory = code === 'GR' ? 'EL' : code;
      if (territory && !codes.includes(territory)) codes.push(territory);
    }
  }
  return codes;
}

/** The certificates of the seal's chain, leaf first, as long as each is issued by the next. */
function certifiedPath(chain: readonly X509Certificate[]): X509Certificate[] {
  const path = chain.slice(0, 1);
  for (const next of chain.slice(1)) {
    const last = path.at(-1);
    if (!last?.checkIssued(next) || !last.verify(next.publicKey)) break;
    path.push(next);
  }
  return path;
}

function isOrIssuedBy(certificate: X509Certificate, listed: X509Certificate): boolean {
  if (certificate.raw.equals(listed.raw)) return true;
  return certificate.checkIssued(listed) && certificate.verify(listed.publicKey);
}

function parseCertificate(base64: string): X509Certificate | undefined {
  try {
    return new X509Certificate(Buffer.from(base64, 'base64'));
  } catch {
    return undefined;
  }
}

/** The provider whose granted qualified CA service for seals certifies a certificate of the path. */
function findProvider(list: TrustedList, path: readonly X509Certificate[]): string | undefined {
  for (const provider of list.providers) {
    for (const service of provider.services) {
      if (service.type !== qualifiedCa || service.status !== granted) continue;
      // A service may be limited to signatures or web sites; without a limit it serves all.
      if (service.additional.length > 0 && !service.additional.includes(forSeals)) continue;
      for (const listed of service.certificates.map(parseCertificate)) {
        if (listed && path.some((certificate) => isOrIssuedBy(certificate, listed))) return provider.name || service.name;
      }
    }
  }
  return undefined;
}

type Loaded =
  | { readonly ok: true; readonly list: TrustedList; readonly resolution: Resolution & { ok: true } }
  | { readonly ok: false; readonly reason: VerificationMessage; readonly offline: boolean };

async function load(url: string, context: VerifyContext): Promise<Loaded> {
  // Member states' lists are larger than the fetcher's usual cap (trustListMaxBytes says why).
  const resolution = await context.resolver.resolve(url, trustListMaxBytes);
  if (!resolution.ok) return { ok: false, reason: resolution.reasonMessage, offline: resolution.reason === 'offline' };
  try {
    return { ok: true, list: readTrustedList(resolution.body), resolution };
  } catch (error) {
    if (!(error instanceof TrustListUnreadable)) throw error;
    return { ok: false, reason: msg('trust.unreadable', { url, error: error.message }), offline: false };
  }
}

/** "fetched on …" for lists from the network or the cache (over HTTPS), else where they came from. */
function caveat(origin: DocumentOrigin): VerificationMessage {
  return origin === 'network' || origin === 'cache' ? msg('trust.caveatHttps') : msg('trust.caveat');
}

/**
 * The seal's trust check, replacing "not checked" when the lists can be had. Offline with no
 * copy kept, nothing was consulted: the check is skipped as before and no finding is made.
 */
export async function checkSealTrust(
  chain: readonly X509Certificate[],
  context: VerifyContext,
  checks: Checks,
  evidence: CheckEvidence,
  notConsulted: VerificationMessage,
): Promise<void> {
  const label = checkLabel('sealTrust');
  const skip = (sentence: VerificationMessage): void => {
    checks.skip('trust-chain', label, sentence, 'unverifiable', 'the EU trust list (online)', evidence);
  };
  // The verifier page's certificate reader (electron/verifierPage/browser/x509.ts) reads certificates
  // but cannot check who issued them: there, as offline, the list is not consulted.
  const canCheckIssuers = chain.every((certificate) => typeof (certificate as Partial<X509Certificate>).checkIssued === 'function');
  if (!canCheckIssuers) {
    skip(notConsulted);
    return;
  }
  const lotl = await load(euLotlUrl, context);
  if (!lotl.ok) {
    if (lotl.offline) {
      skip(notConsulted);
      return;
    }
    skip(msg('trust.unavailable', { reason: lotl.reason }));
    return;
  }
  const territories = territoriesOf(chain);
  const pointers = xmlListPointers(lotl.list)
    .filter((p) => territories.includes(p.territory))
    .slice(0, maxLists);
  const named = territories.join(', ') || '—';
  if (pointers.length === 0) {
    skip(msg('trust.noList', { territories: named, listDate: lotl.list.issued }));
    return;
  }
  const lists = await Promise.all(pointers.map((p) => load(p.location, context)));
  const path = certifiedPath(chain);
  for (const loaded of lists) {
    if (!loaded.ok) continue;
    const provider = findProvider(loaded.list, path);
    if (!provider) continue;
    const { list, resolution } = loaded;
    checks.pass(
      'trust-chain',
      label,
      msg('trust.listed', {
        provider,
        territory: list.territory,
        listDate: list.issued,
        origin: originMessage(resolution.origin, resolution.fetchedAt),
        caveat: caveat(resolution.origin),
      }),
      { ...evidence, url: resolution.url, origin: resolution.origin, ...(resolution.fetchedAt ? { fetchedAt: resolution.fetchedAt } : {}) },
    );
    return;
  }
  const read = lists.filter((l): l is Loaded & { ok: true } => l.ok);
  const failed = lists.find((l): l is Loaded & { ok: false } => !l.ok);
  if (read.length === 0 && failed) {
    skip(msg('trust.unavailable', { reason: failed.reason }));
    return;
  }
  const searched = read.map((l) => l.list.territory).join(', ');
  skip(msg('trust.notListed', { territories: searched, listDate: read[0]?.list.issued ?? lotl.list.issued }));
}
