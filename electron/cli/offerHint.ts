import type { CheckLanguage } from './savedLanguage';

/**
 * What `import` and `inspect` say under a file whose QR code holds a link to receive from (an
 * OpenID4VCI offer, a VC-API or DCC request, a badgefolio:// link): they never send anything,
 * so they name the command that asks first and then receives. The link is quoted for a POSIX
 * shell (offers hold `&` and `?`), so the line can be copied as it is.
 */
export function receiveHint(link: string, language: CheckLanguage = 'en'): string {
  const command = `badgefolio receive '${link.replace(/'/g, `'\\''`)}'`;
  return language === 'de' ? `  Zum Empfangen (du wirst gefragt, bevor etwas gesendet wird): ${command}` : `  To receive it (you are asked before anything is sent): ${command}`;
}
