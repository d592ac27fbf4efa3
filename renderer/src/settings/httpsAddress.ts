import { isPublicHttpsUrl } from '../../../shared/portfolio/verificationLink';

/** Why a typed address cannot be kept; each gets its own sentence in the UI. */
export type AddressProblem = 'invalid' | 'not-https' | 'credentials';

export type AddressCheck = { readonly ok: true; readonly address: string } | { readonly ok: false; readonly problem: AddressProblem };

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Checks an address a person typed for a place where only https is safe (update feeds, links
 * printed in a PDF, a verifier page). "example.org/page" gains its "https://", since people
 * rarely type the scheme; anything with another scheme is refused, never silently upgraded,
 * because the person may have meant a different server. `placeholder` is a token the address may
 * carry, such as "{id}", that is filled in later and must survive as typed.
 */
export function checkHttpsAddress(typed: string, placeholder?: string): AddressCheck {
  const trimmed = typed.trim();
  const address = hasScheme.test(trimmed) ? trimmed : `https://${trimmed}`;
  const testable = placeholder ? address.split(placeholder).join('x') : address;
  let url: URL;
  try {
    url = new URL(testable);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'not-https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  // The same test the PDF builder applies before printing or linking an address.
  if (!isPublicHttpsUrl(testable)) return { ok: false, problem: 'invalid' };
  return { ok: true, address };
}

/** The message key for each problem (shared by Settings and Profile). */
export const addressProblemKeys = {
  invalid: 'settings.url.invalid',
  'not-https': 'settings.url.notHttps',
  credentials: 'settings.url.credentials',
} as const satisfies Record<AddressProblem, string>;
