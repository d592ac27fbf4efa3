import { z } from 'zod';
import { verificationMessageSchema } from '../credential/verification';

/**
 * Every IPC answer is a value, never a thrown error: errors do not survive contextBridge
 * or the harness's HTTP bridge with their fields intact, and a renderer that must handle
 * `ok: false` cannot forget to.
 */
export const ipcErrorCodes = [
  /** The request did not match the channel's schema. */
  'bad-request',
  /** No such channel in the contract. */
  'unknown-channel',
  /** The caller is not the app's own main frame (or lacks the harness token). */
  'forbidden',
  /** The handler failed in a way it did not anticipate; details stay in the main process. */
  'internal',
  /** The handler refused for a reason it states (e.g. an unsafe link). */
  'refused',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(ipcErrorCodes),
  message: z.string(),
  /** A refusal's reason as a catalogue message, for the window to show in its language (the English is `message`). */
  said: verificationMessageSchema.optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, said?: IpcError['said']): IpcResult<never> {
  return { ok: false, error: said ? { code, message, said } : { code, message } };
}
