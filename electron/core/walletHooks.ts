import type { Handlers } from './handlers';

/** What the shell does when the wallet opens, changes or locks through a contract call. */
export interface WalletHooks {
  /** Unlocked or created: files that waited can be imported, notices computed. */
  opened(): void;
  /** Credentials were imported, re-checked, removed, corrected or restored: notices may have changed. */
  changed(): void;
  locked(): void;
}

/**
 * The handlers with the shell's hooks run after the calls that open, change or lock the
 * wallet. The handlers themselves stay the same for the app, the harness and the tests; a
 * hook that fails is logged and never spoils the call's answer.
 */
export function withWalletHooks(handlers: Handlers, hooks: WalletHooks, log: (line: string) => void = () => undefined): Handlers {
  const run = (name: keyof WalletHooks): void => {
    try {
      hooks[name]();
    } catch (error) {
      log(`wallet hook ${name} failed: ${error instanceof Error ? error.name : typeof error}`);
    }
  };
  const afterOpen = async <T extends { state: string }>(answer: Promise<T>): Promise<T> => {
    const state = await answer;
    if (state.state === 'unlocked') run('opened');
    return state;
  };
  const afterChange = async <T>(answer: Promise<T>): Promise<T> => {
    const value = await answer;
    run('changed');
    return value;
  };
  return {
    ...handlers,
    createWallet: (request) => afterOpen(handlers.createWallet(request)),
    unlockWallet: (request) => afterOpen(handlers.unlockWallet(request)),
    unlockOnThisDevice: (request) => afterOpen(handlers.unlockOnThisDevice(request)),
    lockWallet: async (request) => {
      const state = await handlers.lockWallet(request);
      run('locked');
      return state;
    },
    importFiles: (request) => afterChange(handlers.importFiles(request)),
    receiveFromLink: (request) => afterChange(handlers.receiveFromLink(request)),
    answerReceiveConsent: (request) => afterChange(handlers.answerReceiveConsent(request)),
    recheckCredential: (request) => afterChange(handlers.recheckCredential(request)),
    fetchDetails: (request) => afterChange(handlers.fetchDetails(request)),
    removeCredential: (request) => afterChange(handlers.removeCredential(request)),
    restoreVersion: (request) => afterChange(handlers.restoreVersion(request)),
    editCredential: (request) => afterChange(handlers.editCredential(request)),
    restoreBackup: (request) => afterChange(handlers.restoreBackup(request)),
    portfolioMaterial: (request) => afterChange(handlers.portfolioMaterial(request)),
  };
}
