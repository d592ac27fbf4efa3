// Bitstring Status List credentials (W3C, VC 2.0), the revocation mechanism most OB 3.0
// issuers use. A later verifier test serves one through the offline loader's `documents`
// and checks that the app reads the bit at `statusListIndex`.
import { gzipSync } from 'node:zlib';
import { CONTEXT } from './documentLoader';
import type { CredentialEnvelope } from './shapes';
import { toDateTime } from './shapes';

export interface BitstringStatusListCredential extends CredentialEnvelope {
  issuer: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation' | 'suspension';
    encodedList: string;
  };
}

export interface StatusListOptions {
  /** The URL credentials point to in `statusListCredential`. */
  url: string;
  /** The issuer's id (a DID or URL), as status-list credentials carry it. */
  issuer: string;
  /** Indexes whose bit is set (revoked or suspended). */
  setIndexes?: number[];
  statusPurpose?: 'revocation' | 'suspension';
  /** Number of entries; the spec's minimum of 131072 (16 KB) by default. */
  length?: number;
  validFrom?: Date | string;
}

/**
 * `encodedList` per the spec: GZIP of the bitstring, index 0 being the most significant bit of
 * the first byte, base64url without padding, prefixed with the multibase `u`.
 */
export function encodeBitstring(setIndexes: readonly number[], length = 131072): string {
  const bits = new Uint8Array(Math.ceil(length / 8));
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new RangeError(`Status index ${String(index)} outside 0..${String(length - 1)}`);
    bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** An unsigned BitstringStatusListCredential; sign it with signDataIntegrity like any credential. */
export function makeBitstringStatusListCredential(options: StatusListOptions): BitstringStatusListCredential {
  const statusPurpose = options.statusPurpose ?? 'revocation';
  return {
    '@context': [CONTEXT.VC_V2],
    id: options.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: toDateTime(options.validFrom ?? '2024-01-01T00:00:00Z'),
    credentialSubject: {
      id: `${options.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose,
      encodedList: encodeBitstring(options.setIndexes ?? [], options.length),
    },
  };
}
