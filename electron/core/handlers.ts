import type { z } from 'zod';
import type { ChannelName, Channels } from '../../shared/contract/channels';
import { productName } from '../../shared/app';
import { parseSafeExternalUrl } from '../security/externalLinks';
import { readPreferences, writePreferences, type PreferencesBackend } from './preferences';
import type { SaveFile, WalletSession } from './walletSession';
import { ReceiveFlows } from './receiveFlow';
import type { DeveloperHosts } from '../../shared/developerHosts';

/**
 * What the host (the Electron shell or the browser harness) lends the handlers. Everything
 * that differs between the two is here; the handlers themselves are the same code.
 */
export interface HostServices {
  readonly host: 'electron' | 'harness';
  readonly version: string;
  readonly platform: string;
  /** The project's published verifier page (packageInfo.ts), the PDF's default. */
  readonly verifierUrl?: string;
  /** The developer option, when on (electron/receive/devHosts.ts): the window shows a warning. */
  readonly developerHosts?: DeveloperHosts;
  readonly preferences: PreferencesBackend;
  readonly wallet: WalletSession;
  /** Called only with a URL that passed parseSafeExternalUrl. */
  openExternal(url: URL): Promise<void>;
  /** Lets the user choose where a file goes (a save dialog); null when they cancel. */
  readonly saveFile: SaveFile;
}

export type Handlers = {
  readonly [K in ChannelName]: (request: z.output<Channels[K]['request']>) => Promise<z.input<Channels[K]['response']>>;
};

export function createHandlers(services: HostServices): Handlers {
  // Receives waiting for the window's consent dialog (receiveFlow.ts).
  const receiving = new ReceiveFlows({ receive: (link, ask) => services.wallet.receive(link, ask) });
  return {
    appInfo: () =>
      Promise.resolve({
        name: productName,
        version: services.version,
        platform: services.platform,
        host: services.host,
        ...(services.verifierUrl === undefined ? {} : { verifierUrl: services.verifierUrl }),
        ...(services.developerHosts ? { developerHosts: services.developerHosts } : {}),
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
    credentialThumbnails: async ({ ids }) => ({ images: await services.wallet.thumbnails(ids) }),
    importFiles: async ({ files }) => ({ outcomes: await services.wallet.import(files) }),
    credentialDetail: ({ id }) => Promise.resolve({ credential: services.wallet.detail(id) }),
    recheckCredential: async ({ id, online }) => ({ verification: await services.wallet.recheck(id, online === true) }),
    fetchDetails: async ({ ids }) => ({ results: await services.wallet.fetchDetails(ids) }),
    removeCredential: ({ id }) => Promise.resolve({ removed: services.wallet.remove(id) }),
    credentialHistory: ({ id }) => Promise.resolve({ versions: services.wallet.history(id) }),
    restoreVersion: ({ id, versionId }) => Promise.resolve(services.wallet.restoreVersion(id, versionId)),
    editCredential: (edits) => Promise.resolve({ credential: services.wallet.edit(edits) }),
    organiser: () => Promise.resolve(services.wallet.organiser()),
    saveCollection: (collection) => Promise.resolve(services.wallet.saveCollection(collection)),
    removeCollection: ({ id }) => Promise.resolve(services.wallet.removeCollection(id)),
    savePathway: (pathway) => Promise.resolve(services.wallet.savePathway(pathway)),
    removePathway: ({ id }) => Promise.resolve(services.wallet.removePathway(id)),
    pathwayFromClr: ({ id }) => Promise.resolve(services.wallet.pathwayFromClr(id)),
    portfolioMaterial: async ({ ids, online }) => ({ entries: await services.wallet.portfolioMaterial(ids, online === true) }),
    saveExport: (request) => services.wallet.saveExport(request, services.saveFile),
    removeExportRecord: ({ id }) => Promise.resolve(services.wallet.removeExportRecord(id)),
    saveOriginal: async ({ id }) => {
      const fileName = await services.wallet.saveOriginal(id, services.saveFile);
      return fileName ? { saved: true, fileName } : { saved: false };
    },
    profilePhoto: () => Promise.resolve({ image: services.wallet.profilePhoto() }),
    setProfilePhoto: ({ image }) => {
      services.wallet.setProfilePhoto(image);
      return Promise.resolve({ image: services.wallet.profilePhoto() });
    },
    saveBackup: ({ passphrase }) => services.wallet.saveBackup(passphrase, services.saveFile),
    restoreBackup: ({ bytes, passphrase }) => services.wallet.restoreBackup(bytes, passphrase),
    checkWallet: () => services.wallet.checkWallet(),
    issuerRegistries: () => Promise.resolve(services.wallet.issuerRegistries()),
    addIssuerRegistry: ({ fileName, bytes }) => Promise.resolve(services.wallet.addIssuerRegistry(fileName, bytes)),
    removeIssuerRegistry: ({ name }) => Promise.resolve(services.wallet.removeIssuerRegistry(name)),
    refreshIssuerRegistries: () => services.wallet.refreshIssuerRegistries(),
    receiveFromLink: ({ link }) => receiving.start(link),
    answerReceiveConsent: ({ requestId, answer }) => receiving.answer(requestId, answer),
    holderIdentity: () => Promise.resolve({ did: services.wallet.holderIdentity() }),
    signPresentation: ({ presentation }) => services.wallet.signPresentation(presentation),
    checkPortfolioPdf: ({ bytes, online }) => services.wallet.checkPortfolioPdf(bytes, online === true),
  };
}
