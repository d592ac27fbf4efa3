import type { issuerIdentityLevels, VerificationMessage } from './verification';

type IssuerIdentityLevel = (typeof issuerIdentityLevels)[number];

/**
 * The question put to the user before anything leaves the computer when a credential is
 * received from a link (OpenID4VCI offer, VC-API exchange, request link, web address). The
 * main side fills it in from what it could read without sending anything of the user's (the
 * offer, the issuer's published metadata); the app's consent dialog and the CLI's prompt only
 * render it. Nothing is sent until the answer is yes.
 */
export interface ConsentQuestion {
  readonly protocol: 'openid4vci' | 'vc-api' | 'web';
  /** The host that asks and that will receive what is sent (`issuer.example.edu`). */
  readonly issuerHost: string;
  /** The name the issuer gives itself in its metadata or request: its own claim. */
  readonly issuerName?: string;
  /** What is known of who stands behind the host, where anything is (a registry listing). */
  /** `source`: the registry's name; `test`: a registry of test issuers; `site`: the web site it gives for the institution. */
  readonly issuerIdentity?: { readonly level: IssuerIdentityLevel; readonly name?: string; readonly source?: string; readonly test?: boolean; readonly site?: string };
  /** Everything that will be sent, in order. Empty: only the address itself is asked for. */
  readonly sends: readonly ConsentSend[];
  /** What the issuer says it will give, from its metadata (may be empty when it does not say). */
  readonly receives: readonly ConsentReceive[];
  /** Present when the offer needs a transaction code (a PIN sent to the user some other way). */
  readonly transactionCode?: TransactionCodeQuestion;
}

export type ConsentSend =
  /** The wallet's identifier (did:key), named so the user can recognise it. */
  | { readonly kind: 'holder-did'; readonly did: string }
  /** A statement signed with the wallet's key, proving it holds the key (OpenID4VCI proof JWT, VC-API DID authentication). */
  | { readonly kind: 'signed-proof'; readonly what: 'openid4vci-proof' | 'did-authentication' }
  | { readonly kind: 'transaction-code' }
  /** The user signs in at the issuer in the system browser (the authorization code flow), which then sends the wallet a one-time code. */
  | { readonly kind: 'browser-sign-in'; readonly host: string };

export interface ConsentReceive {
  readonly name: string;
  readonly types?: readonly string[];
  /** `ldp_vc`, `jwt_vc_json`, … as the issuer lists it. */
  readonly format?: string;
}

export interface TransactionCodeQuestion {
  readonly length?: number;
  readonly inputMode?: 'numeric' | 'text';
  /** The issuer's own words about where the code was sent. */
  readonly description?: string;
}

/** The user's answer: no, or yes (with the transaction code when one was asked for). */
export type ConsentAnswer = { readonly consent: false } | { readonly consent: true; readonly transactionCode?: string };

/** One credential received, as the import routine stored it (or why it did not). */
export interface ReceivedOutcome {
  readonly outcome: 'added' | 'already-there' | 'updated' | 'not-replaced' | 'not-a-credential' | 'malformed';
  readonly id?: string;
  readonly name?: string;
  readonly status?: string;
  readonly issuerIdentity?: { readonly level: IssuerIdentityLevel; readonly name: string | null; readonly source: string | null; readonly asOf: string | null };
  readonly reason?: string;
  /** The reason as a catalogue message, for the reader's language (`reason` is its English). */
  readonly reasonMessage?: VerificationMessage;
}

/**
 * What receiving from a link came to: `received` (the credentials went through the import;
 * each has its outcome), `declined` (the user said no: nothing was sent), or `failed` (a
 * sentence saying why; nothing was stored, and nothing was sent beyond what was consented to).
 */
export type ReceiveResult =
  | { readonly state: 'received'; readonly issuerHost: string; readonly outcomes: readonly ReceivedOutcome[] }
  | { readonly state: 'declined'; readonly issuerHost: string }
  | { readonly state: 'failed'; readonly reason: string; readonly reasonMessage?: VerificationMessage; readonly issuerHost?: string };
