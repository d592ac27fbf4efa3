import { useEffect } from 'react';

/**
 * Asks the wallet once, when a panel appears, and hands the answer on unless the panel has gone
 * by then (a setting, the profile photo, the wallet identifier): one place for the guard that
 * keeps a late answer from setting the state of a panel no longer shown.
 */
export function useWalletOnOpen<T>(ask: () => Promise<T>, answered: (answer: T) => void): void {
  useEffect(() => {
    let current = true;
    void ask().then((answer) => {
      if (current) answered(answer);
    });
    return () => {
      current = false;
    };
    // Once, when the panel appears: `answered` only sets the panel's state.
  }, []);
}
