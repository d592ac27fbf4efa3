import { describe, expect, it, vi } from 'vitest';
import type { PortfolioMaterial } from '../../../shared/credential/walletViews';
import { defaultPaper, exportWarning, paperFor, pdfLocale } from '../../../renderer/src/share/exportChoices';
import type { RendererPortfolioInput } from '../../../renderer/src/portfolio/buildPortfolioInRenderer';
import { unicodeCredentials } from './fixtures';

// The renderer's builder fetches fonts from the app: here only what reaches it matters.
const built = vi.hoisted(() => ({ inputs: [] as unknown[] }));
vi.mock('../../../renderer/src/portfolio/buildPortfolioInRenderer', () => ({
  buildPortfolioInRenderer: (input: unknown) => {
    built.inputs.push(input);
    return Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  },
}));

describe('the paper an export starts with', () => {
  it('is Letter in the US, Canada, Mexico, the Philippines and other Letter countries', () => {
    for (const tag of ['en-US', 'fr-CA', 'es-MX', 'en-PH', 'fil-PH', 'es-CL', 'es-CO']) expect(defaultPaper([tag]), tag).toBe('letter');
  });

  it('is A4 everywhere else, English included', () => {
    for (const tag of ['en-GB', 'de-DE', 'de', 'fr-FR', 'en-AU', 'en-IN', 'es-ES', 'ja-JP', 'pt-BR']) expect(defaultPaper([tag]), tag).toBe('a4');
  });

  it('goes by the first tag naming a region, else by the likely region of a bare language', () => {
    expect(defaultPaper(['de', 'en-US'])).toBe('letter');
    expect(defaultPaper(['en'])).toBe('letter');
    expect(defaultPaper(['fr'])).toBe('a4');
    expect(defaultPaper([])).toBe('a4');
    expect(defaultPaper(['not a tag!'])).toBe('a4');
  });

  it('is the one last chosen once there is one, whatever the locale', () => {
    expect(paperFor('a4', ['en-US'])).toBe('a4');
    expect(paperFor('letter', ['de-DE'])).toBe('letter');
    expect(paperFor(undefined, ['en-CA'])).toBe('letter');
  });
});

describe('the warning before an export', () => {
  it('counts expired, revoked and unverified credentials, and never verified or self-reported ones', () => {
    const statuses = ['verified', 'expired', 'revoked', 'revoked', 'invalid', 'unverifiable', 'malformed', 'not-yet-valid', 'unsigned', 'verified'];
    const warning = exportWarning(statuses.map((status, index) => ({ walletId: `id-${String(index)}`, status })));
    expect(warning).toEqual({ expired: 1, revoked: 2, unverified: 4, ids: ['id-1', 'id-2', 'id-3', 'id-4', 'id-5', 'id-6', 'id-7'] });
  });

  it('has nothing to say when everything stands', () => {
    expect(
      exportWarning([
        { walletId: 'a', status: 'verified' },
        { walletId: 'b', status: 'unsigned' },
      ]).ids,
    ).toEqual([]);
  });
});

describe('the PDF language', () => {
  it('writes dates the German way in a German PDF, and in the system English (else British) in an English one', () => {
    expect(pdfLocale('de', 'en-US')).toBe('de-DE');
    expect(pdfLocale('en', 'en-US')).toBe('en-US');
    expect(pdfLocale('en', 'de-DE')).toBe('en-GB');
    expect(pdfLocale('en', undefined)).toBe('en-GB');
  });

  it('is passed through to the PDF builder, with each status sentence in that language', async () => {
    const { buildPortfolio } = await import('../../../renderer/src/share/portfolioBuild');
    const [first] = await unicodeCredentials();
    if (!first) throw new Error('no credential');
    const entry: PortfolioMaterial = {
      walletId: 'w1',
      credential: first.credential,
      status: 'verified',
      statusSentence: 'Verified: the signature matches the issuer’s key.',
      statusMessage: { key: 'summary.verified' },
    };
    const base = { profile: { name: '', emails: [], links: [] }, photo: null, entries: [entry], paper: 'a4' as const, recipient: '', locale: 'de-DE', pathways: [] };
    await buildPortfolio({ ...base, language: 'de' });
    await buildPortfolio({ ...base, language: 'en', locale: 'en-GB' });
    const [german, english] = built.inputs as RendererPortfolioInput[];
    expect(german?.options.language).toBe('de');
    expect(english?.options.language).toBe('en');
    expect(english?.credentials[0]?.statusSentence).toBe('Verified: the signature matches the issuer’s key.');
    expect(german?.credentials[0]?.statusSentence).not.toBe(english?.credentials[0]?.statusSentence);
    // No name in the profile: the builder, not the renderer, decides what the cover says instead.
    expect(german?.owner.name).toBe('');
  });
});
