import { readFileSync } from 'node:fs';
import type { TestNetwork } from '../verify/safeFetch';
import type { DeveloperHosts } from '../../shared/developerHosts';
import type { Language } from '../../shared/preferences';
import { msg, renderMessage } from '../../shared/credential/verificationMessages';

/**
 * The developer option of `badgefolio receive`: named hosts reached on 127.0.0.1, trusting one
 * extra certificate authority, so that an issuer can try its OpenID4VCI or VC-API service
 * against Badgefolio on a laptop. It is the very mechanism the tests use (the safe fetcher's
 * `testNetwork`): https is still required, only the listed names are mapped, every other
 * address is refused as in production. Off unless `--dev-host NAME=127.0.0.1:PORT` or
 * BADGEFOLIO_DEV_HOSTS is given; whoever turns it on is told so on stderr (`devHostsWarning`).
 */
export class DevHostsError extends Error {
  override readonly name = 'DevHostsError';
}

/** `NAME=127.0.0.1:PORT` entries, from the flag (repeatable) and the comma-separated variable. */
export function parseDevHosts(flags: readonly string[], env: string | undefined): Map<string, number> {
  const entries = [...flags, ...(env ?? '').split(',')].map((e) => e.trim()).filter((e) => e !== '');
  const resolve = new Map<string, number>();
  for (const entry of entries) {
    const match = /^([a-z0-9.-]+(?::\d{1,5})?)=(?:127\.0\.0\.1|localhost):(\d{1,5})$/i.exec(entry);
    const port = Number(match?.[2]);
    if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw new DevHostsError(`"${entry}" is not a developer host: write NAME=127.0.0.1:PORT (it only ever maps a name to this computer).`);
    }
    resolve.set(match[1].toLowerCase(), port);
  }
  return resolve;
}

/**
 * The test network the option stands for, or undefined when it is off. The certificate
 * authority is the file NODE_EXTRA_CA_CERTS names, trusted for the mapped names only.
 */
export function devNetwork(flags: readonly string[], env: NodeJS.ProcessEnv): TestNetwork | undefined {
  const resolve = parseDevHosts(flags, env.BADGEFOLIO_DEV_HOSTS);
  if (resolve.size === 0) return undefined;
  const caFile = env.NODE_EXTRA_CA_CERTS;
  if (!caFile) throw new DevHostsError('Developer hosts need the certificate authority their servers use: set NODE_EXTRA_CA_CERTS to its PEM file.');
  let ca: string;
  try {
    ca = readFileSync(caFile, 'utf8');
  } catch {
    throw new DevHostsError(`The certificate authority file ${caFile} (NODE_EXTRA_CA_CERTS) could not be read.`);
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new DevHostsError(`${caFile} (NODE_EXTRA_CA_CERTS) holds no PEM certificate.`);
  return { resolve, ca };
}

/** The option as the window's warning names it: each host and its port, and the certificate authority's file. */
export function developerHostsView(network: TestNetwork, env: NodeJS.ProcessEnv): DeveloperHosts {
  return { hosts: [...network.resolve].map(([name, port]) => ({ name, port })), caFile: env.NODE_EXTRA_CA_CERTS ?? '' };
}

/**
 * The option in the desktop app: from BADGEFOLIO_DEV_HOSTS only (Chromium owns the command
 * line's switches). A value that is not a developer host turns nothing on; the log says why.
 */
export function appDevHosts(env: NodeJS.ProcessEnv, log: (line: string) => void): { network: TestNetwork; view: DeveloperHosts } | undefined {
  let network: TestNetwork | undefined;
  try {
    network = devNetwork([], env);
  } catch (error) {
    if (!(error instanceof DevHostsError)) throw error;
    log(`BADGEFOLIO_DEV_HOSTS is not used: ${error.message}`);
    return undefined;
  }
  if (!network) return undefined;
  log(devHostsWarning(network));
  return { network, view: developerHostsView(network, env) };
}

/** The loud line printed whenever the option is on. */
export function devHostsWarning(network: TestNetwork, language: Language = 'en'): string {
  const hosts = [...network.resolve].map(([host, port]) => `${host} -> 127.0.0.1:${String(port)}`).join(', ');
  return renderMessage(msg('receive.devHosts.warning', { hosts }), language);
}
