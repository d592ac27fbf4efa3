/**
 * Names the OS knows the installed app by. `appId` must equal build/electron-builder.yml's
 * (Windows ties notifications to it; the packaging test compares the two).
 */
export const appId = 'org.badgefolio.app';

/**
 * The documentation link for Help: the package's `homepage` (https only), which the Linux
 * packages also list as the project's address. Null when package.json names none (Help then
 * offers About only): a made-up address would send users somewhere nobody maintains.
 */
export function docsUrl(packageJsonText: string | null): string | null {
  if (packageJsonText === null) return null;
  try {
    const homepage = (JSON.parse(packageJsonText) as { homepage?: unknown }).homepage;
    return typeof homepage === 'string' && /^https:\/\/[^\s]+$/.test(homepage) ? homepage : null;
  } catch {
    return null;
  }
}
