// Documents fetched for verification, kept in the wallet (issue #16 §2): each one an encrypted
// blob of its own with a small index, limits by kind and a total budget with the least recently
// used going first, wallets in the previous one-document format still read (and moved over at the
// next write), backups that carry them, and the wallet check naming a damaged one as a fetched
// document, after which it is simply fetched again.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultFetchCache } from '../../../electron/core/vaultFetchCache';
import { fetchedAddress, readFetchedIndex } from '../../../electron/vault/fetchedDocuments';
import { contentAddress } from '../../../electron/vault/storedCredential';
import { Vault } from '../../../electron/vault/vault';
import { checkWallet, describeDamage } from '../../../electron/vault/walletCheck';
import type { CachedDocument } from '../../../electron/verify/fetchCache';
import { flipByte, testKdf } from '../../support/walletFixtures';

const passphrase = 'orange kettle 47 violin';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function newWallet(): Promise<{ folder: string; wallet: Vault }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-fetched-'));
  folders.push(folder);
  return { folder, wallet: await Vault.create(folder, passphrase, testKdf) };
}

/** A clock that moves one minute each time it is read: uses are told apart by it. */
function steppingClock(start = Date.parse('2026-12-01T08:00:00Z')): () => Date {
  let at = start;
  return () => new Date((at += 60_000));
}

/** A trusted list of about `bytes` bytes: the root element real lists have, then providers. */
function trustList(territory: string, bytes: number): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#"><SchemeInformation><SchemeTerritory>${territory}</SchemeTerritory></SchemeInformation><TrustServiceProviderList>`;
  const provider = `<TrustServiceProvider><TSPInformation><TSPName><Name xml:lang="en">Provider of ${territory}</Name></TSPName></TSPInformation></TrustServiceProvider>\n`;
  return `${head}${provider.repeat(Math.ceil(bytes / provider.length))}</TrustServiceProviderList></TrustServiceStatusList>`;
}

const statusList = (n: number): CachedDocument => ({
  url: `https://issuer.example/status/${String(n)}`,
  status: 200,
  body: JSON.stringify({ id: `https://issuer.example/status/${String(n)}`, type: 'BitstringStatusListCredential', encodedList: 'H4sIAAAAAAAA'.repeat(20) }),
  fetchedAt: `2026-11-0${String(n)}T10:00:00.000Z`,
});

function blobFileOf(wallet: Vault, url: string): string {
  const entry = wallet
    .fetchedDocuments()
    .index()
    .entries.find((e) => e.url === url);
  if (!entry) throw new Error(`${url} is not kept`);
  return path.join(wallet.folder, wallet.fetchedDocuments().file(entry.blob));
}

/** A new wallet with a German trusted list of `listBytes` and the first `statusLists` status lists kept. */
async function walletWithDocuments(listBytes: number, statusLists: number): Promise<{ folder: string; wallet: Vault; cache: VaultFetchCache; list: CachedDocument }> {
  const { folder, wallet } = await newWallet();
  const cache = new VaultFetchCache(() => wallet);
  const list: CachedDocument = { url: 'https://tsl.example.de/tsl-de.xml', status: 200, body: trustList('DE', listBytes), fetchedAt: '2026-11-30T09:15:00.000Z' };
  cache.set(list);
  for (let n = 1; n <= statusLists; n++) cache.set(statusList(n));
  return { folder, wallet, cache, list };
}

describe('documents fetched for verification, in the wallet', () => {
  it('keeps each document as a blob of its own beside a small index, and reads it back after the wallet is opened again', async () => {
    const { folder, wallet, list } = await walletWithDocuments(3 * 1024 * 1024, 1);
    const index = wallet.fetchedDocuments().index();
    expect(index.entries.map((e) => [e.url, e.contentType, e.fetchedAt])).toEqual([
      [statusList(1).url, 'application/json', statusList(1).fetchedAt],
      [list.url, 'application/vnd.etsi.tsl+xml', list.fetchedAt],
    ]);
    // The index is small whatever the documents weigh; the list is its own (encrypted) file.
    expect(wallet.readDocument('fetch-cache')?.length).toBeLessThan(2048);
    const listFile = blobFileOf(wallet, list.url);
    expect(statSync(listFile).size).toBeGreaterThan(3 * 1024 * 1024);
    expect(readFileSync(listFile).includes(Buffer.from('TrustServiceStatusList'))).toBe(false);
    wallet.lockWallet();

    const again = await Vault.unlock(folder, passphrase);
    const reader = new VaultFetchCache(() => again);
    expect(reader.get(list.url)).toEqual(list);
    expect(reader.get(statusList(1).url)).toEqual(statusList(1));
    expect(reader.get('https://issuer.example/never-fetched')).toBeUndefined();
    again.lockWallet();
  });

  it('keeps trust lists up to 16 MB but other documents only up to what the safe fetcher accepts (5 MB)', async () => {
    const { wallet } = await newWallet();
    const cache = new VaultFetchCache(() => wallet);
    const bigJson: CachedDocument = {
      url: 'https://issuer.example/huge.json',
      status: 200,
      body: JSON.stringify({ padding: 'x'.repeat(6 * 1024 * 1024) }),
      fetchedAt: '2026-11-30T09:00:00.000Z',
    };
    const bigList: CachedDocument = { url: 'https://tsl.example.it/tsl-it.xml', status: 200, body: trustList('IT', 12 * 1024 * 1024), fetchedAt: '2026-11-30T09:00:00.000Z' };
    const hugeList: CachedDocument = { url: 'https://tsl.example.fr/tsl-fr.xml', status: 200, body: trustList('FR', 17 * 1024 * 1024), fetchedAt: '2026-11-30T09:00:00.000Z' };
    cache.set(bigJson);
    cache.set(bigList);
    cache.set(hugeList);
    expect(cache.get(bigJson.url)).toBeUndefined();
    expect(cache.get(bigList.url)?.body).toBe(bigList.body);
    expect(cache.get(hugeList.url)).toBeUndefined();
    wallet.lockWallet();
  });

  it('lets the least recently used documents go when all together pass 64 MB, deleting their blobs', async () => {
    const { wallet } = await newWallet();
    const cache = new VaultFetchCache(() => wallet, steppingClock());
    const lists = ['DE', 'IT', 'ES', 'PL'].map((territory): CachedDocument => ({
      url: `https://tsl.example/${territory}.xml`,
      status: 200,
      body: trustList(territory, 15 * 1024 * 1024),
      fetchedAt: '2026-11-30T09:00:00.000Z',
    }));
    for (const list of lists) cache.set(list);
    const [de, it, es, pl] = lists.map((l) => l.url);
    // 60 MB kept; the German list is used again, so the Italian one is now the least recently used.
    expect(cache.get(de ?? '')?.fetchedAt).toBe('2026-11-30T09:00:00.000Z');
    const italianBlob = blobFileOf(wallet, it ?? '');
    cache.set({ url: 'https://tsl.example/FR.xml', status: 200, body: trustList('FR', 15 * 1024 * 1024), fetchedAt: '2026-11-30T10:00:00.000Z' });
    const urls = wallet
      .fetchedDocuments()
      .index()
      .entries.map((e) => e.url);
    expect(urls.sort()).toEqual([de, es, pl, 'https://tsl.example/FR.xml'].sort());
    expect(existsSync(italianBlob)).toBe(false);
    expect(new VaultFetchCache(() => wallet).get(it ?? '')).toBeUndefined();
    wallet.lockWallet();
  });

  it('reads a wallet whose cache is one document in the previous format, and moves it into blobs at the next write', async () => {
    const { folder, wallet } = await newWallet();
    // The previous format on disk: the whole cache one wallet document, the bodies inline (what
    // the earlier VaultFetchCache wrote: JSON.stringify of its entries).
    const old = [statusList(1), { ...statusList(2), status: 410 }];
    wallet.writeDocument('fetch-cache', Buffer.from(JSON.stringify(old)));
    wallet.lockWallet();

    const readOnly = await Vault.unlock(folder, passphrase);
    expect(new VaultFetchCache(() => readOnly).get(statusList(2).url)).toEqual(old[1]);
    readOnly.lockWallet();

    const writer = await Vault.unlock(folder, passphrase, { write: true });
    const cache = new VaultFetchCache(() => writer);
    cache.set(statusList(3));
    const index = readFetchedIndex(writer.readDocument('fetch-cache'));
    expect(index.inline).toEqual([]);
    expect(index.entries.map((e) => [e.url, e.status, e.fetchedAt]).sort()).toEqual([
      [statusList(1).url, 200, statusList(1).fetchedAt],
      [statusList(2).url, 410, statusList(2).fetchedAt],
      [statusList(3).url, 200, statusList(3).fetchedAt],
    ]);
    for (const entry of index.entries) expect(existsSync(path.join(folder, writer.fetchedDocuments().file(entry.blob)))).toBe(true);
    writer.lockWallet();
    const later = await Vault.unlock(folder, passphrase);
    expect(new VaultFetchCache(() => later).get(statusList(1).url)).toEqual(statusList(1));
    later.lockWallet();
  });

  it('keeps nothing, and writes no blob, in a wallet opened read-only', async () => {
    const { folder, wallet } = await newWallet();
    const blobsBefore = readdirSync(path.join(folder, 'blobs')).length;
    const reader = await Vault.unlock(folder, passphrase);
    const cache = new VaultFetchCache(() => reader);
    cache.set(statusList(1));
    expect(cache.get(statusList(1).url)).toBeUndefined();
    expect(readdirSync(path.join(folder, 'blobs'))).toHaveLength(blobsBefore);
    reader.lockWallet();
    wallet.lockWallet();
  });

  it('addresses a fetched document apart from a credential file with the same bytes', () => {
    const bytes = Buffer.from(JSON.stringify(statusList(1)));
    expect(fetchedAddress(bytes)).not.toBe(contentAddress(bytes));
  });

  it('carries the fetched documents in a backup, and restores them into a wallet that has none', async () => {
    const { folder, wallet, list } = await walletWithDocuments(800 * 1024, 2);
    // A damaged document is left out of the backup rather than failing it.
    flipByte(blobFileOf(wallet, statusList(2).url));
    const backup = path.join(folder, '..', `${path.basename(folder)}.backup`);
    folders.push(backup);
    await wallet.exportBackup(backup, 'backup phrase', testKdf);
    wallet.lockWallet();

    const { wallet: other } = await newWallet();
    await other.restoreBackup(backup, 'backup phrase');
    const restored = new VaultFetchCache(() => other);
    expect(restored.get(list.url)).toEqual(list);
    expect(restored.get(statusList(1).url)).toEqual(statusList(1));
    expect(restored.get(statusList(2).url)).toBeUndefined();
    expect(checkWallet(other).damaged).toEqual([]);
    other.lockWallet();
  });

  it('names a flipped byte in a fetched document as a fetched document, sets it aside, and the document is fetched again', async () => {
    const { folder, wallet, cache, list } = await walletWithDocuments(600 * 1024, 1);
    const file = blobFileOf(wallet, list.url);
    flipByte(file);
    // Before any check: the damaged copy is not believed, it reads as not kept.
    expect(new VaultFetchCache(() => wallet).get(list.url)).toBeUndefined();

    const result = checkWallet(wallet);
    expect(result.damaged).toHaveLength(1);
    const [item] = result.damaged;
    if (!item) throw new Error('nothing named');
    expect(item).toMatchObject({ kind: 'document', document: 'fetched-document', id: null, name: null, url: list.url, problem: 'damaged' });
    expect(describeDamage(item)).toBe(
      `a document fetched for checking offline (${list.url}) is changed or damaged on disk; it is not a credential, and it is fetched again when next needed`,
    );
    expect(item.quarantinedAs).not.toBeNull();
    expect(existsSync(path.join(folder, item.quarantinedAs ?? ''))).toBe(true);
    expect(existsSync(file)).toBe(false);
    // Dropped from the index: the next check is clean, and the document is fetched and kept again.
    expect(
      wallet
        .fetchedDocuments()
        .index()
        .entries.map((e) => e.url),
    ).toEqual([statusList(1).url]);
    expect(checkWallet(wallet).damaged).toEqual([]);
    expect(cache.get(list.url)).toBeUndefined();
    cache.set({ ...list, fetchedAt: '2026-12-01T09:00:00.000Z' });
    expect(new VaultFetchCache(() => wallet).get(list.url)?.fetchedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(checkWallet(wallet)).toMatchObject({ damaged: [], checked: { files: 3 } });
    wallet.lockWallet();
  });
});
