import { z } from 'zod';
import { channels, isChannelName } from '../../shared/contract/channels';
import { fail, ok, type IpcResult } from '../../shared/contract/result';
import type { Handlers } from './handlers';
import { RefusalError } from '../../shared/contract/refusal';

export type DispatchLog = (line: string) => void;

/**
 * Runs one contract call: checks the channel, validates the request against its schema,
 * calls the handler, validates the response, and turns every failure into a value. A wrong
 * shape from a compromised or buggy renderer gets `bad-request`, never a crash.
 */
export async function dispatch(handlers: Handlers, channel: string, rawRequest: unknown, log: DispatchLog = () => undefined): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) {
    return fail('unknown-channel', `There is no channel named "${channel.slice(0, 64)}".`);
  }
  const contract = channels[channel];
  const request = contract.request.safeParse(rawRequest);
  if (!request.success) {
    return fail('bad-request', `${channel}: ${z.prettifyError(request.error)}`);
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value: unknown = await handler(request.data);
    return ok(contract.response.parse(value));
  } catch (error) {
    if (error instanceof RefusalError) return fail('refused', error.message, error.said);
    // Only the error's class and channel are logged: messages may quote user data.
    log(`${channel} failed: ${error instanceof Error ? error.name : typeof error}`);
    return fail('internal', `The app could not complete ${channel}. Please try again.`);
  }
}
