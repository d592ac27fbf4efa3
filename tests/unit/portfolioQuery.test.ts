import { describe, expect, it } from 'vitest';
import type { CredentialSummary } from '../../shared/credential/walletViews';
import { filterChoices, indexCredentials, queryPortfolio, timelineGroups } from '../../renderer/src/credentials/portfolioQuery';

function summary(partial: Partial<CredentialSummary> & { id: string; name: string }): CredentialSummary {
  return {
    format: 'ob3',
    container: 'json',
    kind: 'badge',
    addedAt: '2026-01-01T00:00:00Z',
    skills: [],
    credits: [],
    selfReported: false,
    hasImage: false,
    childIds: [],
    ...partial,
  };
}

const credentials = [
  summary({ id: 'a1', name: 'Écologie appliquée', issuerName: 'Université Laval', issuedOn: '2025-03-02', status: 'verified', skills: [{ name: 'Ecology', framework: 'ESCO' }] }),
  summary({ id: 'b2', name: 'apprenticeship level 2', issuerName: 'Zenith', issuedOn: '2024-11-30', status: 'revoked', kind: 'certificate' }),
  summary({
    id: 'c3',
    name: 'Data visualisation',
    issuerName: 'Riverbank',
    addedAt: '2026-05-05T00:00:00Z',
    status: 'expired',
    description: 'Charts with D3',
    skills: [{ name: 'Charts' }],
  }),
  summary({ id: 'd4', name: 'Welding 10', issuedOn: '2025-03-20', selfReported: true, kind: 'certificate' }),
  summary({ id: 'e5', name: 'Welding 9', issuedOn: 'sometime in spring', issuerName: 'Riverbank' }),
];
const index = indexCredentials(credentials, 'en');
const ids = (list: readonly CredentialSummary[]): string[] => list.map((c) => c.id);

describe('searching, filtering and sorting the portfolio', () => {
  it('sorts by date issued (undated ones after every dated one, whenever they were added), name, issuer and status', () => {
    expect(ids(queryPortfolio(index, { text: '', filters: {}, sort: 'issued' }, 'en'))).toEqual(['d4', 'a1', 'b2', 'c3', 'e5']);
    // Sorting by the date added still puts the newest addition first.
    expect(ids(queryPortfolio(index, { text: '', filters: {}, sort: 'added' }, 'en'))[0]).toBe('c3');
    // Accents and case do not scatter the names; numbers sort as numbers.
    expect(ids(queryPortfolio(index, { text: '', filters: {}, sort: 'name' }, 'en'))).toEqual(['b2', 'c3', 'a1', 'e5', 'd4']);
    // Credentials without an issuer go last.
    expect(ids(queryPortfolio(index, { text: '', filters: {}, sort: 'issuer' }, 'en'))).toEqual(['c3', 'e5', 'a1', 'b2', 'd4']);
    // What needs attention first: revoked, then expired... verified last.
    expect(ids(queryPortfolio(index, { text: '', filters: {}, sort: 'status' }, 'en'))).toEqual(['b2', 'c3', 'd4', 'e5', 'a1']);
    expect(ids(queryPortfolio(index, { text: '', filters: {}, sort: 'added' }, 'en'))[0]).toBe('c3');
  });

  it('searches names, issuers, skills and descriptions, every word', () => {
    expect(ids(queryPortfolio(index, { text: 'd3', filters: {}, sort: 'name' }, 'en'))).toEqual(['c3']);
    expect(ids(queryPortfolio(index, { text: 'ecology', filters: {}, sort: 'name' }, 'en'))).toEqual(['a1']);
    expect(ids(queryPortfolio(index, { text: 'RIVERBANK welding', filters: {}, sort: 'name' }, 'en'))).toEqual(['e5']);
    expect(ids(queryPortfolio(index, { text: 'nothing like this', filters: {}, sort: 'name' }, 'en'))).toEqual([]);
  });

  it('filters by issuer, status (including never checked), skill and kind, together', () => {
    expect(ids(queryPortfolio(index, { text: '', filters: { issuer: 'Riverbank' }, sort: 'name' }, 'en'))).toEqual(['c3', 'e5']);
    expect(ids(queryPortfolio(index, { text: '', filters: { status: 'none' }, sort: 'name' }, 'en'))).toEqual(['e5']);
    expect(ids(queryPortfolio(index, { text: '', filters: { status: 'unsigned' }, sort: 'name' }, 'en'))).toEqual(['d4']);
    expect(ids(queryPortfolio(index, { text: '', filters: { skill: 'Charts' }, sort: 'name' }, 'en'))).toEqual(['c3']);
    expect(ids(queryPortfolio(index, { text: '', filters: { kind: 'certificate', status: 'revoked' }, sort: 'name' }, 'en'))).toEqual(['b2']);
    expect(filterChoices(credentials, 'en')).toEqual({
      issuers: ['Riverbank', 'Université Laval', 'Zenith'],
      skills: ['Charts', 'Ecology'],
      kinds: ['badge', 'certificate'],
      statuses: ['revoked', 'expired', 'unsigned', 'none', 'verified'],
    });
  });

  it('groups the timeline by month issued, newest first; a credential with no issue date is undated, not filed under the month it was added', () => {
    const groups = timelineGroups(queryPortfolio(index, { text: '', filters: {}, sort: 'issued' }, 'en'));
    expect(groups.map((g) => [g.key, ids(g.credentials)])).toEqual([
      ['2025-03', ['d4', 'a1']],
      ['2024-11', ['b2']],
      ['undated', ['c3', 'e5']],
    ]);
  });
});
