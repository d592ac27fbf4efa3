import os from 'node:os';
import path from 'node:path';
import { productName } from '../../shared/app';

/**
 * The folder Electron's `app.getPath('userData')` gives the desktop app, computed without
 * Electron, so that the CLI and the app see one wallet by default.
 */
export function defaultDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), productName);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', productName);
  }
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), productName);
}

/**
 * The per-user folder for caches (files that can be made again): %LOCALAPPDATA% on Windows,
 * ~/Library/Caches on macOS, $XDG_CACHE_HOME or ~/.cache elsewhere.
 */
export function defaultCacheFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  // An empty or relative setting is ignored (as the XDG Base Directory specification says):
  // it would put the cache in whatever folder the command was started from.
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA !== undefined && path.win32.isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, productName, 'Cache');
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Caches', productName);
  }
  const xdg = env.XDG_CACHE_HOME !== undefined && path.posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.posix.join(home, '.cache');
  return path.posix.join(xdg, productName);
}
