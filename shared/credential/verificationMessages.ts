import type { Language } from '../preferences';
import { registryName } from './issuerIdentityText';
import { verificationMessagesDe } from './verificationCatalogueDe';
import { verificationMessagesEn, type MessageTemplate, type VerificationMessageKey } from './verificationCatalogueEn';
import { receiveMessagesDe } from './receiveCatalogueDe';
import { receiveMessagesEn, type ReceiveMessageKey } from './receiveCatalogueEn';
import type { IssuerIdentity, VerificationCheck, VerificationMessage, VerificationReport, VerificationStatus } from './verification';
import { formatCalendarDate } from './calendarDate';
import { carriesNoSignature, provenByProof, selfReportedEntry } from './proofChecks';

/**
 * Verification reports in the reader's language. The engine writes each check's sentence as
 * a message (a catalogue key and its values) beside its English rendering; the app renders
 * the message in the chosen language, the CLI prints the English. Pure: no Node, no DOM.
 */

export type { MessageTemplate, VerificationMessageKey, ReceiveMessageKey };
export type MessageParams = NonNullable<VerificationMessage['params']>;
/** Every key a message may have: the verification engine's, and receiving's (receiveCatalogueEn.ts). */
export type MessageKey = VerificationMessageKey | ReceiveMessageKey;

type Catalogue = Readonly<Record<MessageKey, MessageTemplate>>;

const englishCatalogue: Catalogue = { ...verificationMessagesEn, ...receiveMessagesEn };
/** Built on first use: every report carries its English, but a CLI run or a worker rarely needs German. */
let german: Catalogue | undefined;

function catalogueOf(language: Language): Catalogue {
  if (language === 'en') return englishCatalogue;
  german ??= { ...verificationMessagesDe(), ...receiveMessagesDe() };
  return german;
}

/** Every key the verification catalogues hold, for tests and tools. */
export const verificationMessageKeys = Object.keys(verificationMessagesEn) as VerificationMessageKey[];
/** Every key receiving's catalogues hold. */
export const receiveMessageKeys = Object.keys(receiveMessagesEn) as ReceiveMessageKey[];

export function isVerificationMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(englishCatalogue, key);
}

/** The catalogue entry for a key in a language, for tests that compare the two catalogues. */
export function templateOf(key: MessageKey, language: Language): MessageTemplate {
  return catalogueOf(language)[key];
}

/** A message with a key the compiler knows: a misspelt key is a type error, not a blank sentence. */
export function msg(key: MessageKey, params?: MessageParams): VerificationMessage {
  return params ? { key, params } : { key };
}

export interface RenderOptions {
  /** Writes an ISO date (a value named `…Date`) in the language; a long UTC date by default, as the engine always wrote it. */
  readonly formatDate?: (iso: string, language: Language) => string;
}

/** A key the catalogue does not hold, or a value its template names but the message lacks. */
export class MessageRenderError extends Error {
  override readonly name = 'MessageRenderError';
}

const locales: Readonly<Record<Language, string>> = { en: 'en-GB', de: 'de-DE' };

/** "3 March 2024", "3. März 2024": the day written, so every machine says the same day for the same report. */
export function longDate(iso: string, language: Language): string {
  return formatCalendarDate(iso, locales[language], 'long') ?? iso;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralForm(template: MessageTemplate, params: MessageParams | undefined, language: Language, key: string): string {
  if (typeof template === 'string') return template;
  const count = params?.[template.plural];
  if (typeof count !== 'number') throw new MessageRenderError(`${key} needs the count "${template.plural}"`);
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(locales[language]);
    pluralRules.set(language, rules);
  }
  const category = rules.select(count);
  return (category === 'other' ? undefined : template[category]) ?? template.other;
}

const placeholder = /\{(\w+)((?:\|\w+)*)\}/g;

const modifiers: Readonly<Record<string, (text: string) => string>> = {
  lower: (text) => text.toLowerCase(),
  noStop: (text) => text.replace(/\.$/, ''),
  firstLower: (text) => text.charAt(0).toLowerCase() + text.slice(1),
  firstUpper: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  words: (text) => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(),
};

/** A `{value|modifier…}` in a template. */
interface Slot {
  readonly name: string;
  readonly mods: readonly string[];
}

/** Templates cut at their values once: a batch's reports render the same few dozen templates thousands of times. */
const cutTemplates = new Map<string, readonly (string | Slot)[]>();

function partsOf(text: string): readonly (string | Slot)[] {
  let parts = cutTemplates.get(text);
  if (parts === undefined) {
    const cut: (string | Slot)[] = [];
    let from = 0;
    for (const found of text.matchAll(placeholder)) {
      cut.push(text.slice(from, found.index), { name: found[1] ?? '', mods: (found[2] ?? '').split('|').filter(Boolean) });
      from = found.index + found[0].length;
    }
    cut.push(text.slice(from));
    parts = cut;
    cutTemplates.set(text, parts);
  }
  return parts;
}

function slotText(slot: Slot, message: VerificationMessage, language: Language, options: RenderOptions): string {
  const value = message.params?.[slot.name];
  if (value === undefined) throw new MessageRenderError(`${message.key} needs the value "${slot.name}"`);
  let out: string;
  if (typeof value === 'object') out = renderMessage(value, language, options);
  else if (typeof value === 'number') out = String(value);
  else out = slot.name.endsWith('Date') ? (options.formatDate ?? longDate)(value, language) : value;
  for (const mod of slot.mods) {
    const apply = modifiers[mod];
    if (!apply) throw new MessageRenderError(`${message.key} uses an unknown modifier "${mod}"`);
    out = apply(out);
  }
  return out;
}

/**
 * The message in a language: its template with each `{value}` filled in, nested messages
 * rendered in the same language, `…Date` values written as dates. Throws MessageRenderError
 * for a key or value it does not have (the engine's mistake, caught by its tests); the app
 * uses `renderOr` to fall back to the English it was given.
 */
export function renderMessage(message: VerificationMessage, language: Language, options: RenderOptions = {}): string {
  if (!isVerificationMessageKey(message.key)) throw new MessageRenderError(`no verification message "${message.key}"`);
  const text = pluralForm(catalogueOf(language)[message.key], message.params, language, message.key);
  let out = '';
  for (const part of partsOf(text)) out += typeof part === 'string' ? part : slotText(part, message, language, options);
  return out;
}

/** Labels and fixed sentences, rendered once: every report repeats them (a batch of 400 writes thousands). */
const fixedEnglish = new Map<string, string>();

/** The English sentence the engine stores beside a message (and the CLI prints). */
export function englishOf(message: VerificationMessage): string {
  if (message.params !== undefined) return renderMessage(message, 'en');
  let text = fixedEnglish.get(message.key);
  if (text === undefined) {
    text = renderMessage(message, 'en');
    fixedEnglish.set(message.key, text);
  }
  return text;
}

/** The message in a language, or `fallback` (the stored English) when this catalogue cannot say it. */
export function renderOr(message: VerificationMessage | undefined, language: Language, fallback: string, options?: RenderOptions): string {
  if (!message) return fallback;
  try {
    return renderMessage(message, language, options);
  } catch (error) {
    if (error instanceof MessageRenderError) return fallback;
    throw error;
  }
}

/** "a; b; c" as one nested message, however many parts (none gives undefined). */
export function joinMessages(parts: readonly VerificationMessage[]): VerificationMessage | undefined {
  const [first, ...rest] = parts;
  if (!first) return undefined;
  const tail = joinMessages(rest);
  return tail ? msg('join.semicolon', { first, rest: tail }) : first;
}

/** A verdict as a word inside a sentence ("invalid"). */
export function statusWord(status: VerificationStatus): VerificationMessage {
  return msg(`verdict.status.${status}`);
}

/** The registry named in a verified summary: "the DCC Member Registry", a list the user added named by its file, or "a registry". */
function registryMessage(source: string | null): VerificationMessage {
  const english = registryName(source);
  if (source === null || source.trim() === '') return msg('summary.registry.unnamed');
  return english === source ? msg('summary.registry.plain', { name: source }) : msg('summary.registry.the', { name: source });
}

/**
 * A verified credential's sentence says who signed it only as far as the identity finding
 * goes: a registry's name, a web domain, or that the name is the signer's own claim.
 */
function verifiedMessage(identity: IssuerIdentity | undefined): VerificationMessage {
  if (identity?.level === 'registry' && identity.name) {
    return msg(identity.test ? 'summary.verified.registryTest' : 'summary.verified.registry', { name: identity.name, registry: registryMessage(identity.source) });
  }
  if (identity?.level === 'domain' && identity.source) return msg('summary.verified.domain', { domain: identity.source });
  if (identity?.level === 'unconfirmed') return identity.name ? msg('summary.verified.unconfirmed', { name: identity.name }) : msg('summary.verified.unconfirmedNoName');
  return msg('summary.verified');
}

/**
 * "Genuine" says the issuer signed it; where nothing confirms who the signer is (a did:key
 * anyone can make), the lead says only what was checked.
 */
const unconfirmedLeads: Partial<Record<VerificationStatus, VerificationMessageKey>> = {
  expired: 'summary.lead.expiredUnconfirmed',
  'not-yet-valid': 'summary.lead.not-yet-validUnconfirmed',
  revoked: 'summary.lead.revokedUnconfirmed',
};

/** Leads for a verdict about dates or revocation when no proof could be checked: they never say "genuine" or "signed". */
const uncheckedLeads: Partial<Record<VerificationStatus, VerificationMessageKey>> = {
  expired: 'summary.lead.expiredUnchecked',
  'not-yet-valid': 'summary.lead.not-yet-validUnchecked',
  revoked: 'summary.lead.revokedUnchecked',
};

/**
 * How the sentence for a verdict begins ("Not genuine:"), before the check that decided it; the
 * whole sentence for a verified, unsigned or self-reported one. A credential with no signature at all says
 * that first, whatever else could not be checked ("Not signed: … Also not fully checked:").
 */
export function summaryLeadOf(status: VerificationStatus, identity?: IssuerIdentity, checks?: readonly VerificationCheck[]): VerificationMessage {
  if (status === 'verified') return verifiedMessage(identity);
  if (status === 'unsigned') return msg(checks && selfReportedEntry(checks) ? 'summary.selfReported' : 'summary.unsigned');
  if (checks && carriesNoSignature(checks)) return msg('summary.notSignedAnd', { also: msg(`summary.also.${status}`) });
  // "Genuine but expired" and "Signed and unchanged, but expired" need a proof that held; a hosted badge not fetched offline has none.
  if (checks && !provenByProof(checks) && uncheckedLeads[status]) return msg(uncheckedLeads[status]);
  return msg((identity?.level === 'unconfirmed' ? unconfirmedLeads[status] : undefined) ?? `summary.lead.${status}`);
}

/**
 * The sentence for the whole credential, as a message: the verdict's lead and the check that
 * decided it. Undefined when that check has no message (a check still worded in English only):
 * the whole sentence is then the English one, never half in one language and half in another.
 */
export function summaryMessageOf(status: VerificationStatus, checks: readonly VerificationCheck[], identity?: IssuerIdentity): VerificationMessage | undefined {
  // A Blockcerts test certificate passes every check it can have, but no chain record or issuer key stands behind it.
  if (status === 'verified' && checks.some((c) => c.id === 'anchor' && c.outcome === 'skipped' && c.implies === undefined)) return msg('summary.testCertificate');
  const lead = summaryLeadOf(status, identity, checks);
  if (status === 'verified' || status === 'unsigned') return lead;
  const reason = checks.find((c) => c.outcome !== 'passed' && c.implies === status);
  if (!reason) return lead;
  return reason.message ? msg('summary.withReason', { lead, reason: reason.message }) : undefined;
}

/** The report's sentence as a message: the one it carries, else derived from its checks (reports stored before the engine set it). */
export function reportSummaryMessage(report: Pick<VerificationReport, 'status' | 'checks' | 'issuerIdentity' | 'summaryMessage'>): VerificationMessage | undefined {
  return report.summaryMessage ?? summaryMessageOf(report.status, report.checks, report.issuerIdentity);
}

/**
 * What the app shows: English as the engine wrote it (the same words as the CLI), other
 * languages from the message, falling back to that English where there is none.
 */
export function checkSentenceIn(check: Pick<VerificationCheck, 'sentence' | 'message'>, language: Language, options?: RenderOptions): string {
  return language === 'en' ? check.sentence : renderOr(check.message, language, check.sentence, options);
}

export function checkLabelIn(check: Pick<VerificationCheck, 'label' | 'labelKey' | 'labelParams'>, language: Language): string {
  if (language === 'en' || check.labelKey === undefined) return check.label;
  return renderOr({ key: check.labelKey, ...(check.labelParams ? { params: check.labelParams } : {}) }, language, check.label);
}

/** A report's (or a report excerpt's) sentence: its message, or one derived from its checks when it has them. */
export function summaryIn(
  report: { readonly summary: string; readonly summaryMessage?: VerificationMessage | undefined } & Partial<Pick<VerificationReport, 'status' | 'checks' | 'issuerIdentity'>>,
  language: Language,
  options?: RenderOptions,
): string {
  if (language === 'en') return report.summary;
  const message = report.summaryMessage ?? (report.status && report.checks ? summaryMessageOf(report.status, report.checks, report.issuerIdentity) : undefined);
  return renderOr(message, language, report.summary, options);
}
