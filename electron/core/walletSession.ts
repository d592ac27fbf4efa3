import type {
  CredentialDetail,
  CredentialSummary,
  ImportOutcome,
  PortfolioMaterial,
  PortfolioPdfCheck,
  WalletCheckView,
  WalletState,
} from '../../shared/credential/walletViews';
import { damageNotices, type DamageNotice } from '../../shared/credential/notices';
import { checkWalletInSlices } from '../vault/walletCheck';
import type { Language, NetworkUse } from '../../shared/preferences';
import { pathwayFromClr, pathwaySchema, type Collection, type ExportRecord, type Organiser, type Pathway } from '../../shared/organiser';
import { credentialName, readPortfolioPdf } from '../portfolio/readPortfolioPdf';
import { holderDidKey, presentationSigner } from '../portfolio/holderSignature';
import { prepareImageNode } from '../portfolio/prepareImage';
import { sniffImage } from '../../shared/portfolio/imageFormat';
import type { KeyObject } from 'node:crypto';
import { walletHolderKey } from '../receive/holderKey';
import { receiveCredentials } from './receiveCredentials';
import type { ConsentAnswer, ConsentQuestion, ReceiveResult } from '../../shared/credential/receiving';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupError } from '../vault/backupFile';
import { bestVerificationLink, linkedInAddCertificationUrl } from '../../shared/portfolio';
import { summariesOf } from './credentialSummary';
import { versionViews } from './credentialVersions';
import type { CredentialVersion } from '../../shared/credential/versionViews';
import { storeCredential } from './storeCredential';
import { DocumentsBeside } from './documentsBeside';
import { msg } from '../../shared/credential/verificationMessages';
import type { IntakeOutcome } from '../../shared/credential/intakeOutcome';
import { forgetCredential, organiserId, readOrganiser, updateOrganiser } from './organiserStore';
import { VaultFetchCache } from './vaultFetchCache';
import { IssuerRegistryStore } from './issuerRegistryStore';
import type { IssuerRegistries } from '../../shared/credential/issuerRegistryView';
import { RegistryFormatError } from '../verify/issuerRegistries';
import { safeFetch } from '../verify/safeFetch';
import { RoutedIntake } from '../intake/routedIntake';
import { defaultIntakeLimits, MalformedInputError } from '../intake/limits';
import { isRemembered, rememberOnThisDevice, unlockOnThisDevice, forgetOnThisDevice, type KeyProtector } from '../vault/deviceUnlock';
import { Vault, VaultError } from '../vault/vault';
import type { ScryptParams } from '../vault/vaultCrypto';
import { WrongPassphraseError } from '../vault/walletHeader';
import { WalletBusyError } from '../vault/writerLock';
import { RefusalError } from '../../shared/contract/refusal';
import { createVerifier, type Verifier } from '../verify/verifier';
import type { DetailsState, NormalizedCredential } from '../../shared/credential/model';
import type { DocumentSource } from '../verify/documents';
import type { FetchCache } from '../verify/fetchCache';
import type { SafeFetchOptions, TestNetwork } from '../verify/safeFetch';
import { keptDocuments, withoutDocumentBodies } from '../intake/linkedDocuments';
import { FillIn, keptCache, keptFor, turnTaker } from './fillIn';
import { verificationReportSchema, type VerificationReport } from '../../shared/credential/verification';

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
  /** A thumbnail that took longer than this gives other calls a turn before the next (50 ms; tests set 0 to see the turn whatever the machine's speed). */
  readonly slowThumbnailMs?: number;
}

/** Where a file the user saves goes: a save dialog in the app, a downloads folder in the harness. */
export type SaveFile = (suggestedName: string, bytes: Uint8Array, kind: 'pdf' | 'original' | 'backup') => Promise<string | null>;

/** A thumbnail that took longer than this (a long task) gives other calls a turn before the next. */
const slowThumbnailMs = 50;

/** Progress of fetching what imported credentials link to: documents done of those asked for. */
export interface DetailsProgress {
  readonly done: number;
  readonly total: number;
}

/** "Fetch details" for one credential: what it shows now, and what could not be had. */
export interface FetchedDetails {
  readonly id: string;
  readonly name?: string;
  readonly details?: DetailsState;
  readonly status: VerificationReport['status'];
  readonly problems: string[];
}

/** Progress goes to the window at most this often (and once at the end). */
const progressIntervalMs = 100;

/**
 * The main process's one open wallet: what the IPC handlers act on. Holds the writer lock
 * while unlocked (so the CLI cannot write at the same time); locking wipes the keys.
 */
export class WalletSession {
  private vault: Vault | null = null;
  /** Pictures and documents are read on other cores, badges here (routedIntake.ts); names in the language chosen in Settings. */
  private readonly intake = new RoutedIntake(defaultIntakeLimits, { language: () => this.options.language?.() });
  private readonly fetchCache = new VaultFetchCache(() => this.vault);
  private readonly registryStore = new IssuerRegistryStore(() => this.vault);
  private readonly thumbnailCache = new Map<string, { mediaType: string; bytes: Uint8Array } | null>();
  /** The wallet check running now, and the last one's answer for this open wallet. */
  private checking: { readonly vault: Vault; readonly answer: Promise<WalletCheckView> } | null = null;
  private lastCheck: WalletCheckView | null = null;
  private readonly checkListeners = new Set<() => void>();
  private readonly progressListeners = new Set<(progress: DetailsProgress) => void>();

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
    this.refreshRegistriesWhenDue();
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
    this.lastCheck = null;
    this.fetchCache.clear();
    this.registryStore.clear();
    this.thumbnailCache.clear();
  }

  /**
   * The wallet check (electron/vault/walletCheck.ts): every record and stored file read and
   * authenticated, damaged ones moved to quarantine. In slices, so the window's other calls are
   * answered meanwhile; a call while one runs gets that one's answer. The shell runs it after
   * each unlock; Settings › Check the wallet on request.
   */
  checkWallet(): Promise<WalletCheckView> {
    const vault = this.requireVault();
    if (this.checking?.vault === vault) return this.checking.answer;
    const answer = checkWalletInSlices(vault)
      .then((result): WalletCheckView => {
        const view = { ...result, checked: { ...result.checked }, damaged: result.damaged.map((item) => ({ ...item, otherNames: [...item.otherNames] })) };
        if (this.vault === vault) {
          this.lastCheck = view;
          if (view.damaged.length > 0) this.thumbnailCache.clear();
          for (const listener of [...this.checkListeners]) listener();
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
  checkInBackground(log: (line: string) => void = () => undefined): void {
    if (!this.vault) return;
    this.checkWallet().catch((error: unknown) => {
      if (!(error instanceof RefusalError)) log(`wallet check failed: ${error instanceof Error ? error.name : typeof error}`);
    });
  }

  /** Called after each wallet check that finished on the open wallet: notices may have changed. */
  onChecked(listener: () => void): () => void {
    this.checkListeners.add(listener);
    return () => {
      this.checkListeners.delete(listener);
    };
  }

  /** Hears the progress of fetching what imported credentials link to (the shell sends it to the window). */
  onDetailsProgress(listener: (progress: DetailsProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => {
      this.progressListeners.delete(listener);
    };
  }

  /** Progress, at most every 100 ms and when the last document is in: never a flood of events. */
  private progressReporter(): (progress: DetailsProgress) => void {
    let last = 0;
    return (progress) => {
      const now = performance.now();
      if (progress.done < progress.total && now - last < progressIntervalMs) return;
      last = now;
      for (const listener of [...this.progressListeners]) listener(progress);
    };
  }

  private fetchOptions(): SafeFetchOptions {
    return {
      ...this.options.fetchOptions,
      ...(this.options.testNetwork ? { testNetwork: this.options.testNetwork } : {}),
      allowPrivateNetworkForTests: this.options.allowPrivateNetworkForTests === true,
    };
  }

  /**
   * Whether what credentials link to may be fetched now: the setting "allowed", or the user
   * just said yes (`online`, with "ask"). With "offline only" an online request is refused.
   */
  private fetchAllowed(online: boolean): boolean {
    const use = this.options.networkUse?.() ?? 'offline';
    if (online && use === 'offline') throw new RefusalError('Checking online is turned off in Settings.');
    return online || use === 'allowed';
  }

  private fillInFor(fetch: boolean, beside?: DocumentsBeside): FillIn {
    return new FillIn({ fetch, ...(beside ? { documents: beside } : {}), cache: this.fetchCache, fetchOptions: this.fetchOptions(), onProgress: this.progressReporter() });
  }

  /** What the last wallet check found damaged, as notices; none while locked or before a check. */
  damageNotices(): DamageNotice[] {
    return this.vault && this.lastCheck ? damageNotices(this.lastCheck.damaged) : [];
  }

  /**
   * A verifier for one check. Offline unless the user's setting allows the network (or, with
   * "ask", the user just said yes); either way it reads and fills the wallet's dated cache.
   */
  private verifierFor(online: boolean, sources: { documents?: DocumentSource; cache?: FetchCache } = {}): Verifier {
    return createVerifier({
      network: this.fetchAllowed(online) ? 'allowed' : 'offline',
      cache: sources.cache ?? this.fetchCache,
      // What this import or check already obtained (with origin and date): never fetched twice.
      ...(sources.documents ? { documents: sources.documents } : {}),
      registries: this.vault ? this.registryStore.registries() : undefined,
      ownerEmails: this.options.ownerEmails?.() ?? [],
      allowPrivateNetworkForTests: this.options.allowPrivateNetworkForTests === true,
      fetchOptions: this.fetchOptions(),
    });
  }

  /** Offline, a credential is checked with the documents it keeps (dated), then the wallet's cache. */
  private offlineVerifierFor(credential: NormalizedCredential): Verifier {
    return this.verifierFor(false, { cache: keptCache(keptDocuments(credential), this.fetchCache) });
  }

  /** Settings › Issuer registries. */
  issuerRegistries(): IssuerRegistries {
    this.requireVault();
    return { registries: this.registryStore.list(), lastRefresh: this.registryStore.lastRefresh() };
  }

  addIssuerRegistry(fileName: string, bytes: Uint8Array): IssuerRegistries {
    this.requireVault();
    try {
      this.registryStore.add(fileName, bytes);
    } catch (error) {
      if (error instanceof RegistryFormatError) throw new RefusalError(error.message);
      throw error;
    }
    return this.issuerRegistries();
  }

  removeIssuerRegistry(name: string): IssuerRegistries {
    this.requireVault();
    try {
      this.registryStore.remove(name);
    } catch (error) {
      if (error instanceof RegistryFormatError) throw new RefusalError(error.message);
      throw error;
    }
    return this.issuerRegistries();
  }

  /** "Refresh now": the DCC registries fetched from where they are published (network use must not be off). */
  async refreshIssuerRegistries(): Promise<IssuerRegistries & { updated: string[]; failed: { name: string; reason: string }[] }> {
    this.requireVault();
    if ((this.options.networkUse?.() ?? 'offline') === 'offline') throw new RefusalError('Checking online is turned off in Settings.');
    const result = await this.registryStore.refresh((url) => safeFetch(url, this.registryFetchOptions()));
    return { ...this.issuerRegistries(), updated: [...result.updated], failed: result.failed.map((f) => ({ ...f })) };
  }

  private registryFetchOptions() {
    return { maxBytes: 2 * 1024 * 1024, allowPrivateNetworkForTests: this.options.allowPrivateNetworkForTests === true };
  }

  /** After unlock, where network use is allowed: a weekly refresh in the background; failures keep the copy in hand. */
  private refreshRegistriesWhenDue(): void {
    const vault = this.vault;
    if (!vault || (this.options.networkUse?.() ?? 'offline') !== 'allowed') return;
    try {
      if (!this.registryStore.refreshDue()) return;
    } catch {
      return; // an unreadable registries file is the wallet check's to report
    }
    this.registryStore.refresh((url) => safeFetch(url, this.registryFetchOptions())).catch(() => undefined);
  }

  private requireVault(): Vault {
    if (!this.vault) throw new RefusalError('The wallet is locked.');
    return this.vault;
  }

  list(): CredentialSummary[] {
    return summariesOf(this.requireVault().list());
  }

  image(id: string): { mediaType: string; bytes: Uint8Array } | null {
    const credential = this.requireVault().get(id);
    const image = credential?.image;
    return image?.bytes ? { mediaType: image.mediaType, bytes: image.bytes } : null;
  }

  /** Card-sized pictures (at most 160 px), made once per open wallet. */
  async thumbnails(ids: readonly string[]): Promise<({ id: string; mediaType: string; bytes: Uint8Array } | null)[]> {
    const vault = this.requireVault();
    const images: ({ id: string; mediaType: string; bytes: Uint8Array } | null)[] = [];
    for (const id of ids) {
      let thumbnail = this.thumbnailCache.get(id);
      if (thumbnail === undefined) {
        const image = vault.image(id);
        const started = performance.now();
        if (image) {
          // SVG, GIF and WebP go to the window as they are: its own image decoder draws them
          // (sandboxed, off this thread); only PNG and JPEG are shrunk here.
          const raster = sniffImage(image.bytes) === 'png' || sniffImage(image.bytes) === 'jpeg';
          const prepared = raster ? await prepareImageNode({ bytes: image.bytes, mediaType: image.mediaType }, { maxPixels: 160, maxBytes: 24 * 1024 }) : null;
          thumbnail = prepared ? { mediaType: prepared.mediaType, bytes: prepared.bytes } : { mediaType: image.mediaType, bytes: image.bytes };
        } else thumbnail = null;
        this.thumbnailCache.set(id, thumbnail);
        for (const oldest of this.thumbnailCache.keys()) {
          if (this.thumbnailCache.size <= 3000) break;
          this.thumbnailCache.delete(oldest);
        }
        // Shrinking a large scan or photo takes up to most of a second of this thread: after
        // one, other calls from the window get their turn before the next picture, not after
        // a whole screenful. A badge takes a millisecond or two and needs no such pause.
        if (performance.now() - started > (this.options.slowThumbnailMs ?? slowThumbnailMs)) {
          await new Promise<void>((resolve) => {
            setImmediate(resolve);
          });
        }
      }
      images.push(thumbnail ? { id, ...thumbnail } : null);
    }
    return images;
  }

  detail(id: string): CredentialDetail | null {
    const vault = this.requireVault();
    const entry = vault.find(id);
    const credential = entry ? vault.get(entry.id) : null;
    if (!entry || !credential) return null;
    const { original, image: _image, ...rest } = credential;
    const parsed = verificationReportSchema.safeParse(entry.verification);
    const verifierUrl = this.options.verifierUrl?.();
    const link = bestVerificationLink(credential, verifierUrl);
    return {
      // The documents it keeps are listed (address, date); their bytes stay here.
      ...withoutDocumentBodies(rest),
      walletId: entry.id,
      original: { fileName: original.fileName, mediaType: original.mediaType, size: original.bytes.length },
      verification: parsed.success ? parsed.data : null,
      share: { ...(link ? { verificationUrl: link.url } : {}), linkedIn: linkedInAddCertificationUrl(credential, undefined, verifierUrl) },
    };
  }

  /**
   * "Check again": online (the setting allows it, or the user said yes), what the credential
   * links to is fetched again first and the credential updated with it; offline, it is checked
   * with the documents it keeps, each with its date.
   */
  async recheck(id: string, online = false): Promise<VerificationReport> {
    const vault = this.requireVault();
    const entry = vault.find(id);
    const credential = entry ? vault.get(entry.id) : null;
    if (!entry || !credential) throw new RefusalError('No such credential in this wallet.');
    if (this.fetchAllowed(online)) {
      const [refreshed] = await this.refreshDetails([entry.id], online, true);
      if (refreshed) return refreshed.report;
    }
    const report = await this.offlineVerifierFor(credential).verify(credential);
    vault.setVerification(credential.identity, report);
    return report;
  }

  /**
   * "Fetch details": what these credentials link to, fetched now at the user's request (the
   * click is their yes, whatever the setting: "offline only" offers this one-click fetch), kept
   * with each, and each checked again with what came.
   */
  async fetchDetails(ids: readonly string[]): Promise<FetchedDetails[]> {
    const known = this.knownIds(ids);
    const online = (this.options.networkUse?.() ?? 'offline') !== 'offline';
    const refreshed = await this.refreshDetails(known, online, true);
    return refreshed.map(({ id, credential, report }) => ({
      id,
      ...(credential.name ? { name: credential.name } : {}),
      ...(credential.linked ? { details: credential.linked.state } : {}),
      status: report.status,
      problems: credential.linked?.problems ?? [],
    }));
  }

  /**
   * Fetches again what stored credentials link to (all side by side, at most 4 requests per
   * host), then, in order, checks each with those documents and keeps it. The new copy replaces
   * the stored one even when it checks worse (a badge revoked since must show as revoked): it is
   * the same credential, seen with newer documents. A fetch that fails keeps the older copy.
   */
  private async refreshDetails(ids: readonly string[], online: boolean, fetch: boolean): Promise<{ id: string; credential: NormalizedCredential; report: VerificationReport }[]> {
    const vault = this.requireVault();
    const fillIn = this.fillInFor(fetch);
    const verifier = this.verifierFor(online, { documents: fillIn.documents });
    const work = ids.map((id) => {
      const stored = vault.get(id);
      if (!stored) throw new RefusalError(`No credential with ID "${id}" in this wallet.`);
      return { id, stored, filled: fillIn.fill(stored, keptDocuments(stored), true).catch(() => stored) };
    });
    const results: { id: string; credential: NormalizedCredential; report: VerificationReport }[] = [];
    const takeTurn = turnTaker();
    for (const { id, stored, filled } of work) {
      await takeTurn();
      const credential = await filled;
      const report = await verifier.verify(credential);
      if (credential.contentHash !== stored.contentHash) {
        vault.put(credential);
        this.thumbnailCache.delete(id);
      }
      vault.setVerification(credential.identity, report);
      results.push({ id, credential, report });
    }
    return results;
  }

  /**
   * Imports files: each credential read, filled in from what it links to (fetched when the
   * network setting allows; else from what the wallet already keeps, or marked "details not
   * fetched yet"), verified with those same documents, and stored.
   */
  async import(files: readonly { name: string; bytes: Uint8Array; keepAsCertificate?: boolean | undefined; keepEntries?: readonly string[] | undefined }[]): Promise<ImportOutcome[]> {
    const vault = this.requireVault();
    // A BadgeClass, issuer profile, key or revocation list dropped with the badges fills them in.
    const beside = new DocumentsBeside();
    const fillIn = this.fillInFor(this.fetchAllowed(false), beside);
    const verifier = this.verifierFor(false, { documents: fillIn.documents });
    const outcomes: ImportOutcome[] = [];
    // Every file is started at once, so the pictures and documents among them are read side
    // by side on the other cores while the main process stays free for the window; once all
    // are read (a badge's BadgeClass may come after it), what each credential links to is
    // fetched, for all of them side by side (at most 4 requests per host); outcomes are stored
    // in the files' order.
    const read = await Promise.all(
      files.map((file) =>
        this.intake.inspect({ name: file.name, bytes: file.bytes, ...(file.keepAsCertificate ? { keepAsCertificate: true } : {}), ...(file.keepEntries ? { keepEntries: file.keepEntries } : {}) }),
      ),
    );
    for (const outcome of read.flat()) beside.add(outcome);
    const readings = read.map((found) =>
      found.map((outcome) =>
        outcome.outcome === 'recognised'
          ? { outcome, filled: fillIn.fill(outcome.credential, keptFor(vault, outcome.credential)).catch(() => outcome.credential) }
          : { outcome, filled: undefined },
      ),
    );
    const takeTurn = turnTaker();
    // Documents are said last, once every credential has been filled in: whether one used them.
    const documents: { shown: ImportOutcome; outcome: IntakeOutcome }[] = [];
    for (const [index, reading] of readings.entries()) {
      const dropped = files[index]?.name ?? '';
      for (const { outcome, filled } of reading) {
        await takeTurn();
        // The summary counts files: what came out of a file counts under it (see ImportOutcome.sourceFile).
        const counted = outcome.archiveEntry ?? dropped;
        const sourceFile = counted !== outcome.file ? { sourceFile: counted } : {};
        if (outcome.outcome === 'recognised' && filled) {
          const credential = await filled;
          // Verified before it is stored; a worse copy never replaces what the wallet holds.
          const stored = await storeCredential(vault, verifier, credential);
          if (stored.outcome === 'updated') this.thumbnailCache.delete(stored.id);
          outcomes.push({
            file: outcome.file,
            outcome: stored.outcome,
            ...(credential.name ? { name: credential.name } : {}),
            id: stored.id,
            ...(credential.linked ? { details: credential.linked.state } : {}),
            ...(stored.reason ? { reason: stored.reason } : {}),
            ...(stored.reasonMessage ? { reasonMessage: stored.reasonMessage } : {}),
            ...sourceFile,
            ...(credential.selfReported ? { selfReported: true as const } : {}),
            ...(stored.report ? { status: stored.report.status } : {}),
          });
        } else if (outcome.outcome !== 'recognised') {
          // A picture can be kept as a certificate when it is the file dropped, or a file in a
          // zip dropped: the renderer sends that file again (the zip with the entry named).
          const inDroppedZip = outcome.archiveEntry === outcome.file && outcome.file.startsWith(`${dropped} › `);
          const keepable = outcome.outcome === 'not-a-credential' && outcome.picture === true && (outcome.file === dropped || inDroppedZip);
          // Every reason in the reader's language: one given only in English is said in general words there.
          const reasonMessage = outcome.reasonMessage ?? msg('damaged.other', { detail: outcome.reason });
          const shown: ImportOutcome = {
            file: outcome.file,
            outcome: outcome.outcome,
            reason: outcome.reason,
            reasonMessage,
            ...sourceFile,
            ...(keepable ? { picture: true as const } : {}),
          };
          outcomes.push(shown);
          if (outcome.outcome === 'not-a-credential' && outcome.document) documents.push({ shown, outcome });
        }
      }
    }
    for (const { shown, outcome } of documents) {
      const said = beside.reported(outcome);
      if (said.outcome === 'not-a-credential' && said.reasonMessage) Object.assign(shown, { reason: said.reason, reasonMessage: said.reasonMessage });
    }
    return outcomes;
  }

  /** Removes a credential; collections forget it, pathway steps it fulfilled become missing again. */
  remove(id: string): boolean {
    const vault = this.requireVault();
    const entry = vault.remove(id);
    if (entry) {
      forgetCredential(vault, entry.id);
      this.thumbnailCache.delete(entry.id);
    }
    return entry !== null;
  }

  /** A credential's earlier versions, newest replaced first. */
  history(id: string): CredentialVersion[] {
    const versions = this.requireVault().versions(id);
    if (!versions) throw new RefusalError('No such credential in this wallet.');
    return versionViews(versions);
  }

  /** Makes an earlier version current again; the one it replaces is kept in the history (`keptAs`). */
  restoreVersion(id: string, versionId: string): { credential: CredentialSummary; keptAs: string } {
    const vault = this.requireVault();
    let restored;
    try {
      restored = vault.restoreVersion(id, versionId);
    } catch (error) {
      if (error instanceof VaultError) throw new RefusalError(error.message);
      throw error;
    }
    // The restored version may carry another picture.
    this.thumbnailCache.delete(restored.entry.id);
    const summary = this.list().find((s) => s.id === restored.entry.id);
    if (!summary) throw new RefusalError('No such credential in this wallet.');
    return { credential: summary, keptAs: restored.keptAs };
  }

  /** Corrects a self-reported entry; an empty field goes back to what intake found. */
  edit(edits: { id: string; name: string; issuerName: string; issuedOn: string }): CredentialSummary {
    const vault = this.requireVault();
    const entry = vault.find(edits.id);
    if (!entry) throw new RefusalError('No such credential in this wallet.');
    try {
      vault.editSelfReported(entry.id, { name: edits.name, issuerName: edits.issuerName, issuedOn: edits.issuedOn });
    } catch (error) {
      if (error instanceof VaultError) throw new RefusalError(error.message);
      throw error;
    }
    const summary = this.list().find((s) => s.id === entry.id);
    if (!summary) throw new RefusalError('No such credential in this wallet.');
    return summary;
  }

  organiser(): Organiser {
    return readOrganiser(this.requireVault());
  }

  private knownIds(ids: readonly string[]): string[] {
    const vault = this.requireVault();
    const known = new Set(vault.list().map((entry) => entry.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new RefusalError(`No credential with ID "${unknown}" in this wallet.`);
    return [...new Set(ids)];
  }

  saveCollection(input: { id?: string | undefined; name: string; credentialIds: readonly string[] }): Organiser {
    const credentialIds = this.knownIds(input.credentialIds);
    return updateOrganiser(this.requireVault(), (current) => {
      const name = input.name.trim();
      if (current.collections.some((c) => c.id !== input.id && c.name.toLowerCase() === name.toLowerCase())) {
        throw new RefusalError(`There is already a collection named "${name}".`);
      }
      const existing = current.collections.find((c) => c.id === input.id);
      if (input.id && !existing) throw new RefusalError('That collection no longer exists.');
      const next: Collection = { id: existing?.id ?? organiserId(), name, credentialIds, createdAt: existing?.createdAt ?? new Date().toISOString() };
      return { ...current, collections: existing ? current.collections.map((c) => (c.id === next.id ? next : c)) : [...current.collections, next] };
    });
  }

  removeCollection(id: string): Organiser {
    return updateOrganiser(this.requireVault(), (current) => ({ ...current, collections: current.collections.filter((c) => c.id !== id) }));
  }

  savePathway(input: {
    id?: string | undefined;
    name: string;
    description?: string | undefined;
    required: number;
    steps: readonly { id?: string | undefined; title: string; credentialId?: string | undefined }[];
  }): Organiser {
    this.knownIds(input.steps.flatMap((step) => (step.credentialId ? [step.credentialId] : [])));
    return updateOrganiser(this.requireVault(), (current) => {
      const existing = current.pathways.find((p) => p.id === input.id);
      if (input.id && !existing) throw new RefusalError('That pathway no longer exists.');
      const candidate = {
        id: existing?.id ?? organiserId(),
        name: input.name.trim(),
        ...(input.description && input.description.trim() !== '' ? { description: input.description.trim() } : {}),
        required: input.required,
        steps: input.steps.map((step) => ({ id: step.id ?? organiserId(), title: step.title.trim(), ...(step.credentialId ? { credentialId: step.credentialId } : {}) })),
        ...(existing?.fromClr ? { fromClr: existing.fromClr } : {}),
        createdAt: existing?.createdAt ?? new Date().toISOString(),
      };
      const parsed = pathwaySchema.safeParse(candidate);
      if (!parsed.success) throw new RefusalError(parsed.error.issues[0]?.message ?? 'That pathway cannot be kept.');
      const next: Pathway = parsed.data;
      return { ...current, pathways: existing ? current.pathways.map((p) => (p.id === next.id ? next : p)) : [...current.pathways, next] };
    });
  }

  removePathway(id: string): Organiser {
    return updateOrganiser(this.requireVault(), (current) => ({ ...current, pathways: current.pathways.filter((p) => p.id !== id) }));
  }

  /** A pathway from a CLR held in the wallet: its nested achievements become the steps. */
  pathwayFromClr(id: string): Organiser {
    const summaries = this.list();
    const clr = summaries.find((s) => s.id === id);
    if (clr?.format !== 'clr2') throw new RefusalError('Only a CLR transcript can become a pathway.');
    const children = summaries.filter((s) => clr.childIds.includes(s.id));
    return updateOrganiser(this.requireVault(), (current) => {
      if (current.pathways.some((p) => p.fromClr === id)) throw new RefusalError(`There is already a pathway from "${clr.name}".`);
      return { ...current, pathways: [...current.pathways, pathwayFromClr(clr, children, organiserId, new Date())] };
    });
  }

  /** Everything the PDF builder needs, each credential checked again now (its status as at export). */
  async portfolioMaterial(ids: readonly string[], online: boolean): Promise<PortfolioMaterial[]> {
    const vault = this.requireVault();
    const verifier = this.fetchAllowed(online) ? this.verifierFor(online) : undefined;
    const material: PortfolioMaterial[] = [];
    for (const id of this.knownIds(ids)) {
      const stored = vault.get(id);
      if (!stored) throw new RefusalError(`No credential with ID "${id}" in this wallet.`);
      // Offline, each is checked with the documents it keeps; the PDF needs none of their bytes.
      const report = await (verifier ?? this.offlineVerifierFor(stored)).verify(stored);
      const credential = withoutDocumentBodies(stored);
      vault.setVerification(credential.identity, report);
      material.push({
        walletId: id,
        credential,
        status: report.status,
        statusSentence: report.summary,
        ...(report.summaryMessage ? { statusMessage: report.summaryMessage } : {}),
        checkedAt: report.checkedAt,
        ...(report.issuerIdentity ? { issuerIdentity: report.issuerIdentity } : {}),
      });
    }
    return material;
  }

  /** Saves an exported PDF where the user chooses, and notes it in the export log. */
  async saveExport(
    request: { bytes: Uint8Array; fileName: string; recipient: string; paper: 'a4' | 'letter'; credentialIds: readonly string[] },
    saveFile: SaveFile,
  ): Promise<{ saved: false } | { saved: true; fileName: string; record: ExportRecord }> {
    const vault = this.requireVault();
    const ids = this.knownIds(request.credentialIds);
    if (!isPdf(request.bytes)) throw new RefusalError('That is not a PDF.');
    const where = await saveFile(request.fileName, request.bytes, 'pdf');
    if (!where) return { saved: false };
    const names = new Map(vault.list().map((entry) => [entry.id, typeof entry.credential.name === 'string' ? entry.credential.name : entry.id]));
    const record: ExportRecord = {
      id: organiserId(),
      exportedAt: new Date().toISOString(),
      recipient: request.recipient.trim(),
      fileName: where,
      paper: request.paper,
      credentialIds: ids,
      credentialNames: ids.map((id) => names.get(id) ?? id),
    };
    updateOrganiser(vault, (current) => ({ ...current, exports: [record, ...current.exports].slice(0, 10_000) }));
    return { saved: true, fileName: where, record };
  }

  removeExportRecord(id: string | null): Organiser {
    return updateOrganiser(this.requireVault(), (current) => ({ ...current, exports: id === null ? [] : current.exports.filter((e) => e.id !== id) }));
  }

  /** Saves the original file (baked image, JSON, JWT) byte for byte. */
  async saveOriginal(id: string, saveFile: SaveFile): Promise<string | null> {
    const credential = this.requireVault().get(id);
    if (!credential) throw new RefusalError('No such credential in this wallet.');
    return saveFile(credential.original.fileName, credential.original.bytes, 'original');
  }

  profilePhoto(): { mediaType: string; bytes: Uint8Array } | null {
    const bytes = this.requireVault().readDocument('profile-photo');
    if (!bytes) return null;
    return { mediaType: bytes[0] === 0x89 ? 'image/png' : 'image/jpeg', bytes };
  }

  setProfilePhoto(photo: { mediaType: string; bytes: Uint8Array } | null): void {
    if (photo && !isPngOrJpeg(photo.bytes)) throw new RefusalError('The photo must be a PNG or JPEG image.');
    this.requireVault().writeDocument('profile-photo', photo ? photo.bytes : null);
  }

  /** Writes an encrypted backup to a private temporary file, then hands it to the save dialog. */
  async saveBackup(passphrase: string, saveFile: SaveFile): Promise<{ saved: boolean; fileName?: string; credentials?: number }> {
    const vault = this.requireVault();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-backup-'));
    const file = path.join(folder, 'wallet.badgefolio-backup');
    try {
      const { credentials } = await vault.exportBackup(file, passphrase, this.options.kdf);
      const stamp = new Date().toISOString().slice(0, 10);
      const where = await saveFile(`Badgefolio backup ${stamp}.badgefolio-backup`, readFileSync(file), 'backup');
      return where ? { saved: true, fileName: where, credentials } : { saved: false };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  async restoreBackup(bytes: Uint8Array, passphrase: string): Promise<{ added: number; updated: number; alreadyThere: number }> {
    const vault = this.requireVault();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-restore-'));
    const file = path.join(folder, 'restore.badgefolio-backup');
    try {
      writeFileSync(file, bytes, { mode: 0o600 });
      const counts = await vault.restoreBackup(file, passphrase);
      // What a check found damaged may be back now: check again, and the notices follow.
      if (this.lastCheck && this.lastCheck.damaged.length > 0) {
        this.thumbnailCache.clear();
        this.checkInBackground();
      }
      return { added: counts.added, updated: counts.updated, alreadyThere: counts['already-there'] };
    } catch (error) {
      if (error instanceof BackupError || error instanceof VaultError) throw new RefusalError(error.message);
      throw error;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** The wallet's Ed25519 holder key, made and kept encrypted in the vault on first use. */
  private holderKey(): KeyObject {
    // The same key receives credentials (OpenID4VCI proofs, VC-API DID authentication): electron/receive/holderKey.ts.
    return walletHolderKey(this.requireVault()).privateKey;
  }

  holderIdentity(): string {
    return holderDidKey(this.holderKey()).did;
  }

  /**
   * Receives from a link (issue #20) into this wallet, with its network setting and language;
   * `ask` is the window's consent dialog. An answer that arrives after the wallet was locked
   * counts as no: nothing is sent from a wallet the user closed.
   */
  async receive(link: string, ask: (question: ConsentQuestion) => Promise<ConsentAnswer>): Promise<ReceiveResult> {
    const vault = this.requireVault();
    const askWhileOpen = async (question: ConsentQuestion): Promise<ConsentAnswer> => {
      const answer = await ask(question);
      return this.vault === vault ? answer : { consent: false };
    };
    const options = { vault, verification: this.fetchAllowed(false) ? ('allowed' as const) : ('offline' as const), fetchOptions: this.fetchOptions() };
    try {
      const result = await receiveCredentials(link, askWhileOpen, { ...options, ...(this.options.language ? { language: this.options.language() } : {}) });
      if (result.state === 'received') for (const o of result.outcomes) if (o.outcome === 'updated' && o.id) this.thumbnailCache.delete(o.id);
      return result;
    } catch (error) {
      if (error instanceof VaultError) return { state: 'failed', reason: 'The wallet was locked before the credentials were stored.' };
      throw error;
    }
  }

  /** Signs a portfolio's presentation as this wallet's holder; nothing else is ever signed with the key. */
  async signPresentation(presentation: Record<string, unknown>): Promise<{ bytes: Uint8Array; mediaType: string; extension: string }> {
    const key = this.holderKey();
    const types = Array.isArray(presentation.type) ? presentation.type : [presentation.type];
    if (!types.includes('VerifiablePresentation')) throw new RefusalError('Only a presentation can be signed with the holder key.');
    const signer = presentationSigner(key, { issuedAt: new Date() });
    if (presentation.holder !== signer.holder) throw new RefusalError('The presentation names a different holder than this wallet.');
    if (JSON.stringify(presentation).length > 50 * 1024 * 1024) throw new RefusalError('The presentation is too large to sign.');
    return signer.sign(presentation);
  }

  /** The employer's side: what a portfolio PDF holds, checked against its manifest and verified. */
  async checkPortfolioPdf(bytes: Uint8Array, online: boolean): Promise<PortfolioPdfCheck> {
    const verifier = this.verifierFor(online);
    let report;
    try {
      report = await readPortfolioPdf(bytes, { verify: (credential) => verifier.verify(credential) });
    } catch (error) {
      if (error instanceof MalformedInputError) throw new RefusalError(error.message);
      throw error;
    }
    return {
      intact: report.intact,
      notes: report.notes,
      noteMessages: report.noteMessages,
      ...(report.manifest?.owner ? { owner: report.manifest.owner } : {}),
      credentials: report.credentials.flatMap((item) => {
        const rows = item.credentials.length > 0 ? item.credentials : [undefined];
        return rows.map((credential, index) => {
          const verification = item.verification[index];
          const name = credentialName(item, index);
          const issuerName = credential?.issuer.name;
          return {
            file: item.file,
            integrity: item.integrity,
            sentence: item.unrecognised && item.integrity === 'intact' ? `${item.sentence} ${item.unrecognised}` : item.sentence,
            ...(name ? { name } : {}),
            ...(issuerName ? { issuerName } : {}),
            ...(credential ? { identity: credential.identity } : {}),
            ...(credential?.parentIdentity ? { partOf: credential.parentIdentity } : {}),
            ...(index === 0 && item.link !== undefined ? { link: item.link } : {}),
            ...(verification
              ? {
                  status: verification.status,
                  summary: verification.summary,
                  ...(verification.summaryMessage ? { summaryMessage: verification.summaryMessage } : {}),
                  ...(verification.issuerIdentity ? { issuerIdentity: verification.issuerIdentity } : {}),
                }
              : {}),
          };
        });
      }),
    };
  }
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

function isPngOrJpeg(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);
}
