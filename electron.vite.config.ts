import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds: the main process (ESM, Node), the preload (CommonJS, because a sandboxed
 * preload cannot load ES modules; all its imports bundled in), and the renderer (React).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // The worker entries the one pool (electron/workers/) starts, beside the bundle: intake/intakeTasks.ts declares intakeWorker, portfolio/fileReaders.ts fileWorker.
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts'), intakeWorker: resolve('electron/intake/intakeWorker.ts'), fileWorker: resolve('electron/portfolio/fileWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
