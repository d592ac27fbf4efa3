import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { fitWithin } from '../../renderer/src/profile/photoSize';
import { profileFromDraft, type ProfileDraft, type Translate } from '../../renderer/src/profile/profileDraft';
import { checkHttpsAddress } from '../../renderer/src/settings/httpsAddress';

/** The English catalogue with {name} filled in, as the renderer's translate does. */
const t: Translate = (key, values) => en[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));

const blank: ProfileDraft = { name: '', headline: '', emails: '', phone: '', website: '', location: '', about: '', links: [] };

describe('https addresses typed into Settings and Profile', () => {
  it('adds the scheme people leave out and keeps a placeholder as typed', () => {
    expect(checkHttpsAddress('  example.org/page ')).toEqual({ ok: true, address: 'https://example.org/page' });
    expect(checkHttpsAddress('https://verify.example.net/check?id={id}', '{id}')).toEqual({ ok: true, address: 'https://verify.example.net/check?id={id}' });
  });

  it('refuses other schemes, credentials and things that are no address, each for its own reason', () => {
    expect(checkHttpsAddress('http://example.org')).toEqual({ ok: false, problem: 'not-https' });
    expect(checkHttpsAddress('javascript:alert(1)')).toEqual({ ok: false, problem: 'not-https' });
    expect(checkHttpsAddress('https://me:secret@example.org/feed')).toEqual({ ok: false, problem: 'credentials' });
    expect(checkHttpsAddress('https://localhost/feed')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkHttpsAddress('two words')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('the profile form', () => {
  it('builds the saved profile: trimmed, empty fields left out, duplicate addresses dropped, empty link rows skipped', () => {
    const checked = profileFromDraft(
      {
        ...blank,
        name: ' Alex Example ',
        emails: 'alex@example.org\n\n ALEX@example.org \nalex.work@example.com',
        website: 'alex.example.org',
        links: [
          { key: 1, label: ' GitHub ', url: 'github.com/alex' },
          { key: 2, label: '', url: '' },
        ],
      },
      t,
    );
    expect(checked).toEqual({
      ok: true,
      profile: {
        name: 'Alex Example',
        emails: ['alex@example.org', 'alex.work@example.com'],
        website: 'https://alex.example.org',
        links: [{ label: 'GitHub', url: 'https://github.com/alex' }],
      },
    });
  });

  it('names the first wrong thing and the field it belongs to', () => {
    expect(profileFromDraft({ ...blank, emails: 'alex@example.org\nalex(at)example.org' }, t)).toEqual({
      ok: false,
      at: { field: 'emails' },
      message: '“alex(at)example.org” is not an e-mail address.',
    });
    expect(profileFromDraft({ ...blank, website: 'http://alex.example.org' }, t)).toMatchObject({ ok: false, at: { field: 'website' } });
    expect(
      profileFromDraft(
        {
          ...blank,
          links: [
            { key: 1, label: '', url: '' },
            { key: 2, label: 'Blog', url: 'ftp://blog.example.org' },
          ],
        },
        t,
      ),
    ).toEqual({
      ok: false,
      at: { link: 1, part: 'url' },
      message: 'Link 2: Only secure addresses starting with https:// are allowed here.',
    });
    expect(profileFromDraft({ ...blank, links: [{ key: 1, label: ' ', url: 'https://blog.example.org' }] }, t)).toMatchObject({ ok: false, at: { link: 0, part: 'label' } });
    expect(profileFromDraft({ ...blank, emails: Array.from({ length: 21 }, (_, i) => `a${String(i)}@example.org`).join('\n') }, t)).toMatchObject({
      ok: false,
      message: 'At most 20 e-mail addresses can be kept.',
    });
    // Lengths the inputs would not allow (a pasted profile, say) are refused by the schema, naming the field.
    expect(profileFromDraft({ ...blank, about: 'x'.repeat(2001) }, t)).toEqual({
      ok: false,
      at: { field: 'about' },
      message: '“About you” could not be saved: it is too long.',
    });
  });
});

describe('the photo size', () => {
  it('scales the longer side down to the limit and never enlarges', () => {
    expect(fitWithin(1200, 800, 512)).toEqual({ width: 512, height: 341 });
    expect(fitWithin(800, 3000, 512)).toEqual({ width: 137, height: 512 });
    expect(fitWithin(300, 200, 512)).toEqual({ width: 300, height: 200 });
    expect(fitWithin(5000, 1, 512)).toEqual({ width: 512, height: 1 });
  });
});
