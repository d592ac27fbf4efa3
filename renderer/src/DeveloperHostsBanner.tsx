import type { DeveloperHosts } from '../../shared/developerHosts';
import { useI18n } from './i18n/i18n';

/**
 * The developer option, said loudly for as long as the app runs with it (issue #20): which web
 * addresses are reached on this computer instead of the internet, and which certificate
 * authority is trusted for them. Not dismissable: whoever sits at the window must see that what
 * it receives may come from a test issuer.
 */
export function DeveloperHostsBanner({ developerHosts }: { developerHosts: DeveloperHosts }) {
  const { t } = useI18n();
  const hosts = developerHosts.hosts.map((host) => `${host.name} → 127.0.0.1:${String(host.port)}`).join(', ');
  return (
    <div role="alert" className="banner banner-error developer-hosts">
      <strong>{t('devHosts.title')}</strong> {t('devHosts.body', { hosts, caFile: developerHosts.caFile })}
    </div>
  );
}
