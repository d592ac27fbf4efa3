/**
 * Bundled Noto fonts, as fallbacks for scripts the computer may have no font for: a Chinese,
 * Arabic or Hebrew name, or an emoji in one, must not show as empty boxes on a card. Each stylesheet declares its
 * faces per Unicode range, so the window loads (from its own files, never the web) only the
 * pieces of the fonts that a name on screen actually needs.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-hebrew/700.css';
import '@fontsource/noto-emoji/400.css';
