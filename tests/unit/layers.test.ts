import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { allowedLayers, layerRules } from '../../build/eslintLayers.js';

/**
 * The layers inside electron/ are enforced by lint (build/eslintLayers.js, used by
 * eslint.config.js). Here the same rules judge a few imports written for the test: a wrong-way
 * import must fail, a right-way one must pass.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layerRules()],
});

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layers inside electron/', () => {
  it('refuses an import that goes the wrong way', async () => {
    expect(await problems('electron/verify/anything.ts', "import { WalletSession } from '../core/walletSession';\n")).toEqual([
      expect.stringContaining('electron/verify may not import electron/core'),
    ]);
    expect(await problems('electron/intake/certificate/deep.ts', "import { buildPortfolio } from '../../portfolio/buildPortfolio';\n")).toEqual([
      expect.stringContaining('electron/intake may not import electron/portfolio'),
    ]);
    expect(await problems('electron/vault/x.ts', "export { handlers } from '../core/handlers';\n")).toHaveLength(1);
    expect(await problems('electron/core/x.ts', "import '../cli/main';\n")).toEqual([expect.stringContaining('electron/core may not import electron/cli')]);
    // Receiving (OpenID4VCI, VC-API) sits below core: it never reaches the wallet session.
    expect(await problems('electron/receive/x.ts', "import { WalletSession } from '../core/walletSession';\n")).toEqual([
      expect.stringContaining('electron/receive may not import electron/core'),
    ]);
    // The verifier page runs in a browser: no wallet, no core.
    expect(await problems('electron/verifierPage/x.ts', "import { Vault } from '../vault/vault';\n")).toEqual([
      expect.stringContaining('electron/verifierPage may not import electron/vault'),
    ]);
    expect(await problems('electron/verify/x.ts', "import '../verifierPage/pageSession';\n")).toEqual([
      expect.stringContaining('electron/verify may not import electron/verifierPage'),
    ]);
    // The worker pool sits below the domain: it runs tasks it is handed, and knows no credential.
    expect(await problems('electron/workers/x.ts', "import { Intake } from '../intake/intake';\n")).toEqual([
      expect.stringContaining('electron/workers may not import electron/intake'),
    ]);
    expect(await problems('electron/verifierPage/x.ts', "import { WorkerPool } from '../workers/workerPool';\n")).toEqual([
      expect.stringContaining('electron/verifierPage may not import electron/workers'),
    ]);
  });

  it('lets each layer use the ones below it and shared/', async () => {
    expect(await problems('electron/core/x.ts', "import { verify } from '../verify/verifier';\nimport { isRecord } from '../../shared/jsonValue';\n")).toEqual([]);
    // shared/portfolio is shared code, not electron/portfolio.
    expect(await problems('electron/intake/x.ts', "import { sniffImage } from '../../shared/portfolio/images';\n")).toEqual([]);
    expect(await problems('electron/portfolio/x.ts', "import { intake } from '../intake/intake';\n")).toEqual([]);
    expect(await problems('electron/core/x.ts', "import { walletHolderKey } from '../receive/holderKey';\n")).toEqual([]);
    expect(await problems('electron/verifierPage/x.ts', "import { readPortfolioPdf } from '../portfolio/readPortfolioPdf';\n")).toEqual([]);
    // Intake, verification and the wallet's file readers hand their tasks to the one pool.
    for (const folder of ['intake', 'verify', 'portfolio/deeper']) {
      expect(await problems(`electron/${folder}/x.ts`, `import { WorkerPool } from '${folder.includes('/') ? '../../' : '../'}workers/workerPool';\n`)).toEqual([]);
    }
  });

  it('has no cycles: no folder may import one that may import it', () => {
    const layers = allowedLayers;
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (layers[from] ?? []).some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
    for (const folder of Object.keys(layers)) expect(reaches(folder, folder), folder).toBe(false);
  });
});
