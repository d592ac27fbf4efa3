import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../../../shared/credential/receiving';
import type { ReceivedRow, ReceiveStep } from '../../../shared/contract/receiveSchemas';
import type { IpcResult } from '../../../shared/contract/result';
import { useShellEvents } from '../shell/useShellEvents';
import { useI18n } from '../i18n/i18n';
import { wallet } from '../wallet';
import { refusalText } from '../wallet/refusalText';

/** Where "Add from a link" stands: nothing, asking the issuer, waiting for the user's yes or no, or what came of it. */
export type ReceiveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'asking'; readonly requestId: string; readonly question: ConsentQuestion }
  | { readonly kind: 'done'; readonly result: ReceiveResult; readonly rows: readonly ReceivedRow[] }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Receiving from a link: the link pasted or dropped here, or opened with the app (a deep link
 * the main process hands over once the wallet is open). One receive at a time; links that
 * arrive meanwhile wait their turn. The main process asks before anything is sent: its
 * question is shown (ConsentDialog) and the answer goes back with `answer`.
 */
export function useReceive(onReceived: () => void) {
  const { language } = useI18n();
  const [state, setState] = useState<ReceiveState>({ kind: 'idle' });
  const queue = useRef<string[]>([]);
  const busy = useRef(false);

  const show = useCallback(
    (result: IpcResult<ReceiveStep>): void => {
      if (!result.ok) {
        setState({ kind: 'error', message: refusalText(result.error, language) });
        return;
      }
      const step = result.value;
      if (step.step === 'consent-needed') {
        setState({ kind: 'asking', requestId: step.requestId, question: step.question });
        return;
      }
      setState({ kind: 'done', result: step.result, rows: step.rows });
      if (step.result.state === 'received') onReceived();
    },
    [onReceived, language],
  );

  const next = useCallback(async (): Promise<void> => {
    const link = queue.current.shift();
    if (link === undefined) return;
    busy.current = true;
    setState({ kind: 'working' });
    show(await wallet().receiveFromLink({ link }));
  }, [show]);

  /** Starts receiving from a link now, or after the receive under way. */
  const receive = useCallback(
    (link: string): void => {
      queue.current.push(link);
      if (!busy.current) void next();
    },
    [next],
  );

  const answer = useCallback(
    async (requestId: string, given: ConsentAnswer): Promise<void> => {
      setState({ kind: 'working' });
      show(await wallet().answerReceiveConsent({ requestId, answer: given }));
    },
    [show],
  );

  // A receive that ended (done or refused) lets the next waiting link go.
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'error') {
      busy.current = false;
      if (queue.current.length > 0) void next();
    }
  }, [state, next]);

  // Links opened with Badgefolio (a deep link, a QR code in a dropped picture) come from the main process.
  useShellEvents({
    linkOpened: ({ link }) => {
      receive(link);
    },
  });

  const dismiss = useCallback(() => {
    setState((current) => (current.kind === 'done' || current.kind === 'error' ? { kind: 'idle' } : current));
  }, []);

  return { state, receive, answer, dismiss };
}

export type Receiver = ReturnType<typeof useReceive>;
