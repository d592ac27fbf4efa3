/**
 * SECURITY: which frames may call the wallet. Only the app's own top-level document: an
 * iframe (even a same-origin one) or a page from any other origin is refused, as VS Code's
 * validatedIpcMain does.
 */
export interface SenderFrame {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame?.isMainFrame) return false;
  let origin: string;
  try {
    origin = new URL(frame.url).origin;
  } catch {
    return false;
  }
  // Custom schemes report an opaque origin ("null") in some runtimes: compare scheme+host.
  if (origin === 'null') {
    const url = new URL(frame.url);
    origin = `${url.protocol}//${url.host}`;
  }
  return trustedOrigins.includes(origin);
}
