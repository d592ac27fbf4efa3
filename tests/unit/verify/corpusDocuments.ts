import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentsMap } from '../../../electron/verify/documents';
import { sharedFixturesDir } from '../../support/sharedFixtures';

/**
 * The documents the corpus's source test suites served in place of the network, as one
 * documents map: support-map.json, contexts/contexts-map.json, every SUPPORT.tsv row whose
 * "stands for" column is a URL or DID, and the http(s)://(www.)example.org/ -> assets/
 * mapping OB20Tests.java uses for hosted OB 2.0 badges.
 */
export function corpusDocuments(): DocumentsMap {
  const read = (file: string): Record<string, string> => JSON.parse(readFileSync(path.join(sharedFixturesDir, file), 'utf8')) as Record<string, string>;
  const map = new DocumentsMap(read('support-map.json'), sharedFixturesDir);
  map.merge(new DocumentsMap(read('contexts/contexts-map.json'), path.join(sharedFixturesDir, 'contexts')));
  const fromSupport: Record<string, string> = {};
  const [, ...rows] = readFileSync(path.join(sharedFixturesDir, 'SUPPORT.tsv'), 'utf8').trim().split('\n');
  for (const row of rows) {
    const [file = '', kind = '', , , standsFor = ''] = row.split('\t');
    const url = standsFor.split(/\s/)[0] ?? '';
    if (kind === 'ob2-hosted-doc') continue;
    if (/^(https?:\/\/|did:)/.test(url)) fromSupport[url] = file;
  }
  const assets = 'ob2/1edtech-validator/assets';
  for (const name of readdirSync(path.join(sharedFixturesDir, assets))) {
    for (const origin of ['https://example.org', 'http://example.org', 'https://www.example.org']) {
      fromSupport[`${origin}/${name}`] = `${assets}/${name}`;
      fromSupport[`${origin}/${name.replace(/\.json$/, '')}`] = `${assets}/${name}`;
    }
  }
  // SUPPORT.tsv names this one only as "status list (suspension)"; its URL is the one the
  // Blockcerts fixtures point to.
  fromSupport['https://www.blockcerts.org/samples/3.0/status-list-2021-suspension.json'] = 'blockcerts/cert-verifier-js/support/blockcerts-status-list-2021-suspension.json';
  return map.merge(new DocumentsMap(fromSupport, sharedFixturesDir));
}
