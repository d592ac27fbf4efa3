/**
 * The link in a drop, when a link (not a file) was dropped: a browser gives a dragged link as
 * `text/uri-list` (comment lines start with #) and as `text/plain`. Only addresses whose
 * scheme a credential can come by are taken; the main process says what is wrong with the rest
 * (an http address, say) once it is asked, so they are taken too.
 */
const linkSchemes = new Set(['https:', 'http:', 'openid-credential-offer:', 'haip:', 'openid-vc:', 'dccrequest:', 'badgefolio:']);

export function linkInText(text: string): string | undefined {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (!line || /\s/.test(line)) return undefined;
  try {
    return linkSchemes.has(new URL(line).protocol) ? line : undefined;
  } catch {
    return undefined;
  }
}

export function linkInDrop(transfer: Pick<DataTransfer, 'files' | 'getData'> | null): string | undefined {
  if (!transfer || transfer.files.length > 0) return undefined;
  return linkInText(transfer.getData('text/uri-list')) ?? linkInText(transfer.getData('text/plain'));
}
