import type { MessageKey } from '../i18n/en';

/** A rough strength hint in words a person reads (the same rule as the CLI's). */
export function strengthHint(passphrase: string): MessageKey | null {
  if (passphrase === '') return null;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  if (passphrase.length < 10) return 'wallet.hint.short';
  if (passphrase.length < 16 && classes < 3) return 'wallet.hint.weak';
  return 'wallet.hint.good';
}
