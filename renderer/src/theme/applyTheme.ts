import type { Theme } from '../../../shared/preferences';

const darkQuery = '(prefers-color-scheme: dark)';

/** Resolves "system" against the OS and sets `data-theme` on <html>, which the CSS reads. */
export function applyTheme(theme: Theme): void {
  const resolved = theme === 'system' ? (window.matchMedia(darkQuery).matches ? 'dark' : 'light') : theme;
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
}

/** Follows OS changes while the preference is "system". Returns the unsubscribe function. */
export function followSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(darkQuery);
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}
