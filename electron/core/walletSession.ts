import { RefusalError } from '../../shared/contract/refusal';
import type { DamageNotice } from '../../shared/credential/notices';
import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../../shared/credential/receiving';
import type { IssuerRegistries } from '../../shared/credential/issuerRegistryView';
import type { VerificationReport } from '../../shared/credential/verification';
import type { CredentialVersion } from '../../shared/credential/versionViews';
import type { CredentialDetail, CredentialSummary, ImportOutcome, PortfolioMaterial, PortfolioPdfCheck, WalletCheckView, WalletState } from '../../shared/credential/walletViews';
import type { ExportRecord, Organiser } from '../../shared/organiser';
import { RoutedIntake } from '../intake/routedIntake';
import { sharedFileReaders } from '../portfolio/fileReaders';
import { defaultIntakeLimits } from '../intake/limits';
import { forgetOnThisDevice, isRemembered, rememberOnThisDevice, unlockOnThisDevice } from '../vault/deviceUnlock';
import { Vault, VaultError } from '../vault/vault';
import { WrongPassphraseError } from '../vault/walletHeader';
import { WalletBusyError } from '../vault/writerLock';
import { readOrganiser } from './organiserStore';
import * as backups from './session/backups';
import { requireVault, type SessionContext } from './session/context';
import { importFiles, type ImportFile } from './session/credentialImport';
import { CredentialRecords } from './session/credentialRecords';
import { CredentialDetails, type FetchedDetails } from './session/details';
import * as exports from './session/exports';
import { WalletHolder } from './session/holder';
import type { SaveFile, WalletSessionOptions } from './session/options';
import * as organiser from './session/organiserRules';
import { checkPortfolioPdf } from './session/portfolioCheck';
import { SessionRegistries } from './session/registries';
import { ThumbnailCache, type Thumbnail } from './session/thumbnails';
import { SessionVerifiers, type DetailsProgress } from './session/verifiers';
import { WalletChecks } from './session/walletChecks';

export type { DetailsProgress } from './session/verifiers';
export type { FetchedDetails } from './session/details';
export type { SaveFile, WalletSessionOptions } from './session/options';

/**
 * The main process's one open wallet: what the IPC handlers act on. Holds the writer lock
 * while unlocked (so the CLI cannot write at the same time); locking wipes the keys.
 *
 * This class is the session's lifecycle (create, unlock, lock) and its one door: each other
 * responsibility lives in a collaborator under session/ (checks, registries, verifiers,
 * thumbnails, import, details, records, organiser, exports, backups, holder, PDF check),
 * which gets the open wallet from here and keeps none of its own.
 */
export class WalletSession {
  private vault: Vault | null = null;
  private readonly context: SessionContext;
  /** Pictures and documents are read on other cores, badges here (routedIntake.ts); names in the language chosen in Settings. */
  private readonly intake = new RoutedIntake(defaultIntakeLimits, { language: () => this.options.language?.() });
  private readonly thumbnailCache: ThumbnailCache;
  private readonly checks: WalletChecks;
  private readonly registries: SessionRegistries;
  private readonly verifiers: SessionVerifiers;
  private readonly details: CredentialDetails;
  private readonly records: CredentialRecords;
  private readonly holder: WalletHolder;

  constructor(private readonly options: WalletSessionOptions) {
    this.thumbnailCache = new ThumbnailCache(sharedFileReaders);
    this.context = {
      options,
      current: () => this.vault,
      forgetThumbnail: (id) => {
        this.thumbnailCache.forget(id);
      },
    };
    this.checks = new WalletChecks(this.context);
    this.registries = new SessionRegistries(this.context);
    this.verifiers = new SessionVerifiers(this.context, this.registries.store);
    this.details = new CredentialDetails(this.context, this.verifiers);
    this.records = new CredentialRecords((id) => {
      this.thumbnailCache.forget(id);
    });
    this.holder = new WalletHolder(this.context, this.verifiers);
  }

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
    this.registries.refreshWhenDue();
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
    this.checks.clear();
    this.verifiers.fetchCache.clear();
    this.registries.store.clear();
    this.thumbnailCache.forget();
  }

  private requireVault(): Vault {
    return requireVault(this.context);
  }

  // The wallet check (session/walletChecks.ts).
  checkWallet(): Promise<WalletCheckView> {
    return this.checks.check();
  }

  checkInBackground(log?: (line: string) => void): void {
    this.checks.inBackground(log);
  }

  onChecked(listener: () => void): () => void {
    return this.checks.onChecked(listener);
  }

  damageNotices(): DamageNotice[] {
    return this.checks.notices();
  }

  onDetailsProgress(listener: (progress: DetailsProgress) => void): () => void {
    return this.verifiers.onDetailsProgress(listener);
  }

  // Settings › Issuer registries (session/registries.ts).
  issuerRegistries(): IssuerRegistries {
    return this.registries.list();
  }

  addIssuerRegistry(fileName: string, bytes: Uint8Array): IssuerRegistries {
    return this.registries.add(fileName, bytes);
  }

  removeIssuerRegistry(name: string): IssuerRegistries {
    return this.registries.remove(name);
  }

  refreshIssuerRegistries(): Promise<IssuerRegistries & { updated: string[]; failed: { name: string; reason: string }[] }> {
    return this.registries.refresh();
  }

  // The credentials held (session/credentialRecords.ts, thumbnails.ts, details.ts, credentialImport.ts).
  list(): CredentialSummary[] {
    return this.records.list(this.requireVault());
  }

  image(id: string): { mediaType: string; bytes: Uint8Array } | null {
    return this.records.image(this.requireVault(), id);
  }

  /** Card-sized pictures (at most 160 px), made once per open wallet. */
  thumbnails(ids: readonly string[]): Promise<Thumbnail[]> {
    return this.thumbnailCache.thumbnails(this.requireVault(), ids);
  }

  detail(id: string): CredentialDetail | null {
    return this.records.detail(this.requireVault(), id, this.options.verifierUrl?.());
  }

  recheck(id: string, online = false): Promise<VerificationReport> {
    return this.details.recheck(id, online);
  }

  fetchDetails(ids: readonly string[]): Promise<FetchedDetails[]> {
    return this.details.fetch(ids);
  }

  import(files: readonly ImportFile[]): Promise<ImportOutcome[]> {
    return importFiles({ context: this.context, verifiers: this.verifiers, intake: this.intake }, files);
  }

  remove(id: string): boolean {
    return this.records.remove(this.requireVault(), id);
  }

  history(id: string): CredentialVersion[] {
    return this.records.history(this.requireVault(), id);
  }

  restoreVersion(id: string, versionId: string): { credential: CredentialSummary; keptAs: string } {
    return this.records.restoreVersion(this.requireVault(), id, versionId);
  }

  edit(edits: { id: string; name: string; issuerName: string; issuedOn: string }): CredentialSummary {
    return this.records.edit(this.requireVault(), edits);
  }

  // Collections, pathways and the export log (session/organiserRules.ts, exports.ts).
  organiser(): Organiser {
    return readOrganiser(this.requireVault());
  }

  saveCollection(input: organiser.CollectionInput): Organiser {
    return organiser.saveCollection(this.requireVault(), input);
  }

  removeCollection(id: string): Organiser {
    return organiser.removeCollection(this.requireVault(), id);
  }

  savePathway(input: organiser.PathwayInput): Organiser {
    return organiser.savePathway(this.requireVault(), input);
  }

  removePathway(id: string): Organiser {
    return organiser.removePathway(this.requireVault(), id);
  }

  pathwayFromClr(id: string): Organiser {
    return organiser.pathwayFromHeldClr(this.requireVault(), id);
  }

  portfolioMaterial(ids: readonly string[], online: boolean): Promise<PortfolioMaterial[]> {
    return exports.portfolioMaterial(this.requireVault(), this.verifiers, ids, online);
  }

  saveExport(request: exports.ExportRequest, saveFile: SaveFile): Promise<{ saved: false } | { saved: true; fileName: string; record: ExportRecord }> {
    return exports.saveExport(this.requireVault(), request, saveFile);
  }

  removeExportRecord(id: string | null): Organiser {
    return exports.removeExportRecord(this.requireVault(), id);
  }

  // Files that leave or enter whole (session/backups.ts).
  saveOriginal(id: string, saveFile: SaveFile): Promise<string | null> {
    return backups.saveOriginal(this.requireVault(), id, saveFile);
  }

  profilePhoto(): { mediaType: string; bytes: Uint8Array } | null {
    return backups.profilePhoto(this.requireVault());
  }

  setProfilePhoto(photo: { mediaType: string; bytes: Uint8Array } | null): void {
    backups.setProfilePhoto(this.requireVault(), photo);
  }

  saveBackup(passphrase: string, saveFile: SaveFile): Promise<{ saved: boolean; fileName?: string; credentials?: number }> {
    return backups.saveBackup(this.requireVault(), passphrase, saveFile, this.options.kdf);
  }

  restoreBackup(bytes: Uint8Array, passphrase: string): Promise<{ added: number; updated: number; alreadyThere: number }> {
    return backups.restoreBackup(this.requireVault(), bytes, passphrase, () => {
      // What a check found damaged may be back now: check again, and the notices follow.
      if (this.checks.foundDamage()) {
        this.thumbnailCache.forget();
        this.checks.inBackground();
      }
    });
  }

  // The wallet as holder (session/holder.ts).
  holderIdentity(): string {
    return this.holder.identity();
  }

  receive(link: string, ask: (question: ConsentQuestion) => Promise<ConsentAnswer>): Promise<ReceiveResult> {
    return this.holder.receive(link, ask);
  }

  signPresentation(presentation: Record<string, unknown>): Promise<{ bytes: Uint8Array; mediaType: string; extension: string }> {
    return this.holder.signPresentation(presentation);
  }

  /** The employer's side: what a portfolio PDF holds, checked against its manifest and verified. */
  checkPortfolioPdf(bytes: Uint8Array, online: boolean): Promise<PortfolioPdfCheck> {
    return checkPortfolioPdf(bytes, this.verifiers.verifierFor(online), sharedFileReaders());
  }
}
