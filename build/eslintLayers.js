// The layers inside electron/, as lint enforces them (eslint.config.js) and
// tests/unit/layers.test.ts proves: each folder may import only the folders listed for it.
//
//   entry points   main, preload, cli, harness, verifierPage    (never each other)
//   core           the wallet session, IPC handlers, preferences, notices
//   domain         receive > portfolio > intake > verify; vault; images; security
//   workers        the one worker pool, domain-neutral: the domain hands it named tasks
//   shared/        pure TypeScript, below everything
//
// Within the domain, portfolio builds on intake (reading originals) and verify (checking
// them); intake on verify (recognising credentials needs its vocabulary) and images; verify,
// vault, images and security stand alone. workers (threads, batches, timeouts) imports no
// domain folder: each domain declares its own worker entry and tasks. No cycles.

/** Which electron/ folders each electron/ folder may import. */
export const allowedLayers = {
  main: ['core', 'security', 'vault', 'intake', 'verify', 'portfolio', 'images', 'receive', 'workers'],
  preload: [],
  cli: ['core', 'security', 'vault', 'intake', 'verify', 'portfolio', 'images', 'receive', 'workers'],
  harness: ['core', 'security', 'vault', 'intake', 'verify', 'portfolio', 'images', 'receive', 'workers'],
  core: ['security', 'vault', 'intake', 'verify', 'portfolio', 'images', 'receive', 'workers'],
  // Receiving credentials from links (OpenID4VCI, VC-API): the protocols, over the safe fetcher,
  // signed with the wallet's holder key (kept in the vault, the same key that signs portfolios).
  receive: ['verify', 'intake', 'security', 'vault', 'portfolio', 'workers'],
  // The static verifier page's Web Worker (issue #18): the domain layers only, no wallet, no
  // core, no thread pool (a browser page has no worker_threads).
  verifierPage: ['intake', 'verify', 'portfolio', 'images'],
  portfolio: ['intake', 'verify', 'images', 'workers'],
  intake: ['verify', 'images', 'workers'],
  verify: ['workers'],
  vault: ['workers'],
  images: ['workers'],
  security: ['workers'],
  // Intake, verification, card pictures and PDF checks all run on this one pool (issue #19).
  workers: [],
};

const folders = Object.keys(allowedLayers);

/**
 * One `no-restricted-imports` entry per folder: the import patterns it may not use. Paths are
 * matched as written (relative): `../verify/x` from electron/intake, `../../verify/x` from a
 * subfolder of it.
 */
export function layerRules(extraPaths = []) {
  return folders.map((folder) => {
    const forbidden = folders.filter((other) => other !== folder && !allowedLayers[folder].includes(other));
    return {
      files: [`electron/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: extraPaths,
            patterns: [
              ...forbidden.map((other) => ({
                // Only climbs out of electron/<folder>, then into electron/<other>: shared/portfolio is not electron/portfolio.
                regex: `^(\\.\\./)+${other}(/|$)`,
                message: `electron/${folder} may not import electron/${other}: the layers are written down in build/eslintLayers.js.`,
              })),
              { group: ['**/renderer/**'], message: 'Main-side code may not import renderer code.' },
            ],
          },
        ],
      },
    };
  });
}
