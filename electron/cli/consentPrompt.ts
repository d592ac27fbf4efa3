import { createInterface } from 'node:readline/promises';
import type { ConsentQuestion } from '../../shared/credential/receiving';
import type { Language } from '../../shared/preferences';
import { msg, renderMessage, type MessageParams, type ReceiveMessageKey } from '../../shared/credential/verificationMessages';

/** A sentence of receiving's catalogue (receiveCatalogueEn.ts) in the language `receive` speaks. */
export function receiveWords(language: Language): (key: ReceiveMessageKey, params?: MessageParams) => string {
  return (key, params) => renderMessage(msg(key, params), language);
}

/** The consent question in plain lines, for the terminal (the app renders its own), in English or German. */
export function consentLines(question: ConsentQuestion, language: Language = 'en'): string[] {
  const say = receiveWords(language);
  const host = question.issuerHost;
  const lines = [say('receive.ask.title', { who: question.issuerName ? say('receive.ask.calling', { host, name: question.issuerName }) : host })];
  const identity = question.issuerIdentity;
  if (identity?.level === 'registry')
    lines.push(
      `  ${say(identity.test === true ? 'receive.ask.registryTest' : 'receive.ask.registry', { name: identity.name ?? say('receive.ask.anIssuer'), source: identity.source ?? say('receive.ask.aRegistry') })}`,
    );
  else if (identity)
    lines.push(
      `  ${identity.source ? say('receive.ask.identitySource', { level: identity.level, source: identity.source }) : say('receive.ask.identity', { level: identity.level })}`,
    );
  else lines.push(`  ${say('receive.ask.noRegistry')}`);
  lines.push(`  ${question.sends.length === 0 ? say('receive.ask.sendsNothing') : say('receive.ask.sends', { host })}`);
  for (const send of question.sends) {
    const item =
      send.kind === 'holder-did'
        ? say('receive.ask.holderDid', { did: send.did })
        : send.kind === 'signed-proof'
          ? say(send.what === 'openid4vci-proof' ? 'receive.ask.proof' : 'receive.ask.didAuth')
          : send.kind === 'transaction-code'
            ? say('receive.ask.txCode')
            : say('receive.ask.browser', { host: send.host });
    lines.push(`    - ${item}`);
  }
  if (question.receives.length > 0) {
    lines.push(`  ${say('receive.ask.receives')}`);
    for (const receive of question.receives) lines.push(`    - ${receive.name}${receive.format ? ` (${receive.format})` : ''}`);
  } else if (question.protocol !== 'web') lines.push(`  ${say('receive.ask.receivesUnknown')}`);
  if (question.transactionCode?.description) lines.push(`  ${say('receive.ask.txDescription', { description: question.transactionCode.description })}`);
  return lines;
}

/** One line read from the terminal (stdin), asked on stderr so that stdout stays the result. */
export async function askLine(prompt: string): Promise<string> {
  const reader = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await reader.question(prompt);
  } finally {
    reader.close();
  }
}

/**
 * Opens the issuer's sign-in page for `receive` (OpenID4VCI authorization code flow): the
 * address is always printed, so it can be opened by hand, and handed to the system's opener
 * when a person is at the terminal. Only https addresses get this far (parseSafeExternalUrl).
 */
export async function openInBrowser(url: string, io: { stderr: (text: string) => void }, launch: boolean): Promise<void> {
  io.stderr(`Sign in at the issuer in your browser:\n  ${url}\n`);
  if (!launch) return;
  const { spawn } = await import('node:child_process');
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // no opener: the printed address is enough
    child.unref();
  } catch {
    // As above: the user opens the printed address.
  }
}
