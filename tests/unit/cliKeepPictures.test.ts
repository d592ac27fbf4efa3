import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/cliRun';
import { makeBadgePng, makeZip } from '../support/credentials';

/**
 * `badgefolio import --keep-pictures`: pictures with no badge and no QR code in them (a scan of
 * a certificate without a code, say) are kept as self-reported certificates, loose or inside a
 * zip, as "Keep as a certificate" keeps them in the app; without the flag they are "not a
 * credential".
 */
describe('badgefolio import --keep-pictures', () => {
  it('keeps plain pictures, in folders and zips, only when asked', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-keep-pictures-'));
    const env = { BADGEFOLIO_PASSPHRASE: 'plum tractor 99 seaside', BADGEFOLIO_VAULT: path.join(folder, 'wallet') };
    const loose = path.join(folder, 'first-aid.png');
    writeFileSync(loose, makeBadgePng(2_000, 31));
    const zip = path.join(folder, 'scans.zip');
    writeFileSync(zip, makeZip([{ name: 'welding/welding.png', bytes: makeBadgePng(2_000, 32) }]));
    expect(runBin(['init'], { env }).status).toBe(0);

    interface Row {
      file: string;
      outcome: string;
      reason?: string;
    }
    const refused = runBin(['import', loose, zip, '--offline', '--json'], { env });
    expect(refused.status).toBe(1);
    expect((JSON.parse(refused.stdout) as Row[]).map((r) => [r.file, r.outcome])).toEqual([
      [loose, 'not-a-credential'],
      [`${zip} › welding/welding.png`, 'not-a-credential'],
    ]);

    const kept = runBin(['import', loose, zip, '--offline', '--json', '--keep-pictures'], { env });
    expect(kept.status, kept.stderr).toBe(0);
    expect((JSON.parse(kept.stdout) as Row[]).map((r) => [r.file, r.outcome])).toEqual([
      [loose, 'added'],
      [`${zip} › welding/welding.png`, 'added'],
    ]);
    const listed = runBin(['list', '--json'], { env });
    const entries = JSON.parse(listed.stdout) as { name: string; selfReported?: boolean; format: string }[];
    expect(entries.map((e) => [e.name, e.format]).sort()).toEqual([
      ['first aid', 'certificate'],
      ['welding', 'certificate'],
    ]);
    expect(runBin(['help', 'import']).stdout).toContain('--keep-pictures');
  }, 120_000);
});
