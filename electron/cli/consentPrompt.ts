import { createInterface } from 'node:readline/promises';
import type { ConsentQuestion } from '../../shared/credential/receiving';

/** The consent question in plain English lines, for the terminal (the app renders its own). */
export function consentLines(question: ConsentQuestion): string[] {
  const who = question.issuerName ? `${question.issuerHost} (calling itself “${question.issuerName}”)` : question.issuerHost;
  const lines = [`Receive credentials from ${who}?`];
  const identity = question.issuerIdentity;
  if (identity?.level === 'registry') lines.push(`  A known-issuer registry lists this web site as ${identity.name ?? 'an issuer'} (${identity.source ?? 'a registry'}).`);
  else if (identity) lines.push(`  Who stands behind it: ${identity.level}${identity.source ? ` (${identity.source})` : ''}.`);
  else lines.push('  No known-issuer registry lists this web site: judge the address yourself.');
  if (question.sends.length === 0) lines.push(`  Badgefolio sends nothing but the request for the address.`);
  else lines.push(`  Badgefolio will send to ${question.issuerHost}:`);
  for (const send of question.sends) {
    if (send.kind === 'holder-did') lines.push(`    - your wallet's identifier, ${send.did}`);
    else if (send.kind === 'signed-proof')
      lines.push(send.what === 'openid4vci-proof' ? '    - a proof signed with your wallet’s key (so the credential is issued to this wallet)' : '    - a presentation signed with your wallet’s key, answering the issuer’s challenge');
    else if (send.kind === 'transaction-code') lines.push('    - the transaction code the issuer sent you');
    else lines.push(`    - your sign-in, made in your browser at ${send.host} (Badgefolio only gets a one-time code from it, never your password)`);
  }
  if (question.receives.length > 0) {
    lines.push('  You will receive:');
    for (const receive of question.receives) lines.push(`    - ${receive.name}${receive.format ? ` (${receive.format})` : ''}`);
  } else if (question.protocol !== 'web') lines.push('  The issuer does not say in advance which credentials it will give.');
  if (question.transactionCode?.description) lines.push(`  The issuer says about the transaction code: “${question.transactionCode.description}”`);
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
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // no opener: the printed address is enough
    child.unref();
  } catch {
    // As above: the user opens the printed address.
  }
}
