import { randomBytes } from 'node:crypto';
import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../../shared/credential/receiving';
import { verificationStatuses, type VerificationStatus } from '../../shared/credential/verdictOrder';
import type { ReceivedRow, ReceiveStep } from '../../shared/contract/receiveSchemas';
import { RefusalError } from '../../shared/contract/refusal';
import { englishOf, msg } from '../../shared/credential/verificationMessages';
import type { VerificationMessage } from '../../shared/credential/verification';

/** A refusal's English and its catalogue message, for the window to say in its language. */
function said(message: VerificationMessage): [string, VerificationMessage] {
  return [englishOf(message), message];
}

/**
 * Receiving from a link in the app (issue #20): the core's receive runs in the main process
 * and asks its consent question through the window. A call to `start` answers as soon as the
 * receive either needs the user's yes or no (`consent-needed`, with a request id) or is over;
 * `answer` hands the user's answer on and again answers with the next step. The receive itself
 * waits on a promise meanwhile, so nothing is sent before the answer is yes.
 *
 * SECURITY: a question nobody answers counts as no after `consentTimeoutMs` (the window was
 * closed or reloaded, the wallet locked); an answer to a question no longer waiting is refused;
 * only a few receives may wait at once, so a page cannot pile up pending work.
 */
export type Receive = (link: string, ask: (question: ConsentQuestion) => Promise<ConsentAnswer>) => Promise<ReceiveResult>;

export interface ReceiveFlowsOptions {
  readonly receive: Receive;
  /** How long a question waits for its answer before it counts as no (10 minutes). */
  readonly consentTimeoutMs?: number;
  /** Receives waiting for an answer at once (4). */
  readonly maxWaiting?: number;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A step nobody waits for any more (the question timed out) must not be an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

interface Flow {
  readonly id: string;
  /** The step the caller of `start` or `answer` is waiting for. */
  next: Deferred<ReceiveStep>;
  /** Set while a question waits: gives the receive its answer. */
  give: ((answer: ConsentAnswer) => void) | null;
  timer: ReturnType<typeof setTimeout> | null;
}

const isStatus = (status: string | undefined): status is VerificationStatus => verificationStatuses.some((known) => known === status);

/** The received credentials as import summary rows: counted under the issuer's host, as a file's credentials count under the file. */
export function receivedRows(result: ReceiveResult): ReceivedRow[] {
  if (result.state !== 'received') return [];
  return result.outcomes.map((o) => ({
    file: result.issuerHost,
    outcome: o.outcome,
    ...(o.name ? { name: o.name } : {}),
    ...(o.id ? { id: o.id } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.reasonMessage ? { reasonMessage: o.reasonMessage } : {}),
    ...(isStatus(o.status) ? { status: o.status } : {}),
    ...(o.issuerIdentity ? { issuerIdentity: { level: o.issuerIdentity.level, source: o.issuerIdentity.source } } : {}),
  }));
}

export class ReceiveFlows {
  private readonly flows = new Map<string, Flow>();

  constructor(private readonly options: ReceiveFlowsOptions) {}

  /** Starts receiving from `link`; answers with the consent question, or the result if it ended first. */
  start(link: string): Promise<ReceiveStep> {
    if (this.flows.size >= (this.options.maxWaiting ?? 4)) {
      throw new RefusalError(...said(msg('receive.flow.othersWaiting')));
    }
    const flow: Flow = { id: randomBytes(18).toString('base64url'), next: deferred(), give: null, timer: null };
    this.flows.set(flow.id, flow);
    const ask = (question: ConsentQuestion): Promise<ConsentAnswer> =>
      new Promise<ConsentAnswer>((resolve) => {
        flow.give = resolve;
        flow.timer = setTimeout(
          () => {
            void this.settle(flow, { consent: false });
          },
          this.options.consentTimeoutMs ?? 10 * 60_000,
        );
        // A pending question must not keep the app (or a test) running.
        flow.timer.unref();
        flow.next.resolve({ step: 'consent-needed', requestId: flow.id, question });
      });
    this.options.receive(link, ask).then(
      (result) => {
        this.end(flow);
        flow.next.resolve({ step: 'done', result, rows: receivedRows(result) });
      },
      (error: unknown) => {
        this.end(flow);
        flow.next.reject(error);
      },
    );
    return flow.next.promise;
  }

  /** The user's answer to the question `requestId` names; answers with what followed. */
  answer(requestId: string, answer: ConsentAnswer): Promise<ReceiveStep> {
    const flow = this.flows.get(requestId);
    if (!flow?.give) throw new RefusalError(...said(msg('receive.flow.noLongerWaiting')));
    return this.settle(flow, answer);
  }

  /** Every question still waiting is answered no (the wallet locked): nothing is sent. */
  cancelAll(): void {
    for (const flow of this.flows.values()) if (flow.give) void this.settle(flow, { consent: false });
  }

  /** How many receives are under way (waiting for an answer or still running). */
  get size(): number {
    return this.flows.size;
  }

  private settle(flow: Flow, answer: ConsentAnswer): Promise<ReceiveStep> {
    const give = flow.give;
    if (!give) return flow.next.promise;
    flow.give = null;
    if (flow.timer) clearTimeout(flow.timer);
    flow.timer = null;
    flow.next = deferred();
    give(answer);
    return flow.next.promise;
  }

  private end(flow: Flow): void {
    if (flow.timer) clearTimeout(flow.timer);
    this.flows.delete(flow.id);
  }
}
