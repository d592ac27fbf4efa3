import { z } from 'zod';

/**
 * Non-secret preferences. They live in electron-store (or the same JSON file under the
 * harness), never in the vault, and never hold anything a thief could use.
 */
export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const languageSchema = z.enum(['en', 'de']);
export type Language = z.infer<typeof languageSchema>;

/**
 * The owner's public profile: printed on portfolio covers; the e-mail addresses also let
 * Badgefolio match OB 2.0 badges issued to a hashed address. Nothing here is secret.
 */
export const ownerProfileSchema = z.object({
  name: z.string().max(200),
  headline: z.string().max(300).optional(),
  emails: z.array(z.email()).max(20),
  phone: z.string().max(50).optional(),
  website: z.string().max(500).optional(),
  location: z.string().max(200).optional(),
  about: z.string().max(2000).optional(),
  links: z.array(z.object({ label: z.string().max(100), url: z.string().max(500) })).max(10),
});
export type OwnerProfileSettings = z.infer<typeof ownerProfileSchema>;

/** The main window's last size and place (restored if still on a screen). */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** How verification may use the network: never, after asking each time, or freely. */
export const networkUseSchema = z.enum(['offline', 'ask', 'allowed']);
export type NetworkUse = z.infer<typeof networkUseSchema>;

/** Update checks are off until the user turns them on; the feed may point at a mirror. */
export const updateSettingsSchema = z.object({
  enabled: z.boolean(),
  feedUrl: z.string().max(500).optional(),
});
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;

export const preferencesSchema = z.object({
  theme: themeSchema,
  language: languageSchema,
  /** Lock the wallet after this many idle minutes; 0 means never. */
  autoLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  profile: ownerProfileSchema,
  /** Verification's use of the network; offline checks always run. */
  network: networkUseSchema,
  /** OS notifications for credentials about to expire or found revoked (opt-in). */
  osNotifications: z.boolean(),
  updates: updateSettingsSchema,
  /** A public verifier page to link to when a credential has no hosted link of its own. */
  verifierUrl: z.string().max(500).optional(),
  /** The paper last chosen for an exported PDF; unset, the renderer derives it from the system locale. */
  exportPaper: z.enum(['a4', 'letter']).optional(),
  window: windowStateSchema.optional(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = {
  theme: 'system',
  language: 'en',
  autoLockMinutes: 15,
  profile: { name: '', emails: [], links: [] },
  network: 'ask',
  osNotifications: false,
  updates: { enabled: false },
};

/** A change to some preferences; unknown keys are refused rather than stored. */
export const preferencesPatchSchema = preferencesSchema.partial().strict();
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>;
