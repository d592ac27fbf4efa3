import type { CredentialFormat } from '../../../shared/credential/model';
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * A credential's format as people say it ("Open Badge 3.0", "Comprehensive Learner Record"),
 * not as intake records it (`ob3`, `3.0 (VC 1.1)`). The data-model version in brackets is for
 * the technically minded: it is kept as a second, plain part.
 */
export function formatName(format: CredentialFormat, formatVersion: string | undefined, t: Translate): string {
  const version = formatVersion ?? '';
  // "3.0 (VC 1.1)" → the spec's own version, "3.0"; "VC 2.0" and "ELM 3" stay as they are.
  const specVersion = /^\d+(\.\d+)*/.exec(version)?.[0];
  switch (format) {
    case 'ob2':
      return specVersion ? t('format.ob2.version', { version: specVersion.startsWith('1') ? '1.0' : specVersion }) : t('format.ob2');
    case 'ob3':
      return t('format.ob3');
    case 'clr2':
      return t('format.clr2');
    case 'blockcerts':
      return specVersion ? t('format.blockcerts.version', { version: specVersion.split('.')[0] ?? specVersion }) : t('format.blockcerts');
    case 'europass-edc':
      return t('format.europass');
    case 'vc':
      return t('format.vc');
    case 'certificate':
      return t('format.certificate');
  }
}

/** The technical version, when it says more than the name does: "VC 1.1", "ELM 2 (XML)". */
export function formatTechnicalVersion(format: CredentialFormat, formatVersion: string | undefined): string | undefined {
  if (!formatVersion) return undefined;
  const inBrackets = /\(([^)]+)\)/.exec(formatVersion)?.[1];
  if (inBrackets) return inBrackets;
  if (format === 'europass-edc' || format === 'vc') return formatVersion;
  return undefined;
}
