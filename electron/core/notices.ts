import type { ShellEventSink } from '../../shared/contract/events';
import { credentialNotices, expiryNoticeDays, noticeKey, type CredentialNotice, type DamageNotice } from '../../shared/credential/notices';
import type { CredentialSummary } from '../../shared/credential/walletViews';
import type { Language } from '../../shared/preferences';

export interface OsNotice {
  readonly title: string;
  readonly body: string;
}

const texts = {
  en: {
    expiringOne: (name: string, days: number) => ({
      title: 'A credential expires soon',
      body: days <= 1 ? `“${name}” expires within a day.` : `“${name}” expires in ${String(days)} days.`,
    }),
    expiringMany: (names: string) => ({
      title: 'Credentials expire soon',
      body: `Within the next ${String(expiryNoticeDays)} days: ${names}.`,
    }),
    revokedOne: (name: string) => ({ title: 'A credential was revoked', body: `The issuer has revoked “${name}”.` }),
    revokedMany: (names: string) => ({ title: 'Credentials were revoked', body: `The issuers have revoked ${names}.` }),
    damaged: (names: string) => ({
      title: 'Something in your wallet is damaged',
      body: `Damaged: ${names}. Settings › Check the wallet says how to restore it from a backup.`,
    }),
    walletFile: 'a wallet file',
  },
  de: {
    expiringOne: (name: string, days: number) => ({
      title: 'Ein Nachweis läuft bald ab',
      body: days <= 1 ? `„${name}“ läuft innerhalb eines Tages ab.` : `„${name}“ läuft in ${String(days)} Tagen ab.`,
    }),
    expiringMany: (names: string) => ({
      title: 'Nachweise laufen bald ab',
      body: `In den nächsten ${String(expiryNoticeDays)} Tagen: ${names}.`,
    }),
    revokedOne: (name: string) => ({ title: 'Ein Nachweis wurde widerrufen', body: `Der Aussteller hat „${name}“ widerrufen.` }),
    revokedMany: (names: string) => ({ title: 'Nachweise wurden widerrufen', body: `Widerrufen wurden: ${names}.` }),
    damaged: (names: string) => ({
      title: 'Etwas in deiner Brieftasche ist beschädigt',
      body: `Beschädigt: ${names}. Einstellungen › Brieftasche prüfen sagt, wie du es aus einer Sicherung wiederherstellst.`,
    }),
    walletFile: 'eine Datei der Brieftasche',
  },
} satisfies Record<Language, unknown>;

/** At most this many names in one notification; the app shows the full list. */
const namesShown = 3;

function nameList(notices: readonly CredentialNotice[], language: Language): string {
  const names = notices.slice(0, namesShown).map((notice) => (notice.kind === 'damaged' ? (notice.names[0] ?? texts[language].walletFile) : notice.name));
  const more = notices.length - names.length;
  if (more > 0) names.push(language === 'de' ? `${String(more)} weitere` : `${String(more)} more`);
  return names.join(', ');
}

/**
 * The OS notifications for notices not told before: one per kind, naming the credential when
 * there is one and a short list when there are several, so that a wallet with many expiring
 * badges does not flood the notification centre.
 */
export function osNotices(fresh: readonly CredentialNotice[], language: Language): OsNotice[] {
  const t = texts[language];
  const revoked = fresh.filter((notice) => notice.kind === 'revoked');
  const expiring = fresh.filter((notice) => notice.kind === 'expiring');
  const messages: OsNotice[] = [];
  const [firstRevoked] = revoked;
  if (revoked.length === 1 && firstRevoked) messages.push(t.revokedOne(firstRevoked.name));
  else if (revoked.length > 1) messages.push(t.revokedMany(nameList(revoked, language)));
  const [firstExpiring] = expiring;
  if (expiring.length === 1 && firstExpiring) messages.push(t.expiringOne(firstExpiring.name, firstExpiring.daysLeft));
  else if (expiring.length > 1) messages.push(t.expiringMany(nameList(expiring, language)));
  const damaged = fresh.filter((notice) => notice.kind === 'damaged');
  if (damaged.length > 0) messages.unshift(t.damaged(nameList(damaged, language)));
  return messages;
}

export interface NoticeBoardOptions {
  /** The wallet's credentials; throws (or null) while it is locked. */
  readonly list: () => readonly CredentialSummary[] | null;
  /** Files the last wallet check found damaged (WalletSession.damageNotices); none while locked. */
  readonly damaged?: () => readonly DamageNotice[];
  readonly publish: ShellEventSink;
  /** The opt-in preference, read at each refresh so that a change applies at once. */
  readonly osNotifications: () => boolean;
  readonly language: () => Language;
  /** Shows one OS notification (the shell gives Electron's Notification). */
  readonly notify: (notice: OsNotice) => void;
  readonly now?: () => Date;
}

/**
 * Keeps the renderer's notices current and, when the user opted in, tells the OS about each
 * notice once per run of the app (not again at every unlock or import). Credential names
 * reach the OS only with that opt-in: a notification centre is not private.
 */
export class NoticeBoard {
  private readonly told = new Set<string>();

  constructor(private readonly options: NoticeBoardOptions) {}

  refresh(): CredentialNotice[] {
    let credentials: readonly CredentialSummary[] | null;
    try {
      credentials = this.options.list();
    } catch {
      credentials = null; // locked
    }
    if (!credentials) return [];
    const notices: CredentialNotice[] = [...(this.options.damaged?.() ?? []), ...credentialNotices(credentials, this.options.now?.() ?? new Date())];
    this.options.publish('notices', { notices });
    if (this.options.osNotifications()) {
      const fresh = notices.filter((notice) => !this.told.has(noticeKey(notice)));
      for (const message of osNotices(fresh, this.options.language())) this.options.notify(message);
      for (const notice of fresh) this.told.add(noticeKey(notice));
    }
    return notices;
  }

  /** The wallet locked: the renderer shows no notices about what it can no longer see. */
  clear(): void {
    this.options.publish('notices', { notices: [] });
  }
}
