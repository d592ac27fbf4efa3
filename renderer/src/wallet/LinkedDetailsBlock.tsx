import type { CredentialDetail } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { formatDate } from './formatDate';

/**
 * What the credential links to: "details not fetched yet" (or what could not be had) with the
 * one-click "Fetch details", or, once fetched, how many documents the wallet keeps and from when.
 */
export function LinkedDetailsBlock({ detail, fetching, onFetch }: { detail: CredentialDetail; fetching: boolean; onFetch: () => void }) {
  const { t, language } = useI18n();
  const linked = detail.linked;
  if (!linked) return null;
  if (linked.state === 'fetched') {
    const dates = linked.documents.map((d) => d.fetchedAt).sort();
    const oldest = dates[0];
    return oldest ? <p className="muted details-kept">{t('details.kept', { count: linked.documents.length, date: formatDate(oldest, language) })}</p> : null;
  }
  return (
    <section className="banner details-missing" aria-labelledby="details-title">
      <h3 id="details-title">{t(linked.state === 'incomplete' ? 'details.incomplete' : 'details.notFetched')}</h3>
      <p>{t(linked.state === 'incomplete' ? 'details.incompleteBody' : 'details.notFetchedBody')}</p>
      <button type="button" onClick={onFetch} disabled={fetching}>
        {fetching ? t('details.fetching') : t('details.fetch')}
      </button>
    </section>
  );
}
