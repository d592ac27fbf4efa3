import { RefusalError } from '../../../shared/contract/refusal';
import { verificationReportSchema } from '../../../shared/credential/verification';
import type { CredentialVersion } from '../../../shared/credential/versionViews';
import type { CredentialDetail, CredentialSummary } from '../../../shared/credential/walletViews';
import { bestVerificationLink, linkedInAddCertificationUrl } from '../../../shared/portfolio';
import { withoutDocumentBodies } from '../../intake/linkedDocuments';
import { VaultError, type Vault } from '../../vault/vault';
import { summariesOf } from '../credentialSummary';
import { versionViews } from '../credentialVersions';
import { forgetCredential } from '../organiserStore';

/**
 * The credentials the wallet holds, as the window sees and changes them one by one: the list,
 * a credential's details and picture, its history, removing it, correcting a self-reported one.
 * `forgetThumbnail` is told whenever a credential's card picture may have changed.
 */
export class CredentialRecords {
  constructor(private readonly forgetThumbnail: (id: string) => void) {}

  list(vault: Vault): CredentialSummary[] {
    return summariesOf(vault.list());
  }

  image(vault: Vault, id: string): { mediaType: string; bytes: Uint8Array } | null {
    const image = vault.get(id)?.image;
    return image?.bytes ? { mediaType: image.mediaType, bytes: image.bytes } : null;
  }

  detail(vault: Vault, id: string, verifierUrl: string | undefined): CredentialDetail | null {
    const entry = vault.find(id);
    const credential = entry ? vault.get(entry.id) : null;
    if (!entry || !credential) return null;
    const { original, image: _image, ...rest } = credential;
    const parsed = verificationReportSchema.safeParse(entry.verification);
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

  /** Removes a credential; collections forget it, pathway steps it fulfilled become missing again. */
  remove(vault: Vault, id: string): boolean {
    const entry = vault.remove(id);
    if (entry) {
      forgetCredential(vault, entry.id);
      this.forgetThumbnail(entry.id);
    }
    return entry !== null;
  }

  /** A credential's earlier versions, newest replaced first. */
  history(vault: Vault, id: string): CredentialVersion[] {
    const versions = vault.versions(id);
    if (!versions) throw new RefusalError('No such credential in this wallet.');
    return versionViews(versions);
  }

  /** Makes an earlier version current again; the one it replaces is kept in the history (`keptAs`). */
  restoreVersion(vault: Vault, id: string, versionId: string): { credential: CredentialSummary; keptAs: string } {
    const restored = refusingVaultErrors(() => vault.restoreVersion(id, versionId));
    // The restored version may carry another picture.
    this.forgetThumbnail(restored.entry.id);
    return { credential: this.summaryOf(vault, restored.entry.id), keptAs: restored.keptAs };
  }

  /** Corrects a self-reported entry; an empty field goes back to what intake found. */
  edit(vault: Vault, edits: { id: string; name: string; issuerName: string; issuedOn: string }): CredentialSummary {
    const entry = vault.find(edits.id);
    if (!entry) throw new RefusalError('No such credential in this wallet.');
    refusingVaultErrors(() => {
      vault.editSelfReported(entry.id, { name: edits.name, issuerName: edits.issuerName, issuedOn: edits.issuedOn });
    });
    return this.summaryOf(vault, entry.id);
  }

  private summaryOf(vault: Vault, id: string): CredentialSummary {
    const summary = this.list(vault).find((s) => s.id === id);
    if (!summary) throw new RefusalError('No such credential in this wallet.');
    return summary;
  }
}

/** A change the vault refuses (a version that is gone, an entry that is not self-reported) is said to the user. */
function refusingVaultErrors<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof VaultError) throw new RefusalError(error.message);
    throw error;
  }
}
