import { RefusalError } from '../../../shared/contract/refusal';
import type { PortfolioMaterial } from '../../../shared/credential/walletViews';
import type { ExportRecord, Organiser } from '../../../shared/organiser';
import { withoutDocumentBodies } from '../../intake/linkedDocuments';
import type { Vault } from '../../vault/vault';
import { organiserId, updateOrganiser } from '../organiserStore';
import { knownIds } from './context';
import type { SaveFile } from './options';
import type { SessionVerifiers } from './verifiers';
import { withLinkFragments } from '../../portfolio/cborldFragment';

/** What the window asks to save after building a portfolio PDF. */
export interface ExportRequest {
  bytes: Uint8Array;
  fileName: string;
  recipient: string;
  paper: 'a4' | 'letter';
  credentialIds: readonly string[];
}

/** Export records kept: the newest this many. */
const keptExports = 10_000;

/** Everything the PDF builder needs, each credential checked again now (its status as at export). */
export async function portfolioMaterial(vault: Vault, verifiers: SessionVerifiers, ids: readonly string[], online: boolean): Promise<PortfolioMaterial[]> {
  const verifier = verifiers.fetchAllowed(online) ? verifiers.verifierFor(online) : undefined;
  const material: PortfolioMaterial[] = [];
  for (const id of knownIds(vault, ids)) {
    const stored = vault.get(id);
    if (!stored) throw new RefusalError(`No credential with ID "${id}" in this wallet.`);
    // Offline, each is checked with the documents it keeps; the PDF needs none of their bytes.
    const report = await (verifier ?? verifiers.offlineVerifierFor(stored)).verify(stored);
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
  // The window builds the PDF; the shorter CBOR-LD links are made here, with the engine's contexts.
  return withLinkFragments(material);
}

/** Saves an exported PDF where the user chooses, and notes it in the export log. */
export async function saveExport(vault: Vault, request: ExportRequest, saveFile: SaveFile): Promise<{ saved: false } | { saved: true; fileName: string; record: ExportRecord }> {
  const ids = knownIds(vault, request.credentialIds);
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
  updateOrganiser(vault, (current) => ({ ...current, exports: [record, ...current.exports].slice(0, keptExports) }));
  return { saved: true, fileName: where, record };
}

/** Forgets one export record, or (null) the whole log. */
export function removeExportRecord(vault: Vault, id: string | null): Organiser {
  return updateOrganiser(vault, (current) => ({ ...current, exports: id === null ? [] : current.exports.filter((e) => e.id !== id) }));
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}
