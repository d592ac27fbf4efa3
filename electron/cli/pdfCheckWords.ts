import { identityPhrase, type IdentityGist } from '../../shared/credential/issuerIdentityText';
import { renderMessage, summaryIn } from '../../shared/credential/verificationMessages';
import type { VerificationMessage, VerificationReport } from '../../shared/credential/verification';
import { formatCalendarDate } from '../../shared/credential/calendarDate';
import { identityPhraseDe, pdfWords, statusLabel } from '../../shared/portfolio/pdfWords';
import type { AttachmentIntegrity } from '../portfolio/readPortfolioPdf';

/**
 * What `verify-pdf` prints for people, in English or German (`--language`, else the app's
 * language setting, as `export-pdf`): an employer who reads German gets the table, the
 * attachment sentences, each credential's summary and the notes in German. `--json` stays in
 * the codes scripts match on ("verified", "intact"), with English sentences.
 */

export type { CheckLanguage } from './savedLanguage';
import type { CheckLanguage } from './savedLanguage';

export interface PdfCheckWords {
  readonly headers: readonly [string, string, string, string, string];
  readonly integrity: (integrity: AttachmentIntegrity) => string;
  /** One sentence on whether an attachment is the file exported. */
  readonly attachment: (integrity: AttachmentIntegrity, file: string, hasManifest: boolean) => string;
  readonly status: (status: string) => string;
  readonly identityPhrase: (identity: IdentityGist) => string;
  /** For a verified credential whose issuer no registry lists: who stands behind its key. */
  readonly identitySentence: (identity: IdentityGist & { readonly sentence: string }, status: string) => string;
  readonly summary: (report: VerificationReport) => string;
  readonly note: (message: VerificationMessage) => string;
  readonly verifiedIssuers: (verified: number, identities: readonly IdentityGist[]) => string;
  readonly allConfirmed: string;
  readonly notAllConfirmed: string;
}

const english: PdfCheckWords = {
  headers: ['ATTACHMENT', 'INTEGRITY', 'STATUS', 'ISSUER', 'NAME'],
  integrity: (integrity) => integrity,
  attachment: (integrity, file, hasManifest) => {
    switch (integrity) {
      case 'unlisted':
        return hasManifest ? `${file} is not in the manifest: it was added after export.` : `${file} is attached; there is no manifest to compare it with.`;
      case 'altered':
        return `${file} differs from the file exported: it was altered or swapped after export.`;
      case 'identity-mismatch':
        return `${file} matches its listed digest but holds a different credential than the one listed.`;
      case 'missing':
        return `${file} is listed in the manifest but no longer attached.`;
      case 'intact':
        return `${file} is exactly the file exported.`;
    }
  },
  status: (status) => status,
  identityPhrase,
  identitySentence: (identity) => identity.sentence,
  summary: (report) => summaryIn(report, 'en'),
  note: (message) => renderMessage(message, 'en'),
  verifiedIssuers: (verified, identities) => pdfWords.en.verifiedIdentities(verified, identities),
  allConfirmed: 'Every credential in this PDF is intact and verified.',
  notAllConfirmed: 'Not every credential in this PDF could be confirmed: see above.',
};

const germanIntegrity: Record<AttachmentIntegrity, string> = {
  intact: 'unverändert',
  altered: 'verändert',
  'identity-mismatch': 'vertauscht',
  missing: 'fehlt',
  unlisted: 'nicht verzeichnet',
};

const german: PdfCheckWords = {
  headers: ['ANHANG', 'UNVERSEHRT', 'STATUS', 'AUSSTELLER', 'NAME'],
  integrity: (integrity) => germanIntegrity[integrity],
  attachment: (integrity, file, hasManifest) => {
    switch (integrity) {
      case 'unlisted':
        return hasManifest
          ? `${file} steht nicht im Verzeichnis: Die Datei wurde nach dem Export hinzugefügt.`
          : `${file} ist beigefügt; es gibt kein Verzeichnis, mit dem sie verglichen werden kann.`;
      case 'altered':
        return `${file} weicht von der exportierten Datei ab: Sie wurde nach dem Export verändert oder ausgetauscht.`;
      case 'identity-mismatch':
        return `${file} stimmt mit der verzeichneten Prüfsumme überein, enthält aber einen anderen Nachweis als verzeichnet.`;
      case 'missing':
        return `${file} steht im Verzeichnis, ist aber nicht mehr beigefügt.`;
      case 'intact':
        return `${file} ist genau die exportierte Datei.`;
    }
  },
  status: (status) => statusLabel(pdfWords.de, status),
  identityPhrase: identityPhraseDe,
  identitySentence: (identity, status) => pdfWords.de.identityLine(identity, status, (iso) => formatCalendarDate(iso, 'de-DE', 'long')),
  summary: (report) => summaryIn(report, 'de'),
  note: (message) => renderMessage(message, 'de'),
  verifiedIssuers: (verified, identities) => pdfWords.de.verifiedIdentities(verified, identities),
  allConfirmed: 'Jeder Nachweis in diesem PDF ist unverändert und bestätigt.',
  notAllConfirmed: 'Nicht jeder Nachweis in diesem PDF ließ sich bestätigen: siehe oben.',
};

export function pdfCheckWords(language: CheckLanguage): PdfCheckWords {
  return language === 'de' ? german : english;
}
