import { describe, expect, it } from 'vitest';
import { summariesOf } from '../../electron/core/credentialSummary';
import type { VaultEntry } from '../../electron/vault/vault';
import { displayName, untitledKey } from '../../renderer/src/credentials/untitledName';
import { makeTranslate } from '../../renderer/src/i18n/translate';

/**
 * A credential without a name says "Details not fetched yet" only when what it links to really
 * was not fetched (its `linked` state); any other nameless credential is "untitled", in the
 * reader's language, from the portfolio's summary through to the words on the card.
 */
const tEn = makeTranslate('en');
const tDe = makeTranslate('de');

function entry(id: string, credential: Record<string, unknown>): VaultEntry {
  return { id, identity: `urn:test:${id}`, contentHash: id, addedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', credential };
}

describe('a credential without a name', () => {
  const [unfetched, incomplete, fetched, plain, named] = summariesOf([
    entry('a', { format: 'ob2', kind: 'badge', linked: { state: 'not-fetched' } }),
    entry('b', { format: 'ob2', kind: 'badge', linked: { state: 'incomplete' } }),
    entry('c', { format: 'ob2', kind: 'badge', linked: { state: 'fetched' } }),
    entry('d', { format: 'blockcerts', kind: 'certificate' }),
    entry('e', { format: 'blockcerts', kind: 'certificate', name: 'Data Science' }),
  ]);

  it('keeps an empty name in the summary, never an English placeholder', () => {
    expect([unfetched?.name, incomplete?.name, fetched?.name, plain?.name]).toEqual(['', '', '', '']);
    expect(named?.name).toBe('Data Science');
    expect([unfetched?.details, incomplete?.details, fetched?.details, plain?.details]).toEqual(['not-fetched', 'incomplete', 'fetched', undefined]);
  });

  it('says "details not fetched" only when they were not', () => {
    expect(untitledKey(unfetched?.details)).toBe('details.notFetched');
    expect(untitledKey(incomplete?.details)).toBe('details.incomplete');
    expect(untitledKey(fetched?.details)).toBe('details.untitled');
    expect(untitledKey(plain?.details)).toBe('details.untitled');
  });

  it('is worded in English and German, and a name of its own wins', () => {
    expect(displayName(plain?.name, plain?.details, tEn)).toBe('Untitled credential');
    expect(displayName(plain?.name, plain?.details, tDe)).toBe('Nachweis ohne Titel');
    expect(displayName(unfetched?.name, unfetched?.details, tEn)).toBe('Details not fetched yet');
    expect(displayName(unfetched?.name, unfetched?.details, tDe)).toBe('Details noch nicht abgerufen');
    expect(displayName(fetched?.name, fetched?.details, tDe)).toBe('Nachweis ohne Titel');
    expect(displayName(named?.name, 'not-fetched', tEn)).toBe('Data Science');
    expect(displayName(undefined, undefined, tEn)).toBe('Untitled credential');
  });
});
