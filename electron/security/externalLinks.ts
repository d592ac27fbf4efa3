import { RefusalError } from '../../shared/contract/refusal';

/**
 * SECURITY: the single gate for links leaving the app. Only `https:` URLs with a host and
 * no embedded credentials pass; `file:`, `javascript:`, custom schemes and plain `http:`
 * are refused, because the OS would hand them to arbitrary programs.
 */
export function parseSafeExternalUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusalError('That link is not a valid web address.');
  }
  if (url.protocol !== 'https:') {
    throw new RefusalError(`Only secure https links can be opened, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.hostname === '') {
    throw new RefusalError('That link has no host name.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new RefusalError('Links that carry a user name or password are not opened.');
  }
  return url;
}
