import ElectronStore from 'electron-store';
import type { PreferencesBackend } from '../core/preferences';
import { preferencesStoreOptions } from '../core/preferences';

/** electron-store in the app's data folder: non-secret preferences only. */
export function openPreferencesStore(): PreferencesBackend {
  const store = new ElectronStore({
    name: preferencesStoreOptions.configName,
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
