import Conf from 'conf';
import { preferencesStoreOptions, storeBackend, type PreferencesBackend } from './preferences';

/**
 * Preferences for the CLI and the harness: conf, the library electron-store is built on,
 * writing the same `preferences.json` with the same schema into the given folder.
 */
export function openFilePreferences(folder: string): PreferencesBackend {
  return storeBackend(new Conf({ projectName: 'badgefolio', cwd: folder, configName: preferencesStoreOptions.configName, ...preferencesStoreOptions.settings }));
}
