/**
 * An error a handler raises on purpose, with a message fit to show the user. Anything else
 * that escapes a handler is reported as `internal` with no details, so that stack traces,
 * paths and secrets stay in the main process.
 */
export class RefusalError extends Error {
  override readonly name = 'RefusalError';
}
