import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefusalError } from '../../shared/contract/refusal';
import { contentSecurityPolicy, resolveRendererFile } from '../../electron/security/contentPolicy';
import { parseSafeExternalUrl } from '../../electron/security/externalLinks';
import { isTrustedSender } from '../../electron/security/senderPolicy';

describe('external links', () => {
  it.each(['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pass@example.org/', 'not a url', 'https://'])(
    'refuses %s',
    (url) => {
      expect(() => parseSafeExternalUrl(url)).toThrow(RefusalError);
    },
  );

  it('lets a plain https link through', () => {
    expect(parseSafeExternalUrl('https://badges.example.edu/a?b=1#c').href).toBe('https://badges.example.edu/a?b=1#c');
  });
});

describe('renderer files', () => {
  const root = path.resolve('/srv/renderer');
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
  ])('maps %s inside the root', (request, relative) => {
    expect(resolveRendererFile(root, request)).toBe(path.join(root, relative));
  });

  it.each(['/../secret', '/..%2f..%2fetc/passwd', '/%2e%2e/x', '/a%00.js', '/..%5cwin.ini', '/%E0%A4%A'])('refuses %s', (request) => {
    expect(resolveRendererFile(root, request)).toBeNull();
  });

  it('allows nothing remote in the content security policy', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|'unsafe-/);
  });
});

describe('IPC senders', () => {
  const origins = ['app://badgefolio'];
  it('trusts only the main frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://badgefolio/index.html', isMainFrame: true }, origins)).toBe(true);
    expect(isTrustedSender({ url: 'app://badgefolio/index.html', isMainFrame: false }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'app://badgefolio.evil/index.html', isMainFrame: true }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'https://badgefolio/index.html', isMainFrame: true }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'garbage', isMainFrame: true }, origins)).toBe(false);
    expect(isTrustedSender(null, origins)).toBe(false);
  });
});
