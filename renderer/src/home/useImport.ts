import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerificationMessage } from '../../../shared/credential/verification';
import { englishOf, msg } from '../../../shared/credential/verificationMessages';
import type { ImportOutcome } from '../../../shared/credential/walletViews';
import { wallet } from '../wallet';
import { importBatches } from './importBatches';
import { replaceFileOutcomes } from './importSummaryModel';

/** The main process refuses bigger files too; reading them here would only waste memory. */
const maxFileBytes = 50 * 1024 * 1024;

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

async function readFile(file: File): Promise<{ name: string; bytes: Uint8Array } | ImportOutcome> {
  const name = file.webkitRelativePath || file.name;
  // Said as the main process says it, in the reader's language.
  if (file.size > maxFileBytes) return damaged(name, msg('damaged.fileTooLarge', { limit: '50 MB' }));
  try {
    return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return damaged(name, msg('damaged.unreadable'));
  }
}

function damaged(file: string, reasonMessage: VerificationMessage): ImportOutcome {
  return { file, outcome: 'malformed', reason: englishOf(reasonMessage), reasonMessage };
}

/**
 * Importing: from the picker, from files or folders dropped anywhere on the window. One outcome
 * per file; a bad batch is reported for its files and the next batch still goes. A picture or
 * PDF whose QR code holds a credential offer is handed to `onOffer` (the receive flow, which asks
 * the user before anything is sent).
 */
export function useImport(onImported: () => void, onOffer?: (link: string) => void) {
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [dragging, setDragging] = useState(false);
  // The last import's files by name: "Keep as a certificate" sends one of them again.
  const lastFiles = useRef(new Map<string, File>());

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      lastFiles.current = new Map(files.map((file) => [file.webkitRelativePath || file.name, file]));
      const total = files.length;
      setProgress({ done: 0, total });
      setOutcomes([]);
      const all: ImportOutcome[] = [];
      let done = 0;
      // A file over the limit is refused here, unread: it takes no room in a batch.
      for (const group of importBatches(files, (file) => (file.size > maxFileBytes ? 0 : file.size))) {
        const read = await Promise.all(group.map(readFile));
        const batch = read.filter((item): item is { name: string; bytes: Uint8Array } => 'bytes' in item);
        all.push(...read.filter((item): item is ImportOutcome => 'outcome' in item));
        if (batch.length > 0) {
          const result = await wallet().importFiles({ files: batch });
          if (result.ok) {
            all.push(...result.value.outcomes);
            for (const outcome of result.value.outcomes) if (outcome.offer) onOffer?.(outcome.offer.link);
          } else all.push(...batch.map((file) => ({ file: file.name, outcome: 'malformed' as const, reason: result.error.message })));
        }
        done += group.length;
        setOutcomes([...all]);
        setProgress({ done, total });
      }
      setProgress(null);
      onImported();
    },
    [onImported, onOffer],
  );

  // Files dropped anywhere on the window are imported; the browser never opens them.
  useEffect(() => {
    const over = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      setDragging(false);
      void droppedFiles(event.dataTransfer).then(importFiles);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  /**
   * "Keep as a certificate": the picture sent again with the user's word that it is one; its row
   * shows what came of it. A picture that came out of a dropped zip (`exports.zip › logo.png`)
   * is kept by sending the zip again with that one entry named: only it is read again.
   */
  const keepAsCertificate = useCallback(
    async (name: string): Promise<void> => {
      const archive = name.split(' › ')[0] ?? name;
      const inArchive = archive !== name;
      const file = lastFiles.current.get(archive);
      if (!file) return;
      const read = await readFile(file);
      let replacement: ImportOutcome[];
      if ('outcome' in read) replacement = [{ ...read, file: name }];
      else {
        const keep = inArchive ? { keepEntries: [name] } : { keepAsCertificate: true as const };
        const result = await wallet().importFiles({ files: [{ name: read.name, bytes: read.bytes, ...keep }] });
        replacement = result.ok ? result.value.outcomes : [{ file: name, outcome: 'malformed', reason: result.error.message }];
      }
      setOutcomes((current) => replaceFileOutcomes(current ?? [], name, replacement));
      onImported();
    },
    [onImported],
  );

  return {
    importFiles,
    outcomes,
    progress,
    dragging,
    dismiss: () => {
      setOutcomes(null);
    },
    changed: onImported,
    keepAsCertificate,
  };
}

/** The files of a drop, folders walked recursively (a Credly or Badgr export folder, say). */
async function droppedFiles(transfer: DataTransfer | null): Promise<File[]> {
  if (!transfer) return [];
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0 || entries.every((entry) => entry.isFile)) return [...transfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (depth > 16 || files.length >= 20_000) return;
    if (entry.isFile) {
      files.push(
        await new Promise<File>((resolve, reject) => {
          (entry as FileSystemFileEntry).file(resolve, reject);
        }),
      );
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
        reader.readEntries(resolve, reject);
      });
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, depth + 1);
    }
  };
  for (const entry of entries) {
    try {
      await walk(entry, 0);
    } catch {
      // An unreadable folder is skipped; the others still come in.
    }
  }
  return files;
}
