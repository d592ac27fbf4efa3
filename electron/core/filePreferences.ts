import Conf from 'conf';
import { preferencesStoreOptions, type PreferencesBackend } from './preferences';

/**
 * Preferences for the CLI and the harness: conf, the library electron-store is built on,
 * writing the same `preferences.json` with the same schema into the given folder.
 */
export function openFilePreferences(folder: string): PreferencesBackend {
  const store = new Conf({
    projectName: 'badgefolio',
    cwd: folder,
    configName: preferencesStoreOptions.configName,
    defaults: preferencesStoreOptions.defaults,
    schema: preferencesStoreOptions.schema,
    clearInvalidConfig: preferencesStoreOptions.clearInvalidConfig,
  });
  return {
    get store() {
      return store.store as Record<string, unknown>;
    },
    set: (values) => {
      store.set(values);
    },
  };
}
