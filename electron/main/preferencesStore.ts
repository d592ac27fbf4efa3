import ElectronStore from 'electron-store';
import { preferencesStoreOptions, storeBackend, type PreferencesBackend } from '../core/preferences';

/** electron-store in the app's data folder: non-secret preferences only. */
export function openPreferencesStore(): PreferencesBackend {
  return storeBackend(new ElectronStore({ name: preferencesStoreOptions.configName, ...preferencesStoreOptions.settings }));
}
