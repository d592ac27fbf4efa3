import type { DamagedItemView } from '../../../shared/credential/walletViews';
import type { Translate } from '../i18n/i18n';

/**
 * A damaged file in words: whose it is and what it was to them ("“Forklift safety”: its
 * picture"), or which of the wallet's own files. The notice and Settings › Check the wallet
 * say it the same way.
 */
export function damageLabel(
  t: Translate,
  item: { readonly names: readonly string[]; readonly what: DamagedItemView['kind']; readonly document?: DamagedItemView['document'] },
): string {
  if (item.what === 'document') return item.document ? t(`damage.document.${item.document}`) : t('damage.kind.document');
  const what = t(`damage.kind.${item.what}`);
  if (item.names.length === 0) return t('damage.unnamed', { what });
  return t('damage.item', { names: item.names.map((name) => t('damage.quoted', { name })).join(', '), what });
}

/** The credential names a damaged file belongs to. */
export function damagedNames(item: Pick<DamagedItemView, 'name' | 'otherNames'>): string[] {
  return [item.name, ...item.otherNames].filter((name): name is string => name !== null);
}
