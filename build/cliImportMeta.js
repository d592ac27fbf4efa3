// Injected into the CLI bundle (build/cliBundle.js), which is CommonJS: `import.meta.url` in the
// sources becomes this, the URL of the bundle file running, as it was in the ES-module bundle.
// (`__filename` is CommonJS's own: this file is only ever part of that bundle.)
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
