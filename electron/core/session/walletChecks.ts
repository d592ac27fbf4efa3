import { RefusalError } from '../../../shared/contract/refusal';
import { damageNotices, type DamageNotice } from '../../../shared/credential/notices';
import type { WalletCheckView } from '../../../shared/credential/walletViews';
import { VaultError, type Vault } from '../../vault/vault';
import { checkWalletInSlices } from '../../vault/walletCheck';
import { requireVault, type SessionContext } from './context';

/**
 * The wallet check (electron/vault/walletCheck.ts) for the open wallet: the one running now,
 * the last one's answer, and who hears when one finished.
 */
export class WalletChecks {
  /** The wallet check running now, and the last one's answer for this open wallet. */
  private checking: { readonly vault: Vault; readonly answer: Promise<WalletCheckView> } | null = null;
  private lastCheck: WalletCheckView | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly context: SessionContext) {}

  /** Forgets the last answer (the wallet was locked). */
  clear(): void {
    this.lastCheck = null;
  }

  /** Whether the last check found something damaged (a restore may bring it back). */
  foundDamage(): boolean {
    return this.lastCheck !== null && this.lastCheck.damaged.length > 0;
  }

  /**
   * Every record and stored file read and authenticated, damaged ones moved to quarantine. In
   * slices, so the window's other calls are answered meanwhile; a call while one runs gets that
   * one's answer. The shell runs it after each unlock; Settings › Check the wallet on request.
   */
  check(): Promise<WalletCheckView> {
    const vault = requireVault(this.context);
    if (this.checking?.vault === vault) return this.checking.answer;
    const answer = checkWalletInSlices(vault)
      .then((result): WalletCheckView => {
        const view = { ...result, checked: { ...result.checked }, damaged: result.damaged.map((item) => ({ ...item, otherNames: [...item.otherNames] })) };
        if (this.context.current() === vault) {
          this.lastCheck = view;
          if (view.damaged.length > 0) this.context.forgetThumbnail();
          for (const listener of [...this.listeners]) listener();
        }
        return view;
      })
      .catch((error: unknown) => {
        if (error instanceof VaultError) throw new RefusalError('The wallet was locked before the check finished.');
        throw error;
      })
      .finally(() => {
        if (this.checking?.answer === answer) this.checking = null;
      });
    this.checking = { vault, answer };
    return answer;
  }

  /** Starts the check without waiting for it (after unlock, after a restore); its listeners hear the answer. */
  inBackground(log: (line: string) => void = () => undefined): void {
    if (!this.context.current()) return;
    this.check().catch((error: unknown) => {
      if (!(error instanceof RefusalError)) log(`wallet check failed: ${error instanceof Error ? error.name : typeof error}`);
    });
  }

  /** Called after each wallet check that finished on the open wallet: notices may have changed. */
  onChecked(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** What the last wallet check found damaged, as notices; none while locked or before a check. */
  notices(): DamageNotice[] {
    return this.context.current() && this.lastCheck ? damageNotices(this.lastCheck.damaged) : [];
  }
}
