import { decodeCborldCredential } from '../../../electron/portfolio/cborldFragment';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../../support/cliRun';
import { generateEd25519Issuer, makeIssuerProfile, makeOb2Assertion, makeOb3Credential, seededBytes, signDataIntegrity, signVcJwt } from '../../support/credentials';
import { bytesInLink, linkAnnotations, qrCodesAt150Dpi, shortIdOf } from '../../support/pdfLinks';

/**
 * `badgefolio export-pdf` links every entry to the verifier page: package.json's published one
 * by default, `--verifier-url` when given (https only); `verify-pdf --json` says each link
 * carries exactly its attachment. Run as a user would, through the real bin.
 */
describe('export-pdf --verifier-url and verify-pdf link checks', () => {
  it('links every entry, by default to the published page, and verify-pdf finds each link carrying its file', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-links-'));
    const vault = path.join(folder, 'wallet');
    const badges = path.join(folder, 'badges');
    mkdirSync(badges);
    const env = { BADGEFOLIO_PASSPHRASE: 'copper kettle 71 orchard' };
    const issuer = await generateEd25519Issuer(seededBytes(32, 1818));
    const profile = makeIssuerProfile({ id: issuer.did, name: 'Harbour Data School' });
    const di = await signDataIntegrity(makeOb3Credential({ issuer: profile, id: 'urn:uuid:5e2a0000-0000-4000-8000-000000000001', achievementName: 'Open data literacy' }), issuer);
    writeFileSync(path.join(badges, 'literacy.json'), JSON.stringify(di));
    writeFileSync(
      path.join(badges, 'sql.jwt'),
      await signVcJwt(makeOb3Credential({ issuer: profile, id: 'urn:uuid:5e2a0000-0000-4000-8000-000000000002', achievementName: 'SQL' }), issuer),
    );
    writeFileSync(
      path.join(badges, 'hosted.json'),
      JSON.stringify(makeOb2Assertion({ assertionId: 'https://badges.example.org/assertions/cli-1.json', embedBadge: false, hashed: false }).assertion),
    );
    expect(runBin(['init', '--vault', vault], { env }).status).toBe(0);
    expect(runBin(['import', badges, '--vault', vault, '--offline'], { env }).status).toBe(0);

    // A verifier page that is not https is refused before the wallet is opened.
    const refused = runBin(['export-pdf', '--out', path.join(folder, 'x.pdf'), '--vault', vault, '--verifier-url', 'http://verify.example.net/'], { env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--verifier-url takes an https address');

    const published = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { badgefolio: { verifierUrl: string } };
    for (const [args, base] of [
      [[], published.badgefolio.verifierUrl],
      [['--verifier-url', 'https://verify.example.net/badgefolio/'], 'https://verify.example.net/badgefolio/'],
    ] as const) {
      const pdf = path.join(folder, `portfolio-${String(args.length)}.pdf`);
      const exported = runBin(['export-pdf', '--out', pdf, '--vault', vault, '--offline', ...args], { env });
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      const checked = runBin(['verify-pdf', pdf, '--json', '--offline']);
      const report = JSON.parse(checked.stdout) as { credentials: { file: string; link?: string }[] };
      expect(report.credentials.map((row) => row.link)).toEqual(['matches-attachment', 'matches-attachment', 'matches-attachment']);
      const bytes = new Uint8Array(readFileSync(pdf));
      const annotations = await linkAnnotations(bytes);
      const links = annotations.filter((link) => link.uri.startsWith(`${base}#vc1.z.`));
      expect(links.length).toBe(4);
      const carried = links.map((link) => bytesInLink(link.uri) ?? new Uint8Array());
      const originals = ['literacy.json', 'sql.jwt', 'hosted.json'].map((name) => new Uint8Array(readFileSync(path.join(badges, name))));
      for (const original of originals.slice(1)) expect(carried.filter((c) => Buffer.from(c).equals(Buffer.from(original))).length).toBe(2);
      // The JSON-LD badge travels in CBOR-LD, shorter: the same credential, its proof intact (not the same bytes).
      const compact = annotations.filter((link) => link.uri.startsWith(`${base}#vc1.c.`));
      expect(compact.length).toBe(2);
      for (const link of compact) {
        const decoded = (await decodeCborldCredential(link.uri.slice(link.uri.indexOf('#') + 1))) as { id?: string; proof?: unknown };
        expect(decoded.id).toBe(di.id);
        expect(decoded.proof).toEqual(di.proof);
      }
      // The codes: the small hosted assertion carries its whole link; the others the page with their short id.
      const codes = qrCodesAt150Dpi(pdf);
      expect(codes.length).toBe(3);
      expect(codes.filter((code) => code.startsWith(`${base}#vc1.z.`)).map((code) => Buffer.from(bytesInLink(code) ?? []).toString())).toEqual([
        Buffer.from(originals[2] ?? []).toString(),
      ]);
      expect(codes.filter((code) => code.includes('#id.')).sort()).toEqual(
        [`${base}#id.${shortIdOf(originals[0] ?? new Uint8Array())}`, `${base}#id.${shortIdOf(originals[1] ?? new Uint8Array())}`].sort(),
      );
    }
  }, 240_000);
});
