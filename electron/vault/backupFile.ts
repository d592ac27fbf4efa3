import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync, fsyncSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { syncFolder } from './atomicFile';
import { checkScryptParams, deriveKeyEncryptionKey, subKey, wipe, defaultScryptParams, type ScryptParams } from './vaultCrypto';
import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * The portable backup: one file, encrypted with a passphrase, restorable anywhere. Built
 * like age's payload: scrypt -> key, then the content as a STREAM of 64 KiB AES-256-GCM
 * chunks whose nonce is a counter plus a last-chunk flag, so chunks cannot be reordered,
 * dropped or the file cut short without detection, and memory stays flat for any size.
 *
 *   BADGEFOLIO-BACKUP-1\n
 *   {"kdf":{...},"createdAt":"...","walletId":"..."}\n   (bound to every chunk)
 *   chunk* (each: ciphertext || tag)
 *
 * The plaintext is a sequence of frames: kind (1 byte) | length (4 bytes) | body, where kind
 * B is a blob (64 hex chars of SHA-256, then the bytes), R a record (JSON), D a wallet
 * document, and H an earlier version of the credential whose record came before it (JSON:
 * the date it was replaced and its record; versionHistory.ts). Every blob comes before the
 * first record or version that refers to it.
 */

const magic = 'BADGEFOLIO-BACKUP-1\n';
const chunkSize = 64 * 1024;
const tagBytes = 16;
const maxFrameBytes = 128 * 1024 * 1024;

const headerSchema = z.object({
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string().max(64) }),
  createdAt: z.string(),
  walletId: z.string(),
});

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

function nonceFor(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Writes a backup through a temporary file; the target appears only when complete. */
export class BackupWriter {
  private readonly fd: number;
  private readonly temporary: string;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private counter = 0;

  private constructor(
    private readonly target: string,
    private readonly key: Buffer,
    private readonly aad: Buffer,
    headerText: string,
  ) {
    this.temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    this.fd = openSync(this.temporary, 'wx', 0o600);
    writeSync(this.fd, magic + headerText);
  }

  static async create(target: string, passphrase: string, walletId: string, params: ScryptParams = defaultScryptParams): Promise<BackupWriter> {
    const salt = randomBytes(16);
    const header = { kdf: { name: 'scrypt' as const, ...params, salt: salt.toString('base64') }, createdAt: new Date().toISOString(), walletId };
    const headerText = `${JSON.stringify(header)}\n`;
    const passKey = await deriveKeyEncryptionKey(passphrase, salt, params);
    const key = subKey(passKey, 'backup-stream');
    wipe(passKey);
    return new BackupWriter(
      target,
      key,
      createHash('sha256')
        .update(magic + headerText)
        .digest(),
      headerText,
    );
  }

  private writeChunk(plain: Buffer, last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceFor(this.counter++, last));
    cipher.setAAD(this.aad);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    writeSync(this.fd, sealed);
  }

  private push(bytes: Uint8Array): void {
    this.pending.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.pendingBytes += bytes.length;
    while (this.pendingBytes > chunkSize) {
      const all = Buffer.concat(this.pending);
      this.writeChunk(all.subarray(0, chunkSize), false);
      this.pending = [all.subarray(chunkSize)];
      this.pendingBytes = all.length - chunkSize;
    }
  }

  frame(kind: 'B' | 'R' | 'D' | 'H', body: Uint8Array): void {
    const head = Buffer.alloc(5);
    head.write(kind, 0, 'latin1');
    head.writeUInt32BE(body.length, 1);
    this.push(head);
    this.push(body);
  }

  blob(address: string, bytes: Uint8Array): void {
    this.frame('B', Buffer.concat([Buffer.from(address, 'latin1'), bytes]));
  }

  record(json: unknown): void {
    this.frame('R', Buffer.from(JSON.stringify(json)));
  }

  /** An earlier version of the credential written last: `{replacedAt, record}`. */
  version(json: unknown): void {
    this.frame('H', Buffer.from(JSON.stringify(json)));
  }

  /** A wallet document (organiser, photo): one byte of name length, the name, the bytes. */
  document(name: string, bytes: Uint8Array): void {
    const label = Buffer.from(name, 'utf8');
    this.frame('D', Buffer.concat([Buffer.from([label.length]), label, bytes]));
  }

  finish(): void {
    this.writeChunk(Buffer.concat(this.pending), true);
    fsyncSync(this.fd);
    closeSync(this.fd);
    wipe(this.key);
    renameSync(this.temporary, this.target);
    syncFolder(path.dirname(this.target));
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(this.temporary);
    } catch {
      // already gone
    }
    wipe(this.key);
  }
}

export type BackupItem =
  | { readonly kind: 'blob'; readonly address: string; readonly bytes: Buffer }
  | { readonly kind: 'record'; readonly json: unknown }
  | { readonly kind: 'version'; readonly json: unknown }
  | { readonly kind: 'document'; readonly name: string; readonly bytes: Buffer };

/** Reads a backup chunk by chunk; any change, reordering or truncation is an error. */
export async function* readBackup(file: string, passphrase: string): AsyncGenerator<BackupItem> {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const headLength = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, headLength).toString('latin1');
    if (!text.startsWith(magic)) throw new BackupError('This file is not a Badgefolio backup.');
    const lineEnd = text.indexOf('\n', magic.length);
    if (lineEnd < 0) throw new BackupError('The backup header is damaged.');
    const headerText = text.slice(magic.length, lineEnd + 1);
    let header;
    try {
      header = headerSchema.parse(JSON.parse(headerText));
      checkScryptParams(header.kdf);
    } catch {
      throw new BackupError('The backup header is damaged.');
    }
    const passKey = await deriveKeyEncryptionKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
    const key = subKey(passKey, 'backup-stream');
    wipe(passKey);
    const aad = createHash('sha256')
      .update(magic + headerText)
      .digest();

    let position = lineEnd + 1;
    let counter = 0;
    let buffered = Buffer.alloc(0);
    const sealedSize = chunkSize + tagBytes;
    const readChunk = (): { plain: Buffer; last: boolean } => {
      const sealed = Buffer.alloc(sealedSize + 1);
      const got = readSync(fd, sealed, 0, sealed.length, position);
      // A full chunk followed by more bytes is not the last one.
      const last = got <= sealedSize;
      const body = sealed.subarray(0, Math.min(got, sealedSize));
      if (body.length < tagBytes) throw new BackupError('The backup is cut short.');
      const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(counter, last));
      decipher.setAAD(aad);
      decipher.setAuthTag(body.subarray(body.length - tagBytes));
      try {
        const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - tagBytes)), decipher.final()]);
        position += body.length;
        counter++;
        return { plain, last };
      } catch {
        throw new BackupError(counter === 0 ? 'That passphrase does not open this backup (or its first part is damaged).' : 'The backup is damaged or was changed.');
      }
    };

    let finished = false;
    while (!finished || buffered.length > 0) {
      if (!finished && buffered.length < 5) {
        const { plain, last } = readChunk();
        buffered = Buffer.concat([buffered, plain]);
        finished = last;
        continue;
      }
      if (buffered.length < 5) throw new BackupError('The backup ends in the middle of an entry.');
      const kind = String.fromCharCode(buffered[0] ?? 0);
      const length = buffered.readUInt32BE(1);
      if (length > maxFrameBytes || (kind !== 'B' && kind !== 'R' && kind !== 'D' && kind !== 'H')) throw new BackupError('The backup is damaged (unknown entry).');
      while (buffered.length < 5 + length) {
        if (finished) throw new BackupError('The backup ends in the middle of an entry.');
        const { plain, last } = readChunk();
        buffered = Buffer.concat([buffered, plain]);
        finished = last;
      }
      const body = buffered.subarray(5, 5 + length);
      buffered = buffered.subarray(5 + length);
      if (kind === 'B') yield { kind: 'blob', address: body.subarray(0, 64).toString('latin1'), bytes: Buffer.from(body.subarray(64)) };
      else if (kind === 'D') {
        const nameLength = body[0] ?? 0;
        yield { kind: 'document', name: body.subarray(1, 1 + nameLength).toString('utf8'), bytes: Buffer.from(body.subarray(1 + nameLength)) };
      } else if (kind === 'H') yield { kind: 'version', json: JSON.parse(body.toString('utf8')) as unknown };
      else yield { kind: 'record', json: JSON.parse(body.toString('utf8')) as unknown };
    }
    wipe(key);
  } finally {
    closeSync(fd);
  }
}
