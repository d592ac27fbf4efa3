// Why a file is damaged, in the reader's language (issue #16 §5): every reason intake gives for
// a malformed file is a catalogue message, rendered in English for the CLI and in German for the
// German app, where no English sentence may show.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Intake } from '../../../electron/intake/intake';
import { renderMessage } from '../../../shared/credential/verificationMessages';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** A zip archive whose central directory is missing: only its local header. */
const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(40).fill(0)]);

const damagedFiles: Readonly<Record<string, Uint8Array>> = {
  'empty.json': new Uint8Array(),
  'blank.json': encode('   \n'),
  'broken.json': encode('{"@context": '),
  'two-parts.jwt': encode('eyJhbGciOiJFUzI1NiJ9eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0'),
  'no-recipient.json': encode(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://x.example/a', badge: 'https://x.example/b' })),
  'wrong-context.json': encode(
    JSON.stringify({
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { type: 'AchievementSubject' },
    }),
  ),
  'archive.zip': brokenZip,
  'deep.json': encode(`${'['.repeat(100)}${']'.repeat(100)}`),
  'not-utf8.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
  'bomb.zip': deflateSync(new Uint8Array(10)),
};

describe('why a file is damaged, in the reader’s language', () => {
  it('every reason intake throws is a catalogue message, not an English string', () => {
    const root = path.resolve(__dirname, '../../../electron/intake');
    const english: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new MalformedInputError\(\s*(['"`])/g)) english.push(`${path.relative(root, file)}: ${text.slice(match.index, match.index + 80)}`);
    }
    expect(english).toEqual([]);
  });

  it('damaged files are said in English and in German, never in English there', async () => {
    const intake = new Intake();
    let malformed = 0;
    for (const [name, bytes] of Object.entries(damagedFiles)) {
      for (const outcome of await intake.inspect({ name, bytes })) {
        if (outcome.outcome !== 'malformed') continue;
        malformed++;
        expect(outcome.reasonMessage, name).toBeDefined();
        if (!outcome.reasonMessage) continue;
        expect(renderMessage(outcome.reasonMessage, 'en'), name).toBe(outcome.reason);
        const german = renderMessage(outcome.reasonMessage, 'de');
        expect(german, name).not.toBe(outcome.reason);
        // The German sentence shares no run of five English words with the English one.
        const words = outcome.reason.split(/\s+/);
        for (let i = 0; i + 5 <= words.length; i++) expect(german, `${name}: ${german}`).not.toContain(words.slice(i, i + 5).join(' '));
      }
    }
    // Most of these files are damaged (the others are not credentials): the check is not vacuous.
    expect(malformed).toBeGreaterThanOrEqual(8);
  });
});
