import { verificationStatuses } from '../../shared/credential/verification';
import type { CredentialVersion } from '../../shared/credential/versionViews';
import { titleOf } from '../vault/vault';
import type { VersionEntry } from '../vault/versionHistory';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A credential's earlier versions as the app and `badgefolio history` show them: from each
 * version's stored record alone (no blob is read), its verdict as it was last checked.
 */
export function versionViews(entries: readonly VersionEntry[]): CredentialVersion[] {
  return entries.map((entry): CredentialVersion => {
    if (!entry.readable) return { readable: false, versionId: entry.versionId, problem: entry.problem };
    const report = (typeof entry.record.verification === 'object' && entry.record.verification !== null ? entry.record.verification : {}) as Record<string, unknown>;
    const status = verificationStatuses.find((s) => s === report.status);
    const issuedOn = text(entry.record.credential.issuedOn);
    const checkedAt = text(report.checkedAt);
    return {
      readable: true,
      versionId: entry.versionId,
      replacedAt: entry.replacedAt,
      name: titleOf(entry.record) ?? 'Credential',
      ...(issuedOn ? { issuedOn } : {}),
      ...(status ? { status } : {}),
      ...(status && checkedAt ? { checkedAt } : {}),
    };
  });
}
