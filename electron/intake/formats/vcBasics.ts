import type { Party, StatusEntry, VerificationHints } from '../../../shared/credential/model';
import { asRecord, compact, idOf, imageOf, isoDate, records, strings, text, typesOf, type Json } from './jsonLdValues';

/** What a W3C Verifiable Credential (1.1 or 2.0) says about its issuer, dates and proof. */

export function issuerOf(value: unknown): Party {
  const record = asRecord(value);
  if (!record) return compact({ id: idOf(value) });
  return compact({
    id: idOf(record),
    name: text(record.name) ?? text(record.legalName),
    url: text(record.url) ?? text(asRecord(record.homepage)?.contentURL) ?? text(record.homepage),
    email: text(record.email),
    description: text(record.description),
    image: imageOf(record.image) ?? imageOf(record.logo),
  });
}

export function vcDates(json: Json): { issuedOn?: string; validFrom?: string; expires?: string } {
  return compact({
    issuedOn: isoDate(json.awardedDate) ?? isoDate(json.issuanceDate) ?? isoDate(json.issued) ?? isoDate(json.validFrom),
    validFrom: isoDate(json.validFrom) ?? isoDate(json.issuanceDate),
    expires: isoDate(json.validUntil) ?? isoDate(json.expirationDate),
  });
}

export function statusEntriesOf(json: Json): StatusEntry[] {
  return records(json.credentialStatus).map((status) => {
    const type = typesOf(status)[0] ?? 'unknown';
    // 1EdTechRevocationList names its list by `id`; the status-list families by a property.
    const listUrl = text(status.statusListCredential) ?? text(status.revocationListCredential) ?? (type === '1EdTechRevocationList' ? idOf(status) : undefined);
    return compact({
      type,
      id: idOf(status),
      listUrl,
      index: text(status.statusListIndex) ?? text(status.revocationListIndex),
      purpose: text(status.statusPurpose),
    });
  });
}

/** Proof types, spelled `DataIntegrityProof/eddsa-rdfc-2022` where a cryptosuite is named. */
export function embeddedProofHints(json: Json): Pick<VerificationHints, 'proofTypes' | 'keyRefs' | 'signature'> {
  const proofs = records(json.proof);
  const proofTypes = proofs.map((proof) => {
    const type = typesOf(proof)[0] ?? 'unknown';
    const suite = text(proof.cryptosuite);
    return suite ? `${type}/${suite}` : type;
  });
  const keyRefs = proofs.flatMap((proof) => strings(proof.verificationMethod));
  const merkle = proofTypes.some((t) => t.startsWith('MerkleProof'));
  return { proofTypes, keyRefs, signature: proofs.length === 0 ? 'none' : merkle ? 'merkle' : 'data-integrity' };
}

/** A link a person can open: the credential's own id when it is a web address. */
export function publicLinks(...candidates: (string | undefined)[]): string[] {
  return [...new Set(candidates.filter((c): c is string => c !== undefined && /^https:\/\//i.test(c)))];
}
