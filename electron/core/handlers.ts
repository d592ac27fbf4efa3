import type { z } from 'zod';
import type { ChannelName, Channels } from '../../shared/contract/channels';
import { productName } from '../../shared/app';
import { parseSafeExternalUrl } from '../security/externalLinks';
import { readPreferences, writePreferences, type PreferencesBackend } from './preferences';
import type { WalletSession } from './walletSession';

/**
 * What the host (the Electron shell or the browser harness) lends the handlers. Everything
 * that differs between the two is here; the handlers themselves are the same code.
 */
export interface HostServices {
  readonly host: 'electron' | 'harness';
  readonly version: string;
  readonly platform: string;
  readonly preferences: PreferencesBackend;
  readonly wallet: WalletSession;
  /** Called only with a URL that passed parseSafeExternalUrl. */
  openExternal(url: URL): Promise<void>;
}

export type Handlers = {
  readonly [K in ChannelName]: (
    request: z.output<Channels[K]['request']>,
  ) => Promise<z.input<Channels[K]['response']>>;
};

export function createHandlers(services: HostServices): Handlers {
  return {
    appInfo: () =>
      Promise.resolve({
        name: productName,
        version: services.version,
        platform: services.platform,
        host: services.host,
      }),
    getPreferences: () => Promise.resolve(readPreferences(services.preferences)),
    setPreferences: (patch) => Promise.resolve(writePreferences(services.preferences, patch)),
    openExternal: async ({ url }) => {
      await services.openExternal(parseSafeExternalUrl(url));
      return { opened: true };
    },
    walletState: () => services.wallet.state(),
    createWallet: ({ passphrase, remember }) => services.wallet.create(passphrase, remember),
    unlockWallet: ({ passphrase, remember }) => services.wallet.unlock(passphrase, remember),
    unlockOnThisDevice: () => services.wallet.unlockOnThisDevice(),
    lockWallet: () => {
      services.wallet.lock();
      return services.wallet.state();
    },
    listCredentials: () => Promise.resolve({ credentials: services.wallet.list() }),
    credentialImage: ({ id }) => Promise.resolve({ image: services.wallet.image(id) }),
    importFiles: async ({ files }) => ({ outcomes: await services.wallet.import(files) }),
    credentialDetail: ({ id }) => Promise.resolve({ credential: services.wallet.detail(id) }),
    recheckCredential: async ({ id }) => ({ verification: await services.wallet.recheck(id) }),
  };
}
