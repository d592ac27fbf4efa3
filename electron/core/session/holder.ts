import type { KeyObject } from 'node:crypto';
import { RefusalError } from '../../../shared/contract/refusal';
import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../../../shared/credential/receiving';
import { holderDidKey, presentationSigner } from '../../portfolio/holderSignature';
import { walletHolderKey } from '../../receive/holderKey';
import { VaultError } from '../../vault/vault';
import { receiveCredentials } from '../receiveCredentials';
import { requireVault, type SessionContext } from './context';
import type { SessionVerifiers } from './verifiers';

/** Largest presentation the holder key signs (its JSON text). */
const maxPresentationChars = 50 * 1024 * 1024;

/**
 * The wallet as holder: its Ed25519 key (made and kept encrypted in the vault on first use),
 * the credentials it receives from links, and the one thing it signs, a portfolio's presentation.
 */
export class WalletHolder {
  constructor(
    private readonly context: SessionContext,
    private readonly verifiers: SessionVerifiers,
  ) {}

  private key(): KeyObject {
    // The same key receives credentials (OpenID4VCI proofs, VC-API DID authentication): electron/receive/holderKey.ts.
    return walletHolderKey(requireVault(this.context)).privateKey;
  }

  identity(): string {
    return holderDidKey(this.key()).did;
  }

  /**
   * Receives from a link (issue #20) into this wallet, with its network setting and language;
   * `ask` is the window's consent dialog. An answer that arrives after the wallet was locked
   * counts as no: nothing is sent from a wallet the user closed.
   */
  async receive(link: string, ask: (question: ConsentQuestion) => Promise<ConsentAnswer>): Promise<ReceiveResult> {
    const vault = requireVault(this.context);
    const askWhileOpen = async (question: ConsentQuestion): Promise<ConsentAnswer> => {
      const answer = await ask(question);
      return this.context.current() === vault ? answer : { consent: false };
    };
    const language = this.context.options.language;
    const options = { vault, verification: this.verifiers.fetchAllowed(false) ? ('allowed' as const) : ('offline' as const), fetchOptions: this.verifiers.fetchOptions() };
    try {
      const result = await receiveCredentials(link, askWhileOpen, { ...options, ...(language ? { language: language() } : {}) });
      if (result.state === 'received') for (const o of result.outcomes) if (o.outcome === 'updated' && o.id) this.context.forgetThumbnail(o.id);
      return result;
    } catch (error) {
      if (error instanceof VaultError) return { state: 'failed', reason: 'The wallet was locked before the credentials were stored.' };
      throw error;
    }
  }

  /** Signs a portfolio's presentation as this wallet's holder; nothing else is ever signed with the key. */
  async signPresentation(presentation: Record<string, unknown>): Promise<{ bytes: Uint8Array; mediaType: string; extension: string }> {
    const key = this.key();
    const types = Array.isArray(presentation.type) ? presentation.type : [presentation.type];
    if (!types.includes('VerifiablePresentation')) throw new RefusalError('Only a presentation can be signed with the holder key.');
    const signer = presentationSigner(key, { issuedAt: new Date() });
    if (presentation.holder !== signer.holder) throw new RefusalError('The presentation names a different holder than this wallet.');
    if (JSON.stringify(presentation).length > maxPresentationChars) throw new RefusalError('The presentation is too large to sign.');
    return signer.sign(presentation);
  }
}
