// The project's electron-vite main build plus poolProbe.ts as one more entry, written to
// $BADGEFOLIO_PROBE_OUT: intakePool.test.ts runs the pool from the bundle the way the app's
// main process would (intakeWorker.js beside it, shared code in chunks/).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import project from '../../../electron.vite.config';

const mainInputs = (project as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } }).main?.build?.rollupOptions?.input ?? {};

export default defineConfig({
  main: {
    build: {
      outDir: process.env.BADGEFOLIO_PROBE_OUT ?? 'out/probe',
      externalizeDeps: true,
      rollupOptions: { input: { ...mainInputs, poolProbe: resolve(import.meta.dirname, 'poolProbe.ts') } },
    },
  },
});
