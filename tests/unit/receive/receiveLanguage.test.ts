import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { makeReceiveCommand } from '../../../electron/cli/commands/receive';
import { receiveCredentials } from '../../../electron/core/receiveCredentials';
import { recogniseReceiveLink } from '../../../shared/credential/receiveLink';
import type { ReceiveResult } from '../../../shared/credential/receiving';
import type { VerificationMessage } from '../../../shared/credential/verification';
import { receiveMessageKeys, renderMessage, templateOf, type MessageTemplate } from '../../../shared/credential/verificationMessages';
import { startTestIssuer } from '../../support/openid4vciIssuer';
import { consenting, receiveTestBed } from '../../support/receiveTestBed';

/**
 * Issue #20: what receiving says (bad links, protocol failures, a wrong PIN, an expired offer,
 * a timeout, a private address, the terminal's consent question) comes as catalogue messages,
 * so the German app and `badgefolio receive --language de` say it in German.
 */
const bed = receiveTestBed('badgefolio-receive-language-');

const placeholdersOf = (template: MessageTemplate): string[] => {
  const forms = typeof template === 'string' ? [template] : Object.entries(template).flatMap(([form, text]) => (form === 'plural' ? [] : [text]));
  return [...new Set(forms.flatMap((text) => [...text.matchAll(/\{(\w+)[^}]*\}/g)].map((m) => m[1] ?? '')))].sort();
};

/** The English the catalogue writes around its values: any of it in a German sentence is English left over. */
const englishFragments = receiveMessageKeys.flatMap((key) => {
  const template = templateOf(key, 'en');
  return (typeof template === 'string' ? [template] : [template.other]).flatMap((text) =>
    text
      .split(/\{[^}]*\}/)
      .map((part) => part.trim())
      .filter((part) => part.split(/\s+/).length >= 2),
  );
});

function expectGerman(text: string): void {
  for (const fragment of englishFragments) expect(text, `German text contains English “${fragment}”`).not.toContain(fragment);
}

function failure(result: ReceiveResult): VerificationMessage {
  if (result.state !== 'failed' || !result.reasonMessage) throw new Error(`expected a failure with a message, got ${JSON.stringify(result)}`);
  return result.reasonMessage;
}

describe('receiving’s catalogues', () => {
  it('hold every English key in German, with the same values, each said differently', () => {
    expect(receiveMessageKeys.length).toBeGreaterThan(100);
    for (const key of receiveMessageKeys) expect(placeholdersOf(templateOf(key, 'de')), key).toEqual(placeholdersOf(templateOf(key, 'en')));
    const same = receiveMessageKeys.filter((key) => JSON.stringify(templateOf(key, 'de')) === JSON.stringify(templateOf(key, 'en')));
    // Only the pass-through of an issuer's or a library's own words.
    expect(same).toEqual(['receive.detail']);
    expect(englishFragments.length).toBeGreaterThan(100);
  });
});

describe('a receive failure in German', () => {
  it('says a bad link, nothing at an address, a timeout and a private address without English', async () => {
    const bad = recogniseReceiveLink('ftp://files.example/badge.json');
    expect(bad.kind === 'unknown' && renderMessage(bad.reasonMessage, 'de')).toBe('Badgefolio kennt keine Links, die mit „ftp://“ beginnen.');
    const insecure = recogniseReceiveLink('http://badges.example.org/1.json');
    expect(insecure.kind === 'unknown' && renderMessage(insecure.reasonMessage, 'de')).toBe('Dieser Link ist nicht sicher (http): Badgefolio empfängt Nachweise nur über https.');

    bed.internet.serve('https://badges.example.org/page.html', { body: '<html></html>', contentType: 'text/html' });
    const missing = failure(await receiveCredentials('https://badges.example.org/nothing.json', consenting().ask, bed.options()));
    expect(renderMessage(missing, 'de')).toBe('badges.example.org antwortete mit 404: Unter dieser Adresse gibt es keinen Nachweis.');

    bed.internet.serve('https://slow.issuer.example/offers/1', { hang: true });
    const late = failure(
      await receiveCredentials('openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fslow.issuer.example%2Foffers%2F1', consenting().ask, bed.options(300)),
    );
    expect(renderMessage(late, 'de')).toBe('Das Nachweisangebot konnte nicht gelesen werden: slow.issuer.example hat nicht innerhalb von 300 ms geantwortet.');

    // Production rules (no test network): a loopback address is refused before anything is asked.
    const offer = {
      credential_issuer: 'https://127.0.0.1:9/issuer',
      credential_configuration_ids: ['x'],
      grants: { 'urn:ietf:params:oauth:grant-type:pre-authorized_code': { 'pre-authorized_code': 'c' } },
    };
    const local = failure(
      await receiveCredentials(`openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`, consenting().ask, {
        vault: bed.vault,
        verification: 'offline',
      }),
    );
    const german = renderMessage(local, 'de');
    expect(german).toMatch(/127\.0\.0\.1 ist eine private oder lokale Adresse/);
    expectGerman(german);
  });

  it('says a wrong transaction code and an expired offer in German, the issuer’s own error code kept as detail', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'pin.language.example', txCode: '1357' });
    const wrong = failure(await receiveCredentials(issuer.offerLink, consenting({ consent: true, transactionCode: '0000' }).ask, bed.options()));
    const german = renderMessage(wrong, 'de');
    expect(german).toMatch(
      /^pin\.language\.example hat das Angebot abgelehnt: Der Transaktionscode ist falsch, oder das Angebot ist abgelaufen oder wurde schon genutzt \(invalid_grant.*\)\. Es wurde nichts gespeichert\.$/,
    );
    const expired = await startTestIssuer(bed.internet, { host: 'expired.language.example', codeExpiresAt: new Date(Date.now() - 60_000) });
    const gone = renderMessage(failure(await receiveCredentials(expired.offerLink, consenting().ask, bed.options())), 'de');
    expect(gone).toMatch(/^expired\.language\.example hat das Angebot abgelehnt: Es ist abgelaufen oder wurde schon genutzt/);
  });

  it('is what `badgefolio receive --language de` prints, consent question included', async () => {
    const issuer = await startTestIssuer(bed.internet, { host: 'cli.language.example', txCode: '1357' });
    const passphraseEnv = { BADGEFOLIO_PASSPHRASE: 'river lamp 12 ocean' };
    const err: string[] = [];
    const io: CliIo = { stdout: () => undefined, stderr: (text) => err.push(text), env: passphraseEnv, cwd: process.cwd(), interactive: false };
    const command = makeReceiveCommand({ testNetwork: bed.internet.testNetwork, terminal: false });
    bed.vault.lockWallet();
    expect(await command.run([issuer.offerLink, '--vault', bed.vault.folder, '--yes', '--tx-code', '0000', '--offline', '--language', 'de'], io)).toBe(1);
    const printed = err.join('');
    expect(printed).toContain('Nachweise von cli.language.example (nennt sich selbst „Example University“) empfangen?');
    expect(printed).toContain('    - die Kennung deiner Brieftasche, did:key:z6Mk');
    expect(printed).toContain('Zugestimmt (--yes).');
    expect(printed).toMatch(/Nicht empfangen: cli\.language\.example hat das Angebot abgelehnt: Der Transaktionscode ist falsch/);
    for (const line of printed.split('\n'))
      if (!line.includes('did:key')) expectGerman(line.replace(/\(invalid_grant[^)]*\)/, '').replace(/“Example University”|„Example University“/, ''));
  });
});
