import { base64ToBytes } from '../../shared/encoding/base64';
import { MalformedInputError, type IntakeLimits } from './limits';
import { decodeUtf8, isRecord, parseJsonSafely } from './safeJson';

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
    throw error instanceof MalformedInputError ? error : new MalformedInputError('The JWS header is not valid base64url.');
  }
  if (!isRecord(header) || typeof header.alg !== 'string') {
    throw new MalformedInputError('The JWS header names no signature algorithm ("alg").', 'JWS header');
  }
  return header;
}

export function decodeCompactJws(raw: string, limits: IntakeLimits): DecodedJws {
  const text = raw.trim();
  const parts = text.split('.');
  if (parts.length !== 3 || !compactJwsPattern.test(text)) {
    throw new MalformedInputError(
      `A signed credential (JWS) must have three parts separated by dots; this one has ${String(parts.length)}.`,
    );
  }
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJwsHeader(headerPart, limits);
  let payload: unknown;
  if (signaturePart === '') throw new MalformedInputError('The JWS has no signature.', 'JWS signature');
  try {
    payload = parseJsonSafely(decodeUtf8(base64ToBytes(payloadPart)), limits, 'JWS payload');
  } catch (error) {
    throw error instanceof MalformedInputError ? error : new MalformedInputError('The JWS payload is not valid base64url.');
  }
  return { header, payload, text };
}
