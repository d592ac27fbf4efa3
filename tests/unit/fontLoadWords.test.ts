import { describe, expect, it } from 'vitest';
import { FontLoadError, fontLoadSentence } from '../../renderer/src/portfolio/fontLoadError';
import { makeTranslate } from '../../renderer/src/i18n/translate';

/** A PDF font that would not load is reported in the reader's language, naming the file, not the bundler's address. */
describe('the font-load error', () => {
  const url = '/assets/noto-sans-latin-400-normal-B3x9.woff?v=1';
  const en = makeTranslate('en');
  const de = makeTranslate('de');

  it('says what went wrong in English and in German', () => {
    expect(fontLoadSentence(new FontLoadError(url, { kind: 'status', status: 404 }), en)).toBe(
      'The PDF font noto-sans-latin-400-normal-B3x9.woff could not be loaded: the app answered 404',
    );
    expect(fontLoadSentence(new FontLoadError(url, { kind: 'status', status: 404 }), de)).toBe(
      'Die PDF-Schrift noto-sans-latin-400-normal-B3x9.woff konnte nicht geladen werden: Die App antwortete mit 404.',
    );
    expect(fontLoadSentence(new FontLoadError(url, { kind: 'not-woff' }), de)).toContain('Es ist keine WOFF-Schrift.');
    expect(fontLoadSentence(new FontLoadError(url, { kind: 'unreachable', detail: 'Failed to fetch' }), de)).toContain('Die App konnte sie nicht lesen (Failed to fetch).');
    expect(fontLoadSentence(new FontLoadError(url, { kind: 'unreachable', detail: 'Failed to fetch' }), en)).toContain('the app could not read it (Failed to fetch)');
  });

  it('keeps an English message for the console', () => {
    expect(new FontLoadError(url, { kind: 'not-woff' }).message).toBe(`The PDF font ${url} could not be loaded: it is not a WOFF font`);
  });
});
