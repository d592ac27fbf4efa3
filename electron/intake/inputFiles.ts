import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, type IntakeLimits } from './limits';

/** A file ready for intake, or a path that could not be read and why. */
export type InputFile =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'unreadable'; readonly name: string; readonly reason: string };

/** Names no badge ever has: hidden files and OS clutter in folders. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini' || name === '__MACOSX';
}

/**
 * Expands the paths a user gave (files and folders, folders recursively, in name order) and
 * reads each file once. The size is checked before reading, so a huge file costs nothing.
 * Symbolic links inside folders are not followed: a link loop cannot trap the walk.
 */
export async function* readInputFiles(
  inputs: readonly { readonly path: string; readonly label: string }[],
  limits: IntakeLimits,
): AsyncGenerator<InputFile> {
  for (const input of inputs) yield* walk(input.path, input.label, 0, limits, true);
}

/** `target` is where the file is; `label` is how the user named it (their relative path). */
async function* walk(target: string, label: string, depth: number, limits: IntakeLimits, explicit: boolean): AsyncGenerator<InputFile> {
  let info;
  try {
    info = await lstat(target);
    if (info.isSymbolicLink()) {
      if (!explicit) return;
      info = await stat(target);
    }
  } catch {
    yield { kind: 'unreadable', name: label, reason: 'There is no such file or folder.' };
    return;
  }
  if (info.isDirectory()) {
    if (depth >= limits.maxNestingDepth) {
      yield { kind: 'unreadable', name: label, reason: `Folders are nested more than ${String(limits.maxNestingDepth)} levels deep.` };
      return;
    }
    let entries: string[];
    try {
      entries = (await readdir(target)).filter((name) => !skipped(name)).sort((a, b) => a.localeCompare(b));
    } catch {
      yield { kind: 'unreadable', name: label, reason: 'This folder could not be opened.' };
      return;
    }
    for (const entry of entries) yield* walk(path.join(target, entry), path.join(label, entry), depth + 1, limits, false);
    return;
  }
  if (!info.isFile()) {
    yield { kind: 'unreadable', name: label, reason: 'This is not a regular file.' };
    return;
  }
  if (info.size > limits.maxFileBytes) {
    yield { kind: 'unreadable', name: label, reason: `The file is larger than the ${formatBytes(limits.maxFileBytes)} limit.` };
    return;
  }
  try {
    yield { kind: 'file', name: label, bytes: await readFile(target) };
  } catch {
    yield { kind: 'unreadable', name: label, reason: 'This file could not be read.' };
  }
}
