import type { VerificationMessage } from '../credential/verification';

/**
 * An error a handler raises on purpose, with a message fit to show the user (in English, and,
 * where the reason has one, as a catalogue message the window shows in the user's language).
 * Anything else that escapes a handler is reported as `internal` with no details, so that
 * stack traces, paths and secrets stay in the main process.
 */
export class RefusalError extends Error {
  override readonly name = 'RefusalError';
  constructor(
    message: string,
    readonly said?: VerificationMessage,
  ) {
    super(message);
  }
}
