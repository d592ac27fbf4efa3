/**
 * The little DER the verifier page needs to read public keys: a SubjectPublicKeyInfo (from a
 * PEM or a Multikey's compressed P-256 point) and an RSAPublicKey inside it. Anything else is
 * refused with an error, which the engine reports as an unreadable key, never as a pass.
 */
export interface DerNode {
  readonly tag: number;
  /** The contents, without tag and length. */
  readonly value: Uint8Array;
  /** Offset just past this node in the input. */
  readonly end: number;
}

export class DerError extends Error {
  override readonly name = 'DerError';
}

export function readDer(bytes: Uint8Array, offset = 0): DerNode {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new DerError('truncated DER');
  let cursor = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[cursor++];
      if (byte === undefined) throw new DerError('truncated DER');
      length = length * 256 + byte;
    }
  }
  const end = cursor + length;
  if (end > bytes.length) throw new DerError('truncated DER');
  return { tag, value: bytes.subarray(cursor, end), end };
}

/** The children of a constructed node (a SEQUENCE). */
export function derChildren(node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  let offset = 0;
  while (offset < node.value.length) {
    const child = readDer(node.value, offset);
    children.push({ tag: child.tag, value: child.value, end: child.end });
    offset = child.end;
  }
  return children;
}

const oidNames: Readonly<Record<string, string>> = {
  '2a8648ce3d0201': 'ec',
  '2a864886f70d010101': 'rsa',
  '2b6570': 'ed25519',
  '2a8648ce3d030107': 'prime256v1',
  '2b81040022': 'secp384r1',
  '2b81040023': 'secp521r1',
  '2b8104000a': 'secp256k1',
};

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export interface SpkiParts {
  readonly algorithm: string;
  /** The named curve of an EC key. */
  readonly curve?: string;
  /** The BIT STRING's key bytes (an EC point, an Ed25519 key, a DER RSAPublicKey). */
  readonly key: Uint8Array;
}

/** SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }. */
export function readSpki(der: Uint8Array): SpkiParts {
  const outer = readDer(der);
  if (outer.tag !== 0x30) throw new DerError('not a SubjectPublicKeyInfo');
  const [algorithmNode, bits] = derChildren(outer);
  if (algorithmNode?.tag !== 0x30 || bits?.tag !== 0x03) throw new DerError('not a SubjectPublicKeyInfo');
  const [oid, parameters] = derChildren(algorithmNode);
  if (oid?.tag !== 0x06) throw new DerError('no algorithm');
  const algorithm = oidNames[hex(oid.value)];
  if (algorithm === undefined) throw new DerError(`unsupported key algorithm ${hex(oid.value)}`);
  const curve = parameters?.tag === 0x06 ? oidNames[hex(parameters.value)] : undefined;
  if (bits.value[0] !== 0) throw new DerError('unused bits in a key');
  return { algorithm, ...(curve === undefined ? {} : { curve }), key: bits.value.subarray(1) };
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }. */
export function readRsaPublicKey(der: Uint8Array): { n: bigint; e: bigint } {
  const [modulus, exponent] = derChildren(readDer(der));
  if (modulus?.tag !== 0x02 || exponent?.tag !== 0x02) throw new DerError('not an RSA public key');
  return { n: bytesToBigInt(modulus.value), e: bytesToBigInt(exponent.value) };
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${hex(bytes)}`);
}

export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const text = value.toString(16).padStart(length * 2, '0');
  if (text.length > length * 2) throw new DerError('integer too large');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The DER inside a PEM block (`-----BEGIN PUBLIC KEY-----`). */
export function pemToDer(pem: string): Uint8Array {
  const match = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match) throw new DerError('not a PEM block');
  const binary = atob((match[2] ?? '').replace(/\s+/g, ''));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
