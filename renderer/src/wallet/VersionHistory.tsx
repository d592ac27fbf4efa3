import { useEffect, useState } from 'react';
import type { CredentialVersion } from '../../../shared/credential/versionViews';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { formatDate } from './formatDate';

type KeptVersion = Extract<CredentialVersion, { readable: true }>;

/**
 * The details' "Earlier versions": each copy of the credential that a newer one replaced,
 * with when and how it checked then, and a way to make it current again (the current one
 * then goes into this list: a restore is undone the same way). Shows nothing for a
 * credential no copy has replaced.
 */
export function VersionHistory({ id, name, refresh, onRestored }: { id: string; name: string; refresh: number; onRestored: () => void }) {
  const { t, language } = useI18n();
  const [versions, setVersions] = useState<readonly CredentialVersion[]>([]);
  const [working, setWorking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    let current = true;
    void wallet()
      .credentialHistory({ id })
      .then((result) => {
        if (current) setVersions(result.ok ? result.value.versions : []);
      });
    return () => {
      current = false;
    };
  }, [id, refresh, loaded]);

  useEffect(() => {
    setMessage(null);
  }, [id]);

  if (versions.length === 0 && !message) return null;

  const restore = async (version: KeptVersion): Promise<void> => {
    const date = formatDate(version.replacedAt, language);
    if (!window.confirm(t('versions.confirm', { name, date }))) return;
    setWorking(version.versionId);
    const result = await wallet().restoreVersion({ id, versionId: version.versionId });
    setWorking(null);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    setMessage({ text: t('versions.restored', { date }), error: false });
    setLoaded((n) => n + 1);
    onRestored();
  };

  const checked = (version: KeptVersion) =>
    version.status ? (
      <>
        <span className={`status status-${version.status}`}>{t(`status.${version.status}`)}</span>{' '}
        {version.checkedAt ? t('versions.checkedOn', { date: formatDate(version.checkedAt, language) }) : t('versions.lastChecked')}
      </>
    ) : (
      t('versions.notChecked')
    );

  return (
    <section aria-labelledby="versions-title" className="versions">
      <h3 id="versions-title">{t('versions.title')}</h3>
      <p className="muted">{t('versions.lead')}</p>
      <ul>
        {versions.map((version) =>
          version.readable ? (
            <li key={version.versionId}>
              <p>
                <strong>{t('versions.replaced', { date: formatDate(version.replacedAt, language) })}</strong>
                {version.name !== name && <> · {t('versions.named', { name: version.name })}</>}
                {version.issuedOn && <> · {t('versions.issued', { date: formatDate(version.issuedOn, language) })}</>}
              </p>
              <p>{checked(version)}</p>
              <button
                type="button"
                aria-label={t('versions.restoreLabel', { date: formatDate(version.replacedAt, language) })}
                disabled={working !== null}
                onClick={() => void restore(version)}
              >
                {working === version.versionId ? t('versions.restoring') : t('versions.restore')}
              </button>
            </li>
          ) : (
            <li key={version.versionId}>
              <p role="note">{t('versions.damaged')}</p>
            </li>
          ),
        )}
      </ul>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'banner banner-error' : 'banner banner-ok'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
