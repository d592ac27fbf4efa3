import { derChildren, readDer, type DerNode } from './der';
import { createPublicKey, type KeyObject } from './publicKeys';

/**
 * The part of node:crypto's X509Certificate a JAdES seal check reads: subject, issuer, serial,
 * validity and the public key. It reads the certificate, it does not judge it: the engine
 * never trusts a seal's certificate on its own (the trust-list check stays "not made").
 */
const attributeNames: Readonly<Record<string, string>> = {
  '550403': 'CN',
  '550405': 'serialNumber',
  '550406': 'C',
  '550407': 'L',
  '550408': 'ST',
  '55040a': 'O',
  '55040b': 'OU',
  '550461': 'organizationIdentifier',
  '2a864886f70d010901': 'emailAddress',
};

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** "CN=…\nO=…", as node prints a distinguished name. */
function nameText(name: DerNode): string {
  const lines: string[] = [];
  for (const rdn of derChildren(name)) {
    for (const attribute of derChildren(rdn)) {
      const [oid, value] = derChildren(attribute);
      if (!oid || !value) continue;
      lines.push(`${attributeNames[hex(oid.value)] ?? hex(oid.value)}=${new TextDecoder().decode(value.value)}`);
    }
  }
  return lines.join('\n');
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
function timeText(node: DerNode): string {
  const text = new TextDecoder().decode(node.value);
  const full = node.tag === 0x17 ? `${Number(text.slice(0, 2)) >= 50 ? '19' : '20'}${text}` : text;
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(full) ?? [];
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))).toUTCString();
}

export class X509Certificate {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly publicKey: KeyObject;

  constructor(der: Uint8Array) {
    const [tbs] = derChildren(readDer(der));
    if (tbs?.tag !== 0x30) throw new Error('not a certificate');
    const fields = derChildren(tbs);
    // The version is an explicit [0] tag, present from v2 on.
    const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
    const [serial, , issuer, validity, subject, spki] = rest;
    if (!serial || !issuer || !validity || !subject || !spki) throw new Error('not a certificate');
    const [notBefore, notAfter] = derChildren(validity);
    if (!notBefore || !notAfter) throw new Error('not a certificate');
    this.serialNumber = hex(serial.value).toUpperCase();
    this.issuer = nameText(issuer);
    this.subject = nameText(subject);
    this.validFrom = timeText(notBefore);
    this.validTo = timeText(notAfter);
    // Re-encoded SPKI: the node holds only the contents, the key reader wants the whole SEQUENCE.
    this.publicKey = createPublicKey({ key: encodeSequence(spki.value), format: 'der', type: 'spki' });
  }
}

function encodeSequence(contents: Uint8Array): Uint8Array {
  const length = contents.length;
  const lengthBytes =
    length < 0x80 ? [length] : length < 0x100 ? [0x81, length] : length < 0x10000 ? [0x82, length >> 8, length & 0xff] : [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  return new Uint8Array([0x30, ...lengthBytes, ...contents]);
}
