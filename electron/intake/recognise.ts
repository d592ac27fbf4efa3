import type { CredentialFormat, NormalizedCredential } from '../../shared/credential/model';
import type { VerificationMessage } from '../../shared/credential/verification';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import { decodeCompactJws, decodeJwsHeader, looksLikeCompactJws, type DecodedJws } from './compactJws';
import { blockcertsVersion, isBlockcertsIssuerProfile, readBlockcert } from './formats/blockcert';
import { isClrCredential, readClr } from './formats/clrCredential';
import type { CredentialSource } from './formats/credentialSource';
import { isEuropeanDigitalCredential, readEuropeanDigitalCredential, type JadesEnvelope } from './formats/europeanDigitalCredential';
import { isVerifiableCredential, readGenericVc } from './formats/genericVc';
import { asArray, idOf, typesOf, type Json } from './formats/jsonLdValues';
import { isOb2Document, readOb2 } from './formats/ob2Assertion';
import { isAchievementCredential, readAchievementCredential, type JwtEnvelope } from './formats/ob3Credential';
import { MalformedInputError, type IntakeLimits } from './limits';
import { isRecord, parseJsonSafely } from './safeJson';

/** What a parsed document turned out to be. */
export type Recognition =
  | { readonly kind: 'credentials'; readonly credentials: NormalizedCredential[] }
  | {
      readonly kind: 'not-a-credential';
      readonly reason: string;
      readonly reasonMessage: VerificationMessage;
      readonly format?: CredentialFormat;
      /** A document credentials link to (see LinkableDocument): kept for the credentials read beside it. */
      readonly document?: LinkableDocument;
    };

/**
 * A document that awards nothing but that credentials point to by its address: an Open Badges
 * 2.0 BadgeClass, Issuer (Profile), CryptographicKey or RevocationList, a Blockcerts issuer
 * profile. `id` is the address it says it is published at; `body` its JSON text.
 */
export interface LinkableDocument {
  readonly id: string;
  readonly body: string;
}

/** Why a document is not a credential: the message (said in the reader's language) and its English. */
function notACredential(reasonMessage: VerificationMessage, format?: CredentialFormat, document?: LinkableDocument): Recognition {
  return { kind: 'not-a-credential', reason: englishOf(reasonMessage), reasonMessage, ...(format ? { format } : {}), ...(document ? { document } : {}) };
}

/** The OB 2.0 classes credentials link to, each said plainly; any other class by its name. */
const ob2ClassMessages: Readonly<Record<string, VerificationMessage>> = {
  BadgeClass: msg('intake.ob2BadgeClass'),
  Issuer: msg('intake.ob2IssuerProfile'),
  Profile: msg('intake.ob2IssuerProfile'),
  CryptographicKey: msg('intake.ob2Key'),
  RevocationList: msg('intake.ob2RevocationList'),
};

/** The document as credentials beside it may link to it: only with a web address as its id. */
function linkable(json: Json): LinkableDocument | undefined {
  const id = idOf(json)?.trim();
  return id !== undefined && /^https?:\/\/\S+$/i.test(id) ? { id, body: JSON.stringify(json) } : undefined;
}

/** A MalformedInputError that also says which format the document was recognised as. */
export class MalformedCredentialError extends MalformedInputError {
  constructor(
    cause: MalformedInputError,
    readonly format: CredentialFormat,
  ) {
    super(cause.reasonMessage ?? cause.message, cause.where);
  }
}

function within<T>(format: CredentialFormat, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedInputError && !(error instanceof MalformedCredentialError)) {
      throw new MalformedCredentialError(error, format);
    }
    throw error;
  }
}

const utf8Encoder = new TextEncoder();

const notRecognised: Recognition = notACredential(msg('intake.notRecognised'));

/**
 * Turns a JWT's claims into the credential they carry (VC-JWT 1.1 puts it in `vc` and
 * states id, issuer and dates as claims; VC-JOSE signs the credential itself).
 */
function credentialFromJwtClaims(claims: Json): Json {
  const vc = claims.vc;
  if (!isRecord(vc)) return claims;
  const credential: Json = { ...vc };
  if (credential.id === undefined && typeof claims.jti === 'string') credential.id = claims.jti;
  if (credential.issuer === undefined && typeof claims.iss === 'string') credential.issuer = claims.iss;
  const nbf = typeof claims.nbf === 'number' ? new Date(claims.nbf * 1000).toISOString() : undefined;
  if (nbf && credential.issuanceDate === undefined && credential.validFrom === undefined) {
    credential[Array.isArray(credential['@context']) && String(credential['@context'][0]).includes('/2018/') ? 'issuanceDate' : 'validFrom'] = nbf;
  }
  const exp = typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined;
  if (exp && credential.expirationDate === undefined && credential.validUntil === undefined) {
    credential[Array.isArray(credential['@context']) && String(credential['@context'][0]).includes('/2018/') ? 'expirationDate' : 'validUntil'] = exp;
  }
  return credential;
}

export class Recogniser {
  constructor(private readonly limits: IntakeLimits) {}

  /** A decoded compact JWS: a VC-JWT, or an OB 2.0 signed assertion. */
  recogniseJws(jws: DecodedJws, source: CredentialSource): Recognition {
    if (!isRecord(jws.payload)) return notRecognised;
    const claims = jws.payload;
    if (isOb2Document(claims) && !isRecord(claims.vc)) {
      return within('ob2', () => {
        const reading = readOb2(claims, source, true);
        return reading.kind === 'assertion'
          ? { kind: 'credentials', credentials: [reading.credential] }
          : notACredential(msg('intake.ob2SignedClass', { className: reading.className }), 'ob2');
      });
    }
    const credential = credentialFromJwtClaims(claims);
    if (isAchievementCredential(credential) || isClrCredential(credential)) {
      const format = isClrCredential(credential) ? 'clr2' : 'ob3';
      within(format, () => {
        if (typeof jws.header.kid !== 'string' && !isRecord(jws.header.jwk)) {
          throw new MalformedInputError(msg('damaged.jwsNoKey'), 'JWS header');
        }
      });
    }
    return this.recogniseJson(credential, source, { header: jws.header });
  }

  recogniseJson(json: unknown, source: CredentialSource, jwt?: JwtEnvelope, jades?: JadesEnvelope): Recognition {
    if (Array.isArray(json)) return this.recogniseMany(json, source);
    if (!isRecord(json)) return notRecognised;

    // A JAdES seal (Europass): JWS JSON serialisation whose payload is the credential text.
    if (typeof json.payload === 'string' && Array.isArray(json.signatures)) {
      const protectedHeader = this.jadesHeader(json.signatures);
      const inner = parseJsonSafely(json.payload, this.limits, 'JAdES payload');
      return this.recogniseJson(inner, source, undefined, { header: protectedHeader });
    }

    const types = typesOf(json);
    if (types.includes('VerifiablePresentation')) {
      return this.recogniseMany(asArray(json.verifiableCredential), source, 'credential in the presentation');
    }
    // Before the certificate readers: a profile names a Blockcerts context (and OB 2.0's) too.
    if (isBlockcertsIssuerProfile(json, types)) return notACredential(msg('intake.blockcertsProfile'), 'blockcerts', linkable(json));
    const blockcerts = blockcertsVersion(json);
    if (blockcerts) {
      return within('blockcerts', () => ({ kind: 'credentials', credentials: [readBlockcert(json, blockcerts, source)] }));
    }
    if (isOb2Document(json, types)) {
      return within('ob2', () => {
        const reading = readOb2(json, source, false);
        return reading.kind === 'assertion'
          ? { kind: 'credentials', credentials: [reading.credential] }
          : notACredential(
              ob2ClassMessages[reading.className] ?? msg('intake.ob2Class', { className: reading.className }),
              'ob2',
              ob2ClassMessages[reading.className] ? linkable(json) : undefined,
            );
      });
    }
    if (isClrCredential(json)) {
      return within('clr2', () => ({
        kind: 'credentials',
        credentials: readClr(json, source, (child, label, parent) => this.readNested(child, label, parent, source), this.limits.maxCredentialsPerFile, jwt),
      }));
    }
    if (isEuropeanDigitalCredential(json)) {
      return within('europass-edc', () => ({ kind: 'credentials', credentials: [readEuropeanDigitalCredential(json, source, jades)] }));
    }
    if (isAchievementCredential(json)) {
      return within('ob3', () => ({ kind: 'credentials', credentials: [readAchievementCredential(json, source, jwt)] }));
    }
    if (isVerifiableCredential(json)) {
      return within('vc', () => ({ kind: 'credentials', credentials: [readGenericVc(json, source, jwt)] }));
    }
    return notRecognised;
  }

  private jadesHeader(signatures: unknown[]): Record<string, unknown> {
    const first = signatures[0];
    if (!isRecord(first) || typeof first.protected !== 'string') {
      throw new MalformedInputError(msg('damaged.jadesNoHeader'), 'signatures[0]');
    }
    return decodeJwsHeader(first.protected, this.limits);
  }

  /** Several credentials side by side (a presentation, a JSON array): each read on its own. */
  private recogniseMany(items: unknown[], source: CredentialSource, label = 'item'): Recognition {
    if (items.length > this.limits.maxCredentialsPerFile) {
      throw new MalformedInputError(msg('damaged.tooManyCredentials', { count: items.length, limit: this.limits.maxCredentialsPerFile }));
    }
    const credentials = items.flatMap((item, index) => this.readNested(item, `${label} ${String(index + 1)}`, undefined, source));
    return credentials.length > 0 ? { kind: 'credentials', credentials } : notRecognised;
  }

  /** A credential inside another: a JSON object, or a VC-JWT string. */
  private readNested(item: unknown, label: string, parentIdentity: string | undefined, parent: CredentialSource): NormalizedCredential[] {
    const isJwt = typeof item === 'string' && looksLikeCompactJws(item);
    const payload = isJwt ? item.trim() : JSON.stringify(item);
    const fileBytes = utf8Encoder.encode(payload);
    const source: CredentialSource = {
      fileName: `${parent.fileName} › ${label}`,
      container: parent.container,
      fileBytes,
      mediaType: isJwt ? 'application/jwt' : 'application/json',
      payload,
      payloadUtf8: fileBytes,
      ...(parentIdentity ? { parentIdentity } : {}),
    };
    const recognition = isJwt ? this.recogniseJws(decodeCompactJws(payload, this.limits), source) : this.recogniseJson(item, source);
    if (recognition.kind === 'not-a-credential') {
      throw new MalformedInputError(msg('damaged.nestedNotCredential', { label }), label);
    }
    return recognition.credentials;
  }
}

export { looksLikeCompactJws };
