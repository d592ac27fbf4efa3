import { describe, expect, it } from 'vitest';
import { credentialNotices, damageNotices, noticeKey, type CredentialNotice } from '../../../shared/credential/notices';
import type { CredentialSummary, DamagedItemView } from '../../../shared/credential/walletViews';
import { NoticeBoard, osNotices, type OsNotice } from '../../../electron/core/notices';
import type { ShellEventName } from '../../../shared/contract/events';
import { RefusalError } from '../../../shared/contract/refusal';

const now = new Date('2026-03-01T12:00:00Z');
const day = 24 * 60 * 60 * 1000;
const inDays = (days: number): string => new Date(now.getTime() + days * day).toISOString();

function summary(id: string, fields: Partial<CredentialSummary> = {}): CredentialSummary {
  return {
    id,
    name: `Badge ${id}`,
    format: 'ob3',
    container: 'json',
    kind: 'achievement',
    addedAt: '2026-01-01T00:00:00Z',
    skills: [],
    selfReported: false,
    hasImage: false,
    ...fields,
  } as CredentialSummary;
}

describe('credential notices (shared, pure, explicit now)', () => {
  it('reports credentials expiring within 30 days, soonest first, with whole days left rounded up', () => {
    const notices = credentialNotices([summary('a1b2c3', { expires: inDays(29.5) }), summary('d4e5f6', { expires: inDays(0.25) }), summary('abcdef', { expires: inDays(3) })], now);
    expect(notices).toEqual([
      { kind: 'expiring', id: 'd4e5f6', name: 'Badge d4e5f6', expires: inDays(0.25), daysLeft: 1 },
      { kind: 'expiring', id: 'abcdef', name: 'Badge abcdef', expires: inDays(3), daysLeft: 3 },
      { kind: 'expiring', id: 'a1b2c3', name: 'Badge a1b2c3', expires: inDays(29.5), daysLeft: 30 },
    ]);
  });

  it('leaves out what expires later, what has already expired, and unreadable dates', () => {
    const notices = credentialNotices(
      [
        summary('later1', { expires: inDays(30.01) }),
        summary('gone01', { expires: inDays(-1), status: 'expired' }),
        summary('exact0', { expires: now.toISOString() }),
        summary('broken', { expires: 'next spring' }),
        summary('never0'),
      ],
      now,
    );
    expect(notices).toEqual([]);
  });

  it('counts the 30th day in and accepts date-only expiry dates', () => {
    const notices = credentialNotices([summary('edge30', { expires: inDays(30) }), summary('dateon', { expires: '2026-03-05' })], now);
    expect(notices.map((n) => [n.id, n.kind === 'expiring' ? n.daysLeft : null])).toEqual([
      ['dateon', 4],
      ['edge30', 30],
    ]);
  });

  it('reports revoked credentials first and only as revoked, even when they also expire soon', () => {
    const notices = credentialNotices(
      [
        summary('soon01', { expires: inDays(2) }),
        summary('zrevok', { status: 'revoked', name: 'Zed' }),
        summary('arevok', { status: 'revoked', expires: inDays(1), name: 'Alpha' }),
        summary('valid1', { status: 'verified' }),
      ],
      now,
    );
    expect(notices.map((n) => `${n.kind}:${n.name}`)).toEqual(['revoked:Alpha', 'revoked:Zed', 'expiring:Badge soon01']);
  });

  it('honours a different window', () => {
    expect(credentialNotices([summary('a1b2c3', { expires: inDays(10) })], now, 7)).toEqual([]);
    expect(credentialNotices([summary('a1b2c3', { expires: inDays(10) })], now, 14)).toHaveLength(1);
  });
});

describe('OS notification texts', () => {
  const expiring = (id: string, daysLeft: number): CredentialNotice => ({ kind: 'expiring', id, name: `Badge ${id}`, expires: inDays(daysLeft), daysLeft });
  const revoked = (id: string): CredentialNotice => ({ kind: 'revoked', id, name: `Badge ${id}` });

  it('names a single credential and says how long is left', () => {
    expect(osNotices([expiring('a', 12)], 'en')).toEqual([{ title: 'A credential expires soon', body: '“Badge a” expires in 12 days.' }]);
    expect(osNotices([expiring('a', 1)], 'en')[0]?.body).toBe('“Badge a” expires within a day.');
    expect(osNotices([revoked('r')], 'de')).toEqual([{ title: 'Ein Nachweis wurde widerrufen', body: 'Der Aussteller hat „Badge r“ widerrufen.' }]);
  });

  it('sums up many in one notification per kind, with a short list of names', () => {
    const messages = osNotices([revoked('r'), revoked('s'), expiring('a', 1), expiring('b', 2), expiring('c', 3), expiring('d', 4), expiring('e', 5)], 'en');
    expect(messages).toEqual([
      { title: 'Credentials were revoked', body: 'The issuers have revoked Badge r, Badge s.' },
      { title: 'Credentials expire soon', body: 'Within the next 30 days: Badge a, Badge b, Badge c, 2 more.' },
    ]);
    expect(osNotices([], 'en')).toEqual([]);
  });
});

describe('the notice board', () => {
  function board(options: { credentials: () => CredentialSummary[]; osNotifications: boolean }) {
    const published: { name: ShellEventName; payload: unknown }[] = [];
    const shown: OsNotice[] = [];
    const settings = { osNotifications: options.osNotifications };
    const noticeBoard = new NoticeBoard({
      list: options.credentials,
      publish: (name, payload) => published.push({ name, payload }),
      osNotifications: () => settings.osNotifications,
      language: () => 'en',
      notify: (notice) => shown.push(notice),
      now: () => now,
    });
    return { noticeBoard, published, shown, settings };
  }

  it('publishes the notices to the renderer at every refresh, and clears them on lock', () => {
    const credentials = [summary('a1b2c3', { expires: inDays(5) })];
    const { noticeBoard, published, shown } = board({ credentials: () => credentials, osNotifications: false });
    expect(noticeBoard.refresh()).toHaveLength(1);
    noticeBoard.clear();
    expect(published).toEqual([
      { name: 'notices', payload: { notices: credentialNotices(credentials, now) } },
      { name: 'notices', payload: { notices: [] } },
    ]);
    expect(shown).toEqual([]); // not opted in: nothing reaches the OS
  });

  it('tells the OS about each notice once per run, and only after the user opted in', () => {
    const credentials = [summary('a1b2c3', { expires: inDays(5) })];
    const { noticeBoard, shown, settings } = board({ credentials: () => credentials, osNotifications: false });
    noticeBoard.refresh();
    settings.osNotifications = true;
    noticeBoard.refresh();
    noticeBoard.refresh();
    expect(shown).toHaveLength(1);
    credentials.push(summary('d4e5f6', { status: 'revoked' }));
    noticeBoard.refresh();
    expect(shown.map((s) => s.title)).toEqual(['A credential expires soon', 'A credential was revoked']);
    expect(noticeKey({ kind: 'revoked', id: 'd4e5f6', name: 'x' })).toBe('revoked:d4e5f6');
  });

  it('says nothing while the wallet is locked', () => {
    const { noticeBoard, published } = board({
      credentials: () => {
        throw new RefusalError('The wallet is locked.');
      },
      osNotifications: true,
    });
    expect(noticeBoard.refresh()).toEqual([]);
    expect(published).toEqual([]);
  });
});

describe('damage notices (the wallet check)', () => {
  const damagedRecord: DamagedItemView = {
    file: 'records/ab.rec',
    kind: 'record',
    id: 'ab',
    name: 'Forklift safety',
    otherNames: [],
    problem: 'damaged',
    reason: 'changed or damaged on disk',
    quarantinedAs: 'quarantine/ab.x.rec',
  };
  const damagedOrganiser: DamagedItemView = { ...damagedRecord, file: 'documents/cd.doc', kind: 'document', id: null, name: null, document: 'organiser' };

  it('makes one notice per damaged file, with the credentials it belongs to', () => {
    expect(damageNotices([damagedRecord, { ...damagedRecord, file: 'blobs/ef.blob', kind: 'picture', otherNames: ['Python'] }, damagedOrganiser])).toEqual([
      { kind: 'damaged', id: 'records/ab.rec', names: ['Forklift safety'], what: 'record' },
      { kind: 'damaged', id: 'blobs/ef.blob', names: ['Forklift safety', 'Python'], what: 'picture' },
      { kind: 'damaged', id: 'documents/cd.doc', names: [], what: 'document', document: 'organiser' },
    ]);
  });

  it('puts them first on the board and tells the OS once, with names only after the opt-in', () => {
    const published: unknown[] = [];
    const shown: OsNotice[] = [];
    const damage = damageNotices([damagedRecord, damagedOrganiser]);
    const noticeBoard = new NoticeBoard({
      list: () => [summary('a1b2c3', { status: 'revoked' })],
      damaged: () => damage,
      publish: (_name, payload) => published.push(payload),
      osNotifications: () => true,
      language: () => 'de',
      notify: (notice) => shown.push(notice),
      now: () => now,
    });
    expect(noticeBoard.refresh().map((notice) => notice.kind)).toEqual(['damaged', 'damaged', 'revoked']);
    noticeBoard.refresh();
    expect(shown).toEqual([
      {
        title: 'Etwas in deiner Brieftasche ist beschädigt',
        body: 'Beschädigt: Forklift safety, eine Datei der Brieftasche. Einstellungen › Brieftasche prüfen sagt, wie du es aus einer Sicherung wiederherstellst.',
      },
      { title: 'Ein Nachweis wurde widerrufen', body: 'Der Aussteller hat „Badge a1b2c3“ widerrufen.' },
    ]);
    expect(osNotices(damage.slice(0, 1), 'en')).toEqual([
      { title: 'Something in your wallet is damaged', body: 'Damaged: Forklift safety. Settings › Check the wallet says how to restore it from a backup.' },
    ]);
  });
});
