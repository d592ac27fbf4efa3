import { X509Certificate } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { msg } from '../../shared/credential/verificationMessages';
import { checkLabel, isRecord, type Checks, type VerifyContext } from './checks';
import { checkSealTrust } from './trustList/sealTrust';
import { verifyJwsSignature } from './vcJwt';

/**
 * Europass JAdES seals: JWS JSON serialisation, usually RS256 with an unencoded payload
 * (`b64: false`) and the eSeal certificate chain in `x5c`. The signature over the payload is
 * checked offline against the leaf certificate; whether that certificate is a qualified EU
 * seal is looked up on the EU trust list when it can be had (trustList/sealTrust.ts), else
 * reported as not checked; its revocation (OCSP) is not checked.
 */
export async function verifyJades(envelope: Record<string, unknown>, context: VerifyContext, checks: Checks): Promise<Record<string, unknown> | undefined> {
  const signatures = Array.isArray(envelope.signatures) ? envelope.signatures : [];
  const first: unknown = signatures[0];
  const payload = envelope.payload;
  if (!isRecord(first) || typeof first.protected !== 'string' || typeof first.signature !== 'string' || typeof payload !== 'string') {
    checks.fail('structure', checkLabel('structure'), msg('jades.incomplete'), 'malformed');
    return undefined;
  }
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader({ protected: first.protected });
  } catch {
    checks.fail('structure', checkLabel('structure'), msg('jades.headerUnreadable'), 'malformed');
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
    checks.skip('signature', checkLabel('sealSignature'), msg('jades.noCertificate'), 'unverifiable', 'the sealing certificate');
    return credential;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(leaf, 'base64'));
  } catch {
    checks.fail('signature', checkLabel('sealSignature'), msg('jades.certificateDamaged'), 'invalid', { algorithm: alg });
    return credential;
  }
  const subject = certificate.subject.replace(/\n/g, ', ');
  const evidence = { algorithm: `JAdES ${alg}`, keyId: subject, detail: `certificate serial ${certificate.serialNumber}, issued by ${certificate.issuer.replace(/\n/g, ', ')}` };
  const jws = { protected: first.protected, payload: unencoded ? Buffer.from(payload, 'utf8') : payload, signature: first.signature };
  if (!verifyJwsSignature(alg, jws, certificate.publicKey)) {
    checks.fail('signature', checkLabel('sealSignature'), msg('jades.mismatch', { subject }), 'invalid', evidence);
    return credential;
  }
  checks.pass('signature', checkLabel('sealSignature'), msg('jades.matches', { subject }), evidence);
  const validTo = new Date(certificate.validTo);
  const certificateExpired = validTo.getTime() < context.now.getTime();
  // The rest of the chain (x5c) may lead to the CA that the EU trust list names.
  const rest = chain.slice(1).flatMap((entry: unknown) => {
    try {
      return typeof entry === 'string' ? [new X509Certificate(Buffer.from(entry, 'base64'))] : [];
    } catch {
      return [];
    }
  });
  const notConsulted = certificateExpired ? msg('jades.trustExpiredCertificate', { expiredDate: validTo.toISOString() }) : msg('jades.trust');
  await checkSealTrust([certificate, ...rest], context, checks, evidence, notConsulted);
  return credential;
}
