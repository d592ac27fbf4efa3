import { verifierBase } from '../../shared/portfolio/verificationLink';
import { packageJson } from './packageInfo';

// Apart from packageInfo.ts: the verifier link code brings a DEFLATE library with it, which
// `badgefolio --version` (and every command that never writes a PDF) should not load.

/**
 * The project's published verifier page (`badgefolio.verifierUrl` in package.json): what the
 * portfolio PDF links every credential to unless Settings or `--verifier-url` say otherwise.
 * In package.json, not in the code, so that a fork or a university publishing its own copy of
 * out/verifier/ changes one line. Undefined when it is missing or not an https address.
 */
export function verifierUrlFrom(packageJsonText: string): string | undefined {
  try {
    const parsed = JSON.parse(packageJsonText) as { badgefolio?: { verifierUrl?: unknown } };
    const url = parsed.badgefolio?.verifierUrl;
    return typeof url === 'string' ? verifierBase(url) : undefined;
  } catch {
    return undefined;
  }
}

export function defaultVerifierUrl(): string | undefined {
  try {
    return verifierUrlFrom(JSON.stringify(packageJson()));
  } catch {
    return undefined;
  }
}

/** `{ verifierUrl }` for the host services, or nothing when package.json names no verifier page. */
export function optionalVerifierUrl(): { verifierUrl?: string } {
  const verifierUrl = defaultVerifierUrl();
  return verifierUrl === undefined ? {} : { verifierUrl };
}
