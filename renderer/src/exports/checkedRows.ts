import type { PortfolioPdfCheck } from '../../../shared/credential/walletViews';

export type CheckedItem = PortfolioPdfCheck['credentials'][number];

/**
 * The rows as the reader sees them: one per credential, each nested in a CLR listed under that
 * CLR (from the same attachment), so that a transcript and its courses read as one. A course
 * exported both inside its transcript and as a file of its own is shown once, under the
 * transcript, when its own file is intact and says the same; any difference stays in view.
 */
export function groupedRows(items: readonly CheckedItem[]): { item: CheckedItem; nested: CheckedItem[] }[] {
  const groups: { item: CheckedItem; nested: CheckedItem[] }[] = [];
  const byIdentity = new Map<string, { item: CheckedItem; nested: CheckedItem[] }>();
  for (const item of items) {
    const parent = item.partOf === undefined ? undefined : byIdentity.get(`${item.file}\n${item.partOf}`);
    if (parent) {
      parent.nested.push(item);
      continue;
    }
    const group = { item, nested: [] };
    groups.push(group);
    if (item.identity !== undefined) byIdentity.set(`${item.file}\n${item.identity}`, group);
  }
  const nested = new Map<string, CheckedItem>();
  for (const group of groups) for (const child of group.nested) if (child.identity !== undefined) nested.set(child.identity, child);
  return groups.filter(({ item }) => {
    const twin = item.identity === undefined ? undefined : nested.get(item.identity);
    return !(twin && item.integrity === 'intact' && twin.integrity === 'intact' && item.status === twin.status);
  });
}
