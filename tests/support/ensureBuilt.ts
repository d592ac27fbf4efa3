import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The shell contract test loads the built main entry: build once if it is missing. */
export default function ensureBuilt(): void {
  if (existsSync(path.join(root, 'out/main/index.js')) && existsSync(path.join(root, 'out/renderer/index.html'))) return;
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}
