import { z } from 'zod';
import { defaultPreferences, preferencesSchema, type Preferences, type PreferencesPatch } from '../../shared/preferences';

/**
 * What the core needs from a preferences store. electron-store (in the app) and conf (in
 * the CLI and harness) both provide it; the core never imports either.
 */
export interface PreferencesBackend {
  readonly store: Record<string, unknown>;
  set(values: Record<string, unknown>): void;
}

/** Options shared by electron-store and conf so both write the same file the same way. */
export const preferencesStoreOptions = {
  /** The file's name: electron-store calls it `name`, conf `configName`. */
  configName: 'preferences',
  settings: {
    defaults: defaultPreferences,
    // The JSON Schema is derived from the zod schema: one definition of a valid file.
    schema: (z.toJSONSchema(preferencesSchema) as { properties: Record<string, object> }).properties,
    clearInvalidConfig: true,
  },
} as const;

/** An electron-store or conf store (the same API: one is built on the other) as a PreferencesBackend. */
export function storeBackend(store: { readonly store: unknown; set(values: Record<string, unknown>): void }): PreferencesBackend {
  return {
    get store() {
      return store.store as Record<string, unknown>;
    },
    set: (values) => {
      store.set(values);
    },
  };
}

/**
 * Reads preferences field by field: a hand-edited or outdated file falls back to the default
 * for the fields it gets wrong instead of refusing to start.
 */
export function readPreferences(backend: PreferencesBackend): Preferences {
  const stored = backend.store;
  const result: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(preferencesSchema.shape)) {
    const parsed = fieldSchema.safeParse(stored[key]);
    const value = parsed.success ? parsed.data : defaultPreferences[key as keyof Preferences];
    if (value !== undefined) result[key] = value;
  }
  return preferencesSchema.parse(result);
}

export function writePreferences(backend: PreferencesBackend, patch: PreferencesPatch): Preferences {
  const next = preferencesSchema.parse({ ...readPreferences(backend), ...patch });
  // conf and electron-store refuse `undefined` values ("use delete()"): store only what is set.
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next) as [string, unknown][]) if (value !== undefined) stored[key] = value;
  backend.set(stored);
  return next;
}
