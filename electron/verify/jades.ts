import { X509Certificate } from 'node:crypto';
import { humanDate, isRecord, type VerifyContext, type Checks } from './checks';
import { verifyJwsSignature } from './vcJwt';

/**
 * Europass JAdES seals: JWS JSON serialisation, usually RS256 with an unencoded payload
 * (`b64: false`) and the eSeal certificate chain in `x5c`. The signature over the payload is
 * checked offline against the leaf certificate; whether that certificate is a qualified EU
 * seal (trust list, OCSP) needs the network and is reported as not checked.
 */
export function verifyJades(envelope: Record<string, unknown>, context: VerifyContext, checks: Checks): Record<string, unknown> | undefined {
  const signatures = Array.isArray(envelope.signatures) ? envelope.signatures : [];
  const first: unknown = signatures[0];
  const payload = envelope.payload;
  if (!isRecord(first) || typeof first.protected !== 'string' || typeof first.signature !== 'string' || typeof payload !== 'string') {
    checks.fail('structure', 'Structure', 'The Europass seal is incomplete (payload, protected header or signature missing).', 'malformed');
    return undefined;
  }
  let header: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(first.protected, 'base64url').toString('utf8'));
    if (!isRecord(parsed)) throw new Error('not an object');
    header = parsed;
  } catch {
    checks.fail('structure', 'Structure', 'The Europass seal header cannot be read.', 'malformed');
    return undefined;
  }
  const unencoded = header.b64 === false;
  let credential: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(unencoded ? payload : Buffer.from(payload, 'base64url').toString('utf8'));
    credential = isRecord(parsed) ? parsed : undefined;
  } catch {
    credential = undefined;
  }
  const chain = Array.isArray(header.x5c) ? header.x5c : isRecord(first.header) && Array.isArray(first.header.x5c) ? first.header.x5c : [];
  const leaf: unknown = chain[0];
  const alg = typeof header.alg === 'string' ? header.alg : 'unknown';
  if (typeof leaf !== 'string') {
    checks.skip('signature', 'Seal signature', 'The seal does not carry its certificate (x5c), so its signature cannot be checked offline.', 'unverifiable', 'the sealing certificate');
    return credential;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(leaf, 'base64'));
  } catch {
    checks.fail('signature', 'Seal signature', "The seal's certificate is damaged.", 'invalid', { algorithm: alg });
    return credential;
  }
  const signingInput = unencoded ? Buffer.concat([Buffer.from(`${first.protected}.`, 'ascii'), Buffer.from(payload, 'utf8')]) : `${first.protected}.${payload}`;
  const subject = certificate.subject.replace(/\n/g, ', ');
  const evidence = { algorithm: `JAdES ${alg}`, keyId: subject, detail: `certificate serial ${certificate.serialNumber}, issued by ${certificate.issuer.replace(/\n/g, ', ')}` };
  if (!verifyJwsSignature(alg, signingInput, Buffer.from(first.signature, 'base64url'), certificate.publicKey)) {
    checks.fail('signature', 'Seal signature', `The seal's signature does not match its certificate (${subject}): the credential was changed after sealing.`, 'invalid', evidence);
    return credential;
  }
  checks.pass('signature', 'Seal signature', `The seal's signature matches its certificate (${subject}).`, evidence);
  const validTo = new Date(certificate.validTo);
  const expiredNote = validTo.getTime() < context.now.getTime() ? ` The certificate itself expired on ${humanDate(validTo)}.` : '';
  checks.skip(
    'trust-chain',
    'Seal trust',
    `Whether the certificate is a qualified European seal of the issuer (EU trust list, revocation by OCSP) needs the network and is not checked by Badgefolio.${expiredNote}`,
    'unverifiable',
    'the EU trust list (online)',
    evidence,
  );
  return credential;
}
