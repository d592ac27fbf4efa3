import type { Language, NetworkUse } from '../../../shared/preferences';
import type { KeyProtector } from '../../vault/deviceUnlock';
import type { ScryptParams } from '../../vault/vaultCrypto';
import type { SafeFetchOptions, TestNetwork } from '../../verify/safeFetch';

export interface WalletSessionOptions {
  readonly folder: string;
  /** The OS keychain, when the host has a real one (never Linux basic_text). */
  readonly keyProtector: () => Promise<KeyProtector | null>;
  /** Tests may lower the KDF cost; the app never sets this. */
  readonly kdf?: ScryptParams;
  /** The owner's e-mail addresses (from the profile), to match hashed OB 2.0 recipients locally. */
  readonly ownerEmails?: () => readonly string[];
  /** The verifier page configured in Settings, for credentials without a public link. */
  readonly verifierUrl?: () => string | undefined;
  /** The user's setting for verification's use of the network. */
  readonly networkUse?: () => NetworkUse;
  /** Settings › Language: names given in several languages are read in this one (asked at each import). */
  readonly language?: () => Language;
  /** Tests only: lets online checks reach a loopback test server. */
  readonly allowPrivateNetworkForTests?: boolean;
  /**
   * Tests only: the loopback internet (named hosts on 127.0.0.1 with the test's CA). Given by
   * the test that constructs the session; the app and the harness never set it.
   */
  readonly testNetwork?: TestNetwork;
  /** Timeouts and size caps of fetches (tests shorten the timeout). */
  readonly fetchOptions?: Pick<SafeFetchOptions, 'timeoutMs' | 'maxBytes' | 'maxRedirects'>;
}

/** Where a file the user saves goes: a save dialog in the app, a downloads folder in the harness. */
export type SaveFile = (suggestedName: string, bytes: Uint8Array, kind: 'pdf' | 'original' | 'backup') => Promise<string | null>;

/** The user's network setting; "offline only" when the host gives none. */
export function networkUseOf(options: WalletSessionOptions): NetworkUse {
  return options.networkUse?.() ?? 'offline';
}
