import type { ConsentAnswer, ConsentQuestion } from '../../shared/credential/receiving';
import type { HolderKey } from './holderKey';
import type { ReceiveNetwork } from './receiveNetwork';
import type { IssuerRegistry } from '../verify/issuerRegistries';
import type { SafeFetchOptions } from '../verify/safeFetch';

/** What a protocol needs to receive: the network, the wallet's holder key, and the user to ask. */
export interface ReceiveSession {
  readonly network: ReceiveNetwork;
  /** The options the network was made with (tests: the loopback internet; developers: dev hosts). */
  readonly fetchOptions: SafeFetchOptions;
  readonly holder: HolderKey;
  /** Nothing of the user's is sent before this answers yes. */
  readonly ask: (question: ConsentQuestion) => Promise<ConsentAnswer>;
  /**
   * Opens an https address in the system browser (the OpenID4VCI authorization code flow: the
   * user signs in at the issuer). Without it, offers that need a sign-in are refused.
   */
  readonly openBrowser?: (url: string) => Promise<void>;
  /** How long to wait for the browser to come back from the sign-in (5 minutes unless given). */
  readonly signInTimeoutMs?: number;
  /** Known-issuer registries: the consent question names the institution a registry lists for the host. */
  readonly registries?: readonly IssuerRegistry[];
}

/** One credential as an issuer handed it over, before the import routine reads it. */
export interface ReceivedItem {
  /** A JSON-LD credential (object), a VC-JWT (string), or the bytes of a fetched file. */
  readonly credential: unknown;
  /** The types the issuer said it would give (besides VerifiableCredential): a different one is the wrong credential. */
  readonly expectedTypes: readonly string[];
  /** Where it came from, for the outcome line (`issuer.example › Data Science Badge`). */
  readonly label: string;
  /** A file fetched from a web address is taken as it is: no holder binding to check. */
  readonly fromWebAddress?: boolean;
}
