import type { VerificationMessage } from './verification';
import { intakeMessagesEn } from './intakeCatalogueEn';
import type { MessageTemplate } from './verificationCatalogueEn';
import { msg } from './verificationMessages';

/** A template cut into a pattern that matches the sentences made from it, and the names of its values. */
interface Pattern {
  readonly regex: RegExp;
  readonly names: readonly string[];
}

const patterns = new Map<string, Pattern>();

function patternOf(template: string): Pattern {
  let pattern = patterns.get(template);
  if (pattern === undefined) {
    const names: string[] = [];
    const source = template
      .split(/\{(\w+)\}/)
      .map((part, index) => {
        if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part);
        return '(.+?)';
      })
      .join('');
    pattern = { regex: new RegExp(`^${source}$`, 's'), names };
    patterns.set(template, pattern);
  }
  return pattern;
}

/**
 * The values an English sentence was filled in with, found by matching it against the template
 * it was made from ("There is no wallet in {folder}." gives `folder`); undefined when it was not
 * made from that template. For sentences that reach the reader in English only (notes stored
 * with a credential, errors thrown below the CLI), so that their language can still say them.
 */
export function valuesIn(template: string, sentence: string): Readonly<Record<string, string>> | undefined {
  const { regex, names } = patternOf(template);
  const found = regex.exec(sentence);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, found[index + 1] ?? '']));
}

/** The catalogue's notes (`note.*`): what intake says about a credential, stored in English with it. */
const noteKeys = (Object.keys(intakeMessagesEn) as (keyof typeof intakeMessagesEn)[]).filter((key) => key.startsWith('note.'));

/** A credential's note as a catalogue message, if it is one intake writes; undefined for any other (said as stored). */
export function noteMessage(note: string): VerificationMessage | undefined {
  for (const key of noteKeys) {
    const template: MessageTemplate = intakeMessagesEn[key];
    const values = typeof template === 'string' ? valuesIn(template, note) : undefined;
    if (values) return Object.keys(values).length > 0 ? msg(key, values) : msg(key);
  }
  return undefined;
}
