import { safeStorage } from 'electron';
import type { KeyProtector } from '../vault/deviceUnlock';

/**
 * The OS keychain through Electron's safeStorage (the async API). Offered only when the
 * backend is a real keychain: on Linux without one, safeStorage falls back to `basic_text`,
 * a constant key that would protect nothing (SECURITY: never offer "remember me" there).
 */
export async function osKeyProtector(platform: NodeJS.Platform = process.platform): Promise<KeyProtector | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi';
  if (backend === 'basic_text' || backend === 'unknown') return null;
  return {
    backend,
    protect: (secret) => safeStorage.encryptStringAsync(secret),
    unprotect: async (bytes) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(bytes));
      return { secret: result, reprotect: shouldReEncrypt };
    },
  };
}
