import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { makeReceiveCommand } from '../../../electron/cli/commands/receive';
import { Vault } from '../../../electron/vault/vault';
import { runBin, runBinAsync } from '../../support/cliRun';
import { LoopbackInternet } from '../../support/loopbackInternet';
import { startTestIssuer } from '../../support/openid4vciIssuer';
import { startTestExchange } from '../../support/vcApiExchange';
import { testKdf } from '../../support/walletFixtures';

// `badgefolio receive` as a user (or an issuer testing against Badgefolio) runs it: the real bin
// in a child process, reaching a local issuer through the developer option (--dev-host and
// NODE_EXTRA_CA_CERTS), the only way a named host reaches this computer.
let internet: LoopbackInternet;
let caFile: string;
const passphrase = 'river lamp 12 ocean';

beforeAll(async () => {
  internet = await LoopbackInternet.start();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-receive-ca-'));
  caFile = path.join(folder, 'ca.pem');
  writeFileSync(caFile, internet.ca);
});
afterAll(async () => {
  await internet.close();
});

async function newWallet(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-cli-receive-'));
  (await Vault.create(folder, passphrase, testKdf)).lockWallet();
  return folder;
}

const env = () => ({ BADGEFOLIO_PASSPHRASE: passphrase, NODE_EXTRA_CA_CERTS: caFile, BADGEFOLIO_DEV_HOSTS: '' });

describe('badgefolio receive', () => {
  it('receives an OpenID4VCI offer with --yes and --tx-code through --dev-host, announcing the option', async () => {
    const issuer = await startTestIssuer(internet, { host: 'cli.issuer.example', txCode: '2468', format: 'jwt_vc_json' });
    const vault = await newWallet();
    const result = await runBinAsync(
      ['receive', issuer.offerLink, '--vault', vault, '--yes', '--tx-code', '2468', '--offline', '--dev-host', `cli.issuer.example=127.0.0.1:${String(internet.port)}`],
      { env: env() },
    );
    expect(result.stderr).toMatch(/WARNING: developer hosts are ON: cli\.issuer\.example -> 127\.0\.0\.1/);
    expect(result.stderr).toMatch(/Receive credentials from cli\.issuer\.example \(calling itself “Example University”\)\?/);
    expect(result.stderr).toMatch(/the transaction code the issuer sent you/);
    expect(result.stdout).toMatch(/^added {2}cli\.issuer\.example {2}"Data Science Fundamentals" {2}\[verified\]/m);
    expect(result.status).toBe(0);
    const list = runBin(['list', '--vault', vault, '--json'], { env: env() });
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('gives --json, and takes developer hosts from BADGEFOLIO_DEV_HOSTS (a VC-API interaction URL)', async () => {
    const exchange = await startTestExchange(internet, { host: 'cli.exchange.example' });
    const vault = await newWallet();
    const result = await runBinAsync(['receive', exchange.interactionUrl, '--vault', vault, '--yes', '--json', '--offline'], {
      env: { ...env(), BADGEFOLIO_DEV_HOSTS: `cli.exchange.example=127.0.0.1:${String(internet.port)}` },
    });
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { state: string; issuerHost: string; outcomes: { outcome: string; status: string; issuerIdentity: { level: string } }[] };
    expect(parsed).toMatchObject({
      state: 'received',
      issuerHost: 'cli.exchange.example',
      outcomes: [{ outcome: 'added', status: 'verified', issuerIdentity: { level: 'unconfirmed' } }],
    });
    expect(exchange.checks.map((c) => c.verified)).toEqual([true]);
  });

  it('asks on the terminal, then for the transaction code; "n" sends nothing', async () => {
    const issuer = await startTestIssuer(internet, { host: 'asking.issuer.example', txCode: '1357' });
    const vault = await newWallet();
    const io = (out: string[], err: string[]): CliIo => ({
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env: { BADGEFOLIO_PASSPHRASE: passphrase },
      cwd: process.cwd(),
      interactive: true,
    });
    const questions: string[] = [];
    const answers = ['n'];
    const command = (replies: string[]) =>
      makeReceiveCommand({ testNetwork: internet.testNetwork, terminal: true, prompt: (q) => (questions.push(q), Promise.resolve(replies.shift() ?? '')) });
    const err: string[] = [];
    expect(await command(answers).run([issuer.offerLink, '--vault', vault, '--offline'], io([], err))).toBe(1);
    expect(questions).toEqual(['Agree and receive? [y/N] ']);
    expect(err.join('')).toMatch(/Not received: nothing was sent to asking\.issuer\.example/);
    expect(issuer.requests.every((r) => r.startsWith('GET '))).toBe(true);
    const out: string[] = [];
    questions.length = 0;
    expect(await command(['y', '1357']).run([issuer.offerLink, '--vault', vault, '--offline'], io(out, []))).toBe(0);
    expect(questions).toEqual(['Agree and receive? [y/N] ', 'Transaction code: ']);
    expect(out.join('')).toMatch(/^added {2}asking\.issuer\.example/);
  });

  it('refuses without --yes when there is no terminal to ask on, having sent nothing', async () => {
    const issuer = await startTestIssuer(internet, { host: 'quiet.issuer.example' });
    const vault = await newWallet();
    const result = await runBinAsync(['receive', issuer.offerLink, '--vault', vault, '--dev-host', `quiet.issuer.example=127.0.0.1:${String(internet.port)}`], { env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Not agreed: give --yes to agree, or run this in a terminal to be asked\. Nothing was sent\./);
    const noPin = await startTestIssuer(internet, { host: 'pin.quiet.issuer.example', txCode: '8080' });
    const withoutPin = await runBinAsync(['receive', noPin.offerLink, '--vault', vault, '--yes', '--dev-host', `pin.quiet.issuer.example=127.0.0.1:${String(internet.port)}`], {
      env: env(),
    });
    expect(withoutPin.status).toBe(1);
    expect(withoutPin.stderr).toMatch(/give it with --tx-code PIN/);
    expect(noPin.requests.every((r) => r.startsWith('GET '))).toBe(true);
    expect(issuer.requests.every((r) => r.startsWith('GET '))).toBe(true);
  });

  it('refuses a private address by production rules (no developer option), exit 1', async () => {
    const vault = await newWallet();
    const result = await runBinAsync(['receive', 'https://127.0.0.1/credential.json', '--vault', vault, '--yes'], { env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Not received: 127\.0\.0\.1 could not be asked: 127\.0\.0\.1 is a private or loopback address/);
  });

  it('says what is wrong with a link, a developer host or the arguments', async () => {
    const vault = await newWallet();
    const unknown = await runBinAsync(['receive', 'ftp://issuer.example/badge', '--vault', vault, '--yes'], { env: env() });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Badgefolio does not know links starting with “ftp:\/\/”/);
    const badHost = runBin(['receive', 'https://x.example/', '--vault', vault, '--dev-host', 'x.example=10.0.0.5:443'], { env: env() });
    expect(badHost.status).toBe(2);
    expect(badHost.stderr).toMatch(/only ever maps a name to this computer/);
    expect(runBin(['receive', '--vault', vault], { env: env() }).status).toBe(2);
    expect(runBin(['--help']).stdout).toMatch(/receive +Receive credentials from a link/);
  });
});
