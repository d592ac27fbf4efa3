import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { useWalletOnOpen } from '../wallet/useWalletOnOpen';
import { UrlSetting } from './UrlSetting';

/**
 * The verifier page every entry of a portfolio PDF links to, with the credential in the link.
 * Left empty, the PDF uses the project's published page (package.json, through appInfo), shown
 * greyed in the empty field so that the person sees which address their PDFs will carry.
 */
export function VerifierSetting({ value, onCommit }: { value: string | undefined; onCommit: (address: string | undefined) => void }) {
  const { t } = useI18n();
  const [published, setPublished] = useState<string | undefined>(undefined);
  useWalletOnOpen(
    () => wallet().appInfo({}),
    (answer) => {
      if (answer.ok) setPublished(answer.value.verifierUrl);
    },
  );
  return (
    <UrlSetting
      label={t('settings.verifier')}
      hint={t('settings.verifier.hint')}
      value={value === '' ? undefined : value}
      {...(published ? { emptyShows: published } : {})}
      onCommit={onCommit}
    />
  );
}
