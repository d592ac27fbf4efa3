import { ownerProfileSchema, type OwnerProfileSettings } from '../../../shared/preferences';
import type { MessageKey } from '../i18n/en';
import { addressProblemKeys, checkHttpsAddress } from '../settings/httpsAddress';

/** One row of the links editor; `key` keeps React's rows stable while rows come and go. */
export interface LinkDraft {
  readonly key: number;
  readonly label: string;
  readonly url: string;
}

/** The profile as the form holds it: plain strings, e-mail addresses one per line. */
export interface ProfileDraft {
  readonly name: string;
  readonly headline: string;
  readonly emails: string;
  readonly phone: string;
  readonly website: string;
  readonly location: string;
  readonly about: string;
  readonly links: readonly LinkDraft[];
}

export type TextField = Exclude<keyof ProfileDraft, 'links'>;

/** Which input an error belongs to, so the form can mark and focus it. */
export type FieldRef = { readonly field: TextField } | { readonly link: number; readonly part: 'label' | 'url' };

/** As many as ownerProfileSchema keeps (its final check would refuse more). */
export const maxEmails = 20;
export const maxLinks = 10;

export function draftFromProfile(profile: OwnerProfileSettings, nextKey: () => number): ProfileDraft {
  return {
    name: profile.name,
    headline: profile.headline ?? '',
    emails: profile.emails.join('\n'),
    phone: profile.phone ?? '',
    website: profile.website ?? '',
    location: profile.location ?? '',
    about: profile.about ?? '',
    links: profile.links.map((link) => ({ key: nextKey(), label: link.label, url: link.url })),
  };
}

/** The i18n layer's translate function (declared here so this module stays free of React). */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

export type DraftCheck = { readonly ok: true; readonly profile: OwnerProfileSettings } | { readonly ok: false; readonly at: FieldRef; readonly message: string };

const labelKeys = {
  name: 'profile.name',
  headline: 'profile.headline',
  emails: 'profile.emails',
  phone: 'profile.phone',
  website: 'profile.website',
  location: 'profile.location',
  about: 'profile.about',
} as const satisfies Record<TextField, string>;

function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Turns the form into a profile, or names the first thing wrong with it. Nothing is saved
 * unless everything is right: a half-valid profile would print a broken link on a CV.
 */
export function profileFromDraft(draft: ProfileDraft, t: Translate): DraftCheck {
  const emails: string[] = [];
  const seen = new Set<string>();
  for (const line of draft.emails.split(/\r?\n/)) {
    const address = line.trim();
    if (address === '') continue;
    if (!ownerProfileSchema.shape.emails.element.safeParse(address).success) {
      return { ok: false, at: { field: 'emails' }, message: t('profile.error.email', { address }) };
    }
    // The same address twice (in any letter case) is one address.
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    emails.push(address);
  }
  if (emails.length > maxEmails) return { ok: false, at: { field: 'emails' }, message: t('profile.error.tooManyEmails', { max: maxEmails }) };

  let website: string | undefined;
  if (draft.website.trim() !== '') {
    const checked = checkHttpsAddress(draft.website);
    if (!checked.ok) return { ok: false, at: { field: 'website' }, message: t('profile.error.website', { problem: t(addressProblemKeys[checked.problem]) }) };
    website = checked.address;
  }

  const links: { label: string; url: string }[] = [];
  /** The form row of each kept link (empty rows are skipped), to point a schema error at it. */
  const linkRows: number[] = [];
  for (const [index, link] of draft.links.entries()) {
    const number = index + 1;
    const label = link.label.trim();
    const url = link.url.trim();
    if (label === '' && url === '') continue;
    if (url === '') return { ok: false, at: { link: index, part: 'url' }, message: t('profile.error.linkMissingUrl', { number }) };
    const checked = checkHttpsAddress(url);
    if (!checked.ok) return { ok: false, at: { link: index, part: 'url' }, message: t('profile.error.linkUrl', { number, problem: t(addressProblemKeys[checked.problem]) }) };
    if (label === '') return { ok: false, at: { link: index, part: 'label' }, message: t('profile.error.linkLabel', { number }) };
    links.push({ label, url: checked.address });
    linkRows.push(index);
  }

  const headline = optional(draft.headline);
  const phone = optional(draft.phone);
  const location = optional(draft.location);
  const about = optional(draft.about);
  const profile: OwnerProfileSettings = {
    name: draft.name.trim(),
    ...(headline === undefined ? {} : { headline }),
    emails,
    ...(phone === undefined ? {} : { phone }),
    ...(website === undefined ? {} : { website }),
    ...(location === undefined ? {} : { location }),
    ...(about === undefined ? {} : { about }),
    links,
  };
  // The schema has the last word (lengths); the inputs' maxLength makes this rare.
  const parsed = ownerProfileSchema.safeParse(profile);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const [key, index, part] = first?.path ?? [];
    if (key === 'links' && typeof index === 'number') {
      return { ok: false, at: { link: linkRows[index] ?? 0, part: part === 'label' ? 'label' : 'url' }, message: t('profile.error.field', { field: t('profile.links') }) };
    }
    const field: TextField = typeof key === 'string' && key in labelKeys ? (key as TextField) : 'name';
    return { ok: false, at: { field }, message: t('profile.error.field', { field: t(labelKeys[field]) }) };
  }
  return { ok: true, profile: parsed.data };
}
