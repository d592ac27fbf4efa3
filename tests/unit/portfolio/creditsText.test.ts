import { describe, expect, it } from 'vitest';
import { creditsText } from '../../../shared/portfolio/credits';
import { formatNumber } from '../../../renderer/src/i18n/plural';

/** Credits on a card's details and a pathway's progress: the reader's numbers and words, the issuer's own unit kept. */
describe('creditsText', () => {
  const credits = [
    { unit: 'credits', value: 1.5 },
    { unit: 'ECTS', value: 3 },
    { unit: '', value: 2.25 },
    { unit: 'hours', value: Number.NaN },
  ];

  it('writes German numbers and the German word where the credential names no unit', () => {
    expect(creditsText(credits, (value) => formatNumber('de', value), 'Leistungspunkte')).toBe('1,5 Leistungspunkte, 3 ECTS, 2,25 Leistungspunkte');
  });

  it('writes English numbers and keeps the issuer’s unit', () => {
    expect(creditsText(credits, (value) => formatNumber('en', value), 'credits')).toBe('1.5 credits, 3 ECTS, 2.25 credits');
  });
});
