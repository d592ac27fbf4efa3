import { z } from 'zod';

/**
 * Non-secret preferences. They live in electron-store (or the same JSON file under the
 * harness), never in the vault, and never hold anything a thief could use.
 */
export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const languageSchema = z.enum(['en', 'de']);
export type Language = z.infer<typeof languageSchema>;

export const preferencesSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
  /** Lock the wallet after this many idle minutes; 0 means never. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = {
  theme: 'system',
  language: 'en',
  autoLockMinutes: 15,
};

/** A change to some preferences; unknown keys are refused rather than stored. */
export const preferencesPatchSchema = preferencesSchema.partial().strict();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;
