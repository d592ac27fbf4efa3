import { msg } from '../../shared/credential/verificationMessages';
import { base64ToBytes } from '../../shared/encoding/base64';
import { MalformedInputError, type IntakeLimits } from './limits';
import { decodeUtf8, isRecord, parseJsonSafely } from './safeJson';

// Intake decodes untrusted JWS itself, not through jose as verify does: jose parses with no bound on size or depth, and refuses base64 that base64ToBytes reads.

/** A compact JWS (`header.payload.signature`), decoded but not verified. */
export interface DecodedJws {
  readonly header: Record<string, unknown>;
  readonly payload: unknown;
  readonly text: string;
}

const compactJwsPattern = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export function looksLikeCompactJws(text: string): boolean {
  return text.length < 64 * 1024 * 1024 && compactJwsPattern.test(text.trim());
}

/** Decodes a protected header on its own (JAdES keeps it apart from a detached payload). */
export function decodeJwsHeader(part: string, limits: IntakeLimits): Record<string, unknown> {
  let header: unknown;
  try {
    header = parseJsonSafely(decodeUtf8(base64ToBytes(part)), limits, 'JWS header');
  } catch (error) {
    throw error instanceof MalformedInputError ? error : new MalformedInputError(msg('damaged.jwsHeaderBase64'));
  }
  if (!isRecord(header) || typeof header.alg !== 'string') {
    throw new MalformedInputError(msg('damaged.jwsNoAlg'), 'JWS header');
  }
  return header;
}

export function decodeCompactJws(raw: string, limits: IntakeLimits): DecodedJws {
  const text = raw.trim();
  const parts = text.split('.');
  if (parts.length !== 3 || !compactJwsPattern.test(text)) {
    throw new MalformedInputError(msg('damaged.jwsParts', { count: parts.length }));
  }
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJwsHeader(headerPart, limits);
  let payload: unknown;
  if (signaturePart === '') throw new MalformedInputError(msg('damaged.jwsNoSignature'), 'JWS signature');
  try {
    payload = parseJsonSafely(decodeUtf8(base64ToBytes(payloadPart)), limits, 'JWS payload');
  } catch (error) {
    throw error instanceof MalformedInputError ? error : new MalformedInputError(msg('damaged.jwsPayloadBase64'));
  }
  return { header, payload, text };
}
