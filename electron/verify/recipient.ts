import { createHash } from 'node:crypto';
import type { Recipient } from '../../shared/credential/model';
import { msg } from '../../shared/credential/verificationMessages';
import { checkLabel, type Checks } from './checks';

/**
 * Whether the credential was awarded to the wallet's owner: an OB 2.0 (or OB 3.0
 * identityHash) `sha256$…`/`md5$…` of e-mail + salt is recomputed locally against the
 * owner's own addresses; nothing leaves the machine. Informational: a badge awarded to
 * another address is still genuine, so this never changes the verdict.
 */
function hashIdentity(algorithm: 'sha256' | 'md5', identity: string, salt: string): string {
  return createHash(algorithm)
    .update(identity + salt)
    .digest('hex');
}

export function matchesIdentity(recipient: Pick<Recipient, 'identity' | 'hashed' | 'salt'>, candidate: string): boolean {
  const identity = recipient.identity ?? '';
  if (!recipient.hashed && !/^(sha256|md5)\$/i.test(identity)) return identity.trim().toLowerCase() === candidate.trim().toLowerCase();
  const match = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(identity);
  if (!match?.[1] || !match[2]) return false;
  const algorithm = match[1].toLowerCase() as 'sha256' | 'md5';
  const expected = match[2].toLowerCase();
  const salt = recipient.salt ?? '';
  // Issuers hash the address as typed or lower-cased: accept both spellings of the owner's own.
  return [candidate.trim(), candidate.trim().toLowerCase()].some((form) => hashIdentity(algorithm, form, salt) === expected);
}

export function checkRecipient(recipient: Recipient | undefined, ownerEmails: readonly string[], checks: Checks): void {
  if (!recipient?.identity) return;
  const isEmail = recipient.type === undefined || recipient.type === 'email' || recipient.identity.includes('@');
  if (!recipient.hashed && !recipient.identity.includes('$') && !isEmail) return;
  if (ownerEmails.length === 0) {
    checks.skip('recipient', checkLabel('recipient'), recipient.hashed ? msg('recipient.hashedNoAddresses') : msg('recipient.awardedTo', { identity: recipient.identity }));
    return;
  }
  const match = ownerEmails.find((email) => matchesIdentity(recipient, email));
  if (match)
    checks.pass('recipient', checkLabel('recipient'), msg('recipient.yours', { address: match }), {
      detail: recipient.hashed ? 'hashed identity matched locally' : 'plain identity',
    });
  else
    checks.skip('recipient', checkLabel('recipient'), msg('recipient.notYours'), undefined, undefined, {
      detail: recipient.hashed ? 'hashed identity, no match' : recipient.identity,
    });
}
