import type { VerificationMessage } from '../../shared/credential/verification';
import { msg } from '../../shared/credential/verificationMessages';
import { ReceiveError } from './receiveNetwork';

/**
 * One clause from whatever a protocol step threw: the issuer's own OAuth error code and
 * description where it gave one (`invalid_grant: …`), our sentence for a refused request,
 * else the library's message, cut short (its validation messages can run to pages). Our own
 * sentences stay messages (said in the reader's language); the issuer's and the library's words
 * are technical detail, shown as given.
 */
export function describeProtocolError(error: unknown): VerificationMessage {
  if (error instanceof ReceiveError) return error.reasonMessage;
  const detail = (text: string): VerificationMessage => msg('receive.detail', { detail: text });
  const response = (error as { errorResponse?: { error?: unknown; error_description?: unknown } } | null)?.errorResponse;
  if (response && typeof response.error === 'string') {
    return detail(typeof response.error_description === 'string' ? `${response.error}: ${clip(response.error_description)}` : response.error);
  }
  // A credential or token endpoint error surfaces as the response the library kept.
  const kept = error as { response?: { status?: unknown }; responseText?: unknown } | null;
  if (typeof kept?.responseText === 'string') {
    try {
      const body = JSON.parse(kept.responseText) as { error?: unknown; error_description?: unknown };
      if (typeof body.error === 'string') return detail(typeof body.error_description === 'string' ? `${body.error}: ${clip(body.error_description)}` : body.error);
    } catch {
      // Not JSON: the status says enough.
    }
  }
  // The safe fetcher's refusal travels inside the library's own error as its cause.
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if (cause instanceof ReceiveError) return cause.reasonMessage;
    cause = cause.cause;
  }
  return detail(clip(error instanceof Error ? error.message : String(error)));
}

function clip(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 240 ? `${line.slice(0, 237)}…` : line;
}
