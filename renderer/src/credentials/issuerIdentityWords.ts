import type { Language } from '../../../shared/preferences';
import type { IssuerIdentity, VerificationStatus } from '../../../shared/credential/verification';
import type { MessageKey } from '../i18n/en';
import { formatDate } from '../wallet/formatDate';
import { renderOr } from '../../../shared/credential/verificationMessages';

/** The renderer's translate (i18n.tsx), typed here so that these words can be tested without React. */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * Who stands behind a credential's key, in the reader's language: the card's short label
 * ("Issuer listed in DCC Member Registry", "Key published at credly.com", "Issuer not
 * confirmed") and the details' sentence. Made only from what the report says: a report without
 * an identity gets no words at all.
 */

/** The card's label. */
export function identityLabel(identity: Pick<IssuerIdentity, 'level' | 'source' | 'test'>, t: Translate): string {
  switch (identity.level) {
    case 'registry':
      if (!identity.source) return t('identity.label.registryUnnamed');
      return t(identity.test ? 'identity.label.registryTest' : 'identity.label.registry', { registry: identity.source });
    case 'domain':
      return identity.source ? t('identity.label.domain', { domain: identity.source }) : t('identity.label.domainUnnamed');
    case 'trust-list':
      return t('identity.label.trust-list');
    case 'unconfirmed':
      return t('identity.label.unconfirmed');
  }
}

/**
 * The details' sentence. English shows the engine's own (it may also name a registry's location
 * or a seal's certificate); other languages render its message, or, for a report stored
 * without one, say the same from the identity's fields.
 */
export function identitySentence(identity: IssuerIdentity, status: VerificationStatus, t: Translate, language: Language): string {
  if (language === 'en') return identity.sentence;
  const parts: string[] = [];
  switch (identity.level) {
    case 'registry': {
      const registry = identity.source ?? '';
      const name = identity.name ?? identity.claimedName ?? '';
      parts.push(
        identity.asOf ? t('identity.sentence.registry', { registry, name, date: formatDate(identity.asOf, language) }) : t('identity.sentence.registryUndated', { registry, name }),
      );
      if (identity.test) parts.push(t('identity.sentence.testRegistry'));
      if (identity.claimedName) parts.push(t('identity.sentence.claimed', { name: identity.claimedName }));
      break;
    }
    case 'domain': {
      const domain = identity.source ?? '';
      parts.push(t('identity.sentence.domain', { domain }));
      if (identity.name) parts.push(t('identity.sentence.domainJudge', { name: identity.name, domain }));
      break;
    }
    case 'trust-list':
      parts.push(t('identity.sentence.trustList'));
      break;
    case 'unconfirmed':
      if (status === 'unsigned') parts.push(t('identity.sentence.unsigned'));
      else if (status === 'unverifiable') parts.push(t('identity.sentence.unverifiable'));
      else if (status === 'invalid' || status === 'malformed') parts.push(t('identity.sentence.invalid'));
      else parts.push(identity.name ? t('identity.sentence.ownClaim', { name: identity.name }) : t('identity.sentence.noName'));
      break;
  }
  // The engine's own sentence as a message (a seal's organisation, a registry snapshot's date) says more than the fields.
  return renderOr(identity.message, language, parts.join(' '));
}
