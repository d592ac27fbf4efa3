import type { CredentialDetail, CredentialSummary, ImportOutcome, WalletState } from '../../shared/credential/walletViews';
import { Intake } from '../intake/intake';
import { defaultIntakeLimits } from '../intake/limits';
import { isRemembered, rememberOnThisDevice, unlockOnThisDevice, forgetOnThisDevice, type KeyProtector } from '../vault/deviceUnlock';
import { Vault, VaultError, type VaultEntry } from '../vault/vault';
import type { ScryptParams } from '../vault/vaultCrypto';
import { WrongPassphraseError } from '../vault/walletHeader';
import { WalletBusyError } from '../vault/writerLock';
import { RefusalError } from './refusal';
import { createVerifier } from '../verify/verifier';
import { verificationReportSchema, verificationStatuses, type VerificationReport } from '../../shared/credential/verification';

export interface WalletSessionOptions {
  readonly folder: string;
  /** The OS keychain, when the host has a real one (never Linux basic_text). */
  readonly keyProtector: () => Promise<KeyProtector | null>;
  /** Tests may lower the KDF cost; the app never sets this. */
  readonly kdf?: ScryptParams;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function summaryOf(entry: VaultEntry): CredentialSummary {
  const c = entry.credential;
  const issuer = (c.issuer ?? {}) as Record<string, unknown>;
  const skills = Array.isArray(c.skills) ? c.skills.map((s) => text((s as Record<string, unknown>).name)).filter((s): s is string => s !== undefined) : [];
  const image = c.image as Record<string, unknown> | undefined;
  const summary: CredentialSummary = {
    id: entry.id,
    name: text(c.name) ?? 'Credential',
    format: c.format as CredentialSummary['format'],
    container: c.container as CredentialSummary['container'],
    kind: c.kind as CredentialSummary['kind'],
    addedAt: entry.addedAt,
    skills,
    selfReported: c.selfReported === true,
    hasImage: typeof image?.bytes === 'object',
  };
  const report = (entry.verification ?? {}) as Record<string, unknown>;
  const status = verificationStatuses.find((s) => s === report.status);
  const optional = {
    description: text(c.description),
    issuerName: text(issuer.name) ?? text(issuer.id),
    issuedOn: text(c.issuedOn),
    expires: text(c.expires),
    status,
    checkedAt: text(report.checkedAt),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (summary as Record<string, unknown>)[key] = value;
  return summary;
}

/**
 * The main process's one open wallet: what the IPC handlers act on. Holds the writer lock
 * while unlocked (so the CLI cannot write at the same time); locking wipes the keys.
 */
export class WalletSession {
  private vault: Vault | null = null;
  private readonly intake = new Intake(defaultIntakeLimits);
  private readonly verifier = createVerifier({ network: 'offline' });

  constructor(private readonly options: WalletSessionOptions) {}

  async state(): Promise<WalletState> {
    const canRemember = (await this.options.keyProtector()) !== null;
    const exists = Vault.exists(this.options.folder);
    return {
      state: this.vault ? 'unlocked' : exists ? 'locked' : 'none',
      canRemember,
      remembered: exists && isRemembered(this.options.folder),
      ...(this.vault ? { credentialCount: this.vault.size } : {}),
      damaged: this.vault ? this.vault.damaged.map((d) => ({ id: d.id, reason: d.reason })) : [],
    };
  }

  private async afterOpen(vault: Vault, remember: boolean): Promise<WalletState> {
    this.vault = vault;
    const protector = await this.options.keyProtector();
    if (remember && protector) await rememberOnThisDevice(vault, protector);
    if (!remember) forgetOnThisDevice(this.options.folder);
    return this.state();
  }

  async create(passphrase: string, remember: boolean): Promise<WalletState> {
    if (Vault.exists(this.options.folder)) throw new RefusalError('There is already a wallet on this computer.');
    return this.afterOpen(await Vault.create(this.options.folder, passphrase, this.options.kdf), remember);
  }

  async unlock(passphrase: string, remember: boolean): Promise<WalletState> {
    if (this.vault) return this.state();
    try {
      return await this.afterOpen(await Vault.unlock(this.options.folder, passphrase, { write: true }), remember);
    } catch (error) {
      if (error instanceof WrongPassphraseError || error instanceof WalletBusyError || error instanceof VaultError) {
        throw new RefusalError(error.message);
      }
      throw error;
    }
  }

  /** Opens with the key remembered on this device, if there is one that still fits. */
  async unlockOnThisDevice(): Promise<WalletState> {
    const protector = await this.options.keyProtector();
    if (!this.vault && protector) {
      const result = await unlockOnThisDevice(this.options.folder, protector, { write: true });
      if (result.kind === 'unlocked') this.vault = result.vault;
    }
    return this.state();
  }

  lock(): void {
    this.vault?.lockWallet();
    this.vault = null;
  }

  private requireVault(): Vault {
    if (!this.vault) throw new RefusalError('The wallet is locked.');
    return this.vault;
  }

  list(): CredentialSummary[] {
    return this.requireVault().list().map(summaryOf);
  }

  image(id: string): { mediaType: string; bytes: Uint8Array } | null {
    const credential = this.requireVault().get(id);
    const image = credential?.image;
    return image?.bytes ? { mediaType: image.mediaType, bytes: image.bytes } : null;
  }

  detail(id: string): CredentialDetail | null {
    const vault = this.requireVault();
    const entry = vault.find(id);
    const credential = entry ? vault.get(entry.id) : null;
    if (!entry || !credential) return null;
    const { original, image: _image, ...rest } = credential;
    const parsed = verificationReportSchema.safeParse(entry.verification);
    return {
      ...rest,
      walletId: entry.id,
      original: { fileName: original.fileName, mediaType: original.mediaType, size: original.bytes.length },
      verification: parsed.success ? parsed.data : null,
    };
  }

  async recheck(id: string): Promise<VerificationReport> {
    const vault = this.requireVault();
    const entry = vault.find(id);
    const credential = entry ? vault.get(entry.id) : null;
    if (!entry || !credential) throw new RefusalError('No such credential in this wallet.');
    const report = await this.verifier.verify(credential);
    vault.setVerification(credential.identity, report);
    return report;
  }

  async import(files: readonly { name: string; bytes: Uint8Array }[]): Promise<ImportOutcome[]> {
    const vault = this.requireVault();
    const outcomes: ImportOutcome[] = [];
    for (const file of files) {
      for (const outcome of await this.intake.inspect(file)) {
        if (outcome.outcome === 'recognised') {
          const stored = vault.put(outcome.credential);
          // Checked at once, offline: the portfolio shows Verified, Expired... from the start.
          if (stored !== 'already-there') vault.setVerification(outcome.credential.identity, await this.verifier.verify(outcome.credential));
          outcomes.push({ file: outcome.file, outcome: stored, name: outcome.credential.name });
        } else {
          outcomes.push({ file: outcome.file, outcome: outcome.outcome, reason: outcome.reason });
        }
      }
    }
    return outcomes;
  }
}
