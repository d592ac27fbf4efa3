import { expect, test } from './fixtures';

test('the page is served with a strict Content-Security-Policy and loads nothing remote', async ({ page, harness }) => {
  const response = await page.goto(harness.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");

  const blocked = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        resolve(event.violatedDirective);
      });
    });
    await fetch('https://example.org/').catch(() => undefined);
    return violation;
  });
  expect(blocked).toBe('connect-src');
});

test('a malformed request gets a clear error and changes nothing', async ({ page, harness }) => {
  await page.goto(harness.url);
  const result = await page.evaluate(() => window.wallet.setPreferences({ theme: 'purple' } as never));
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('theme');
  }
  const prefs = await page.evaluate(() => window.wallet.getPreferences({}));
  expect(prefs).toEqual({
    ok: true,
    value: {
      theme: 'system',
      language: 'en',
      autoLockMinutes: 15,
      profile: { name: '', emails: [], links: [] },
      network: 'ask',
      osNotifications: false,
      updates: { enabled: false },
    },
  });
});

test('calls without the per-run token are refused', async ({ page, harness }) => {
  await page.goto(harness.url);
  const status = await page.evaluate(async () => {
    const response = await fetch('/__ipc/appInfo', { method: 'POST', body: '{}' });
    return response.status;
  });
  expect(status).toBe(403);
});

test('only https links leave the app', async ({ page, harness }) => {
  await page.goto(harness.url);
  const refused = await page.evaluate(() => window.wallet.openExternal({ url: 'file:///etc/passwd' }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
  const opened = await page.evaluate(() => window.wallet.openExternal({ url: 'https://www.imsglobal.org/spec/ob/v3p0' }));
  expect(opened).toEqual({ ok: true, value: { opened: true } });
  await expect.poll(() => harness.output()).toContain('open-external https://www.imsglobal.org/spec/ob/v3p0');
  expect(harness.output()).not.toContain('open-external file:');
});
