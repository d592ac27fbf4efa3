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

type Form = CountForm;
type Level = 'registry' | 'test' | 'domain' | 'trust-list';

interface SummaryWords {
  readonly locale: string;
  /** "# verified credentials": `#` is the count. */
  readonly head: Form;
  /** Where one category covers every verified credential: "2 verified credentials, all from …". */
  readonly all: Form;
  /** How a count of credentials came to be confirmed, after its number. */
  readonly confirmed: Readonly<Record<Level, Form>>;
  /** After the head, when nothing confirms any issuer: "; nothing confirms who their issuers are". */
  readonly noneConfirmed: Form;
  /** After the confirmed ones: "; for # of them nothing confirms who the issuer is". */
  readonly someUnconfirmed: Form;
}

const english: SummaryWords = {
  locale: 'en-GB',
  head: { one: '# verified credential', other: '# verified credentials' },
  all: { one: ', ', other: ', all ' },
  confirmed: {
    registry: { one: 'from an issuer listed in a registry', other: 'from issuers listed in a registry' },
    test: { one: 'from a test issuer in a registry of test issuers', other: 'from test issuers in a registry of test issuers' },
    domain: { one: 'from an issuer that publishes its key at its web domain', other: 'from issuers that publish their keys at their web domains' },
    'trust-list': { one: 'sealed by an issuer on the EU trust list', other: 'sealed by issuers on the EU trust list' },
  },
  noneConfirmed: { one: '; nothing confirms who its issuer is', other: '; nothing confirms who their issuers are' },
  someUnconfirmed: { one: '; for # of them nothing confirms who the issuer is', other: '; for # of them nothing confirms who the issuers are' },
};

const german: SummaryWords = {
  locale: 'de-DE',
  head: { one: '# bestätigter Nachweis', other: '# bestätigte Nachweise' },
  all: { one: ', ', other: ', alle ' },
  confirmed: {
    registry: { one: 'von einem in einem Register verzeichneten Aussteller', other: 'von in einem Register verzeichneten Ausstellern' },
    test: { one: 'von einem Testaussteller aus einem Register für Testaussteller', other: 'von Testausstellern aus einem Register für Testaussteller' },
    domain: {
      one: 'von einem Aussteller, der seinen Schlüssel unter seiner Web-Domain veröffentlicht',
      other: 'von Ausstellern, die ihre Schlüssel unter ihren Web-Domains veröffentlichen',
    },
    'trust-list': { one: 'mit dem Siegel eines Ausstellers auf der EU-Vertrauensliste', other: 'mit Siegeln von Ausstellern auf der EU-Vertrauensliste' },
  },
  noneConfirmed: { one: '; nichts belegt, wer ihn ausgestellt hat', other: '; bei keinem ist belegt, wer ihn ausgestellt hat' },
  someUnconfirmed: { one: '; bei # davon ist nicht belegt, wer ihn ausgestellt hat', other: '; bei # davon ist nicht belegt, wer sie ausgestellt hat' },
};

const words: Readonly<Record<PdfLanguage, SummaryWords>> = { en: english, de: german };
const say = (language: PdfLanguage, form: Form, count: number): string => sayCount(words[language].locale, form, count);

/** The sentence, or '' when no verified credential says how its issuer was judged (reports from before that was judged). */
export function verifiedIdentitySentence(language: PdfLanguage, verified: number, identities: readonly IdentityGist[]): string {
  if (identities.length === 0) return '';
  const w = words[language];
  const tally = identityTally(identities);
  const head = say(language, w.head, verified);
  const levels = (['registry', 'test', 'domain', 'trust-list'] as const).filter((level) => tally[level] > 0);
  if (levels.length === 0) {
    // Every verified credential's issuer is only its own claim (or not judged at all).
    return `${head}${tally.unconfirmed === verified ? say(language, w.noneConfirmed, verified) : say(language, w.someUnconfirmed, tally.unconfirmed)}.`;
  }
  const [only] = levels;
  if (levels.length === 1 && only !== undefined && tally[only] === verified) {
    return `${head}${say(language, w.all, verified)}${say(language, w.confirmed[only], verified)}.`;
  }
  const parts = levels.map((level) => `${say(language, { other: '#' }, tally[level])} ${say(language, w.confirmed[level], tally[level])}`);
  const rest = tally.unconfirmed > 0 ? say(language, w.someUnconfirmed, tally.unconfirmed) : '';
  return `${head}: ${parts.join(', ')}${rest}.`;
}
