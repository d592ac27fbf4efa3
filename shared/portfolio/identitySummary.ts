import { identityTally, type IdentityGist } from '../credential/issuerIdentityText';
import { sayCount, type CountForm } from './countWords';
import type { PdfLanguage } from './types';

/**
 * The cover's one sentence on who stands behind the verified credentials, for an employer who
 * has never heard of registries or keys: "3 verified credentials: 1 from an issuer listed in a
 * registry, 1 from an issuer that publishes its key at its web domain; for 1 of them nothing
 * confirms who the issuer is." `verify-pdf` prints the same sentence under its table. Counts pick
 * their form by the language's plural rules (Intl.PluralRules), as the app's catalogues do.
 */

type Level = 'registry' | 'test' | 'domain' | 'trust-list';
/** One phrase in both languages, side by side: a language left out does not typecheck. */
type Phrase = Readonly<Record<PdfLanguage, CountForm>>;

const locales: Readonly<Record<PdfLanguage, string>> = { en: 'en-GB', de: 'de-DE' };

/** "# verified credentials": `#` is the count. */
const head: Phrase = {
  en: { one: '# verified credential', other: '# verified credentials' },
  de: { one: '# bestätigter Nachweis', other: '# bestätigte Nachweise' },
};

/** Where one category covers every verified credential: "2 verified credentials, all from …". */
const all: Phrase = { en: { one: ', ', other: ', all ' }, de: { one: ', ', other: ', alle ' } };

/** How a count of credentials came to be confirmed, after its number. */
const confirmed: Readonly<Record<Level, Phrase>> = {
  registry: {
    en: { one: 'from an issuer listed in a registry', other: 'from issuers listed in a registry' },
    de: { one: 'von einem in einem Register verzeichneten Aussteller', other: 'von in einem Register verzeichneten Ausstellern' },
  },
  test: {
    en: { one: 'from a test issuer in a registry of test issuers', other: 'from test issuers in a registry of test issuers' },
    de: { one: 'von einem Testaussteller aus einem Register für Testaussteller', other: 'von Testausstellern aus einem Register für Testaussteller' },
  },
  domain: {
    en: { one: 'from an issuer that publishes its key at its web domain', other: 'from issuers that publish their keys at their web domains' },
    de: {
      one: 'von einem Aussteller, der seinen Schlüssel unter seiner Web-Domain veröffentlicht',
      other: 'von Ausstellern, die ihre Schlüssel unter ihren Web-Domains veröffentlichen',
    },
  },
  'trust-list': {
    en: { one: 'sealed by an issuer on the EU trust list', other: 'sealed by issuers on the EU trust list' },
    de: { one: 'mit dem Siegel eines Ausstellers auf der EU-Vertrauensliste', other: 'mit Siegeln von Ausstellern auf der EU-Vertrauensliste' },
  },
};

/** After the head, when nothing confirms any issuer: "; nothing confirms who their issuers are". */
const noneConfirmed: Phrase = {
  en: { one: '; nothing confirms who its issuer is', other: '; nothing confirms who their issuers are' },
  de: { one: '; nichts belegt, wer ihn ausgestellt hat', other: '; bei keinem ist belegt, wer ihn ausgestellt hat' },
};

/** After the confirmed ones: "; for # of them nothing confirms who the issuer is". */
const someUnconfirmed: Phrase = {
  en: { one: '; for # of them nothing confirms who the issuer is', other: '; for # of them nothing confirms who the issuers are' },
  de: { one: '; bei # davon ist nicht belegt, wer ihn ausgestellt hat', other: '; bei # davon ist nicht belegt, wer sie ausgestellt hat' },
};

const justTheNumber: Phrase = { en: { other: '#' }, de: { other: '#' } };

/** The sentence, or '' when no verified credential says how its issuer was judged (reports from before that was judged). */
export function verifiedIdentitySentence(language: PdfLanguage, verified: number, identities: readonly IdentityGist[]): string {
  if (identities.length === 0) return '';
  const say = (phrase: Phrase, count: number): string => sayCount(locales[language], phrase[language], count);
  const tally = identityTally(identities);
  const opening = say(head, verified);
  const levels = (['registry', 'test', 'domain', 'trust-list'] as const).filter((level) => tally[level] > 0);
  if (levels.length === 0) {
    // Every verified credential's issuer is only its own claim (or not judged at all).
    return `${opening}${tally.unconfirmed === verified ? say(noneConfirmed, verified) : say(someUnconfirmed, tally.unconfirmed)}.`;
  }
  const [only] = levels;
  if (levels.length === 1 && only !== undefined && tally[only] === verified) {
    return `${opening}${say(all, verified)}${say(confirmed[only], verified)}.`;
  }
  const parts = levels.map((level) => `${say(justTheNumber, tally[level])} ${say(confirmed[level], tally[level])}`);
  const rest = tally.unconfirmed > 0 ? say(someUnconfirmed, tally.unconfirmed) : '';
  return `${opening}: ${parts.join(', ')}${rest}.`;
}
