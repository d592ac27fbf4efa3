import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../../electron/portfolio/fontFiles';
import { fontFileUrls } from '../../../renderer/src/portfolio/fontFiles';

describe('renderer PDF fonts', () => {
  it('are the command line font files, slot by slot and in the same order (so both build the same PDF)', () => {
    // Vite (here through vitest) resolves the `?url` imports to the files in node_modules.
    const named = (url: string): string => url.split('?')[0]?.split('/').slice(-4).join('/') ?? '';
    const expected = (file: readonly [string, string]): string => path.posix.join(file[0], 'files', file[1]);
    expect(fontFileUrls.regular.map(named)).toEqual(fontFiles.regular.map(expected));
    expect(fontFileUrls.bold.map(named)).toEqual(fontFiles.bold.map(expected));
    expect([fontFileUrls.cjk, fontFileUrls.arabic, fontFileUrls.hebrew].map(named)).toEqual([fontFiles.cjk, fontFiles.arabic, fontFiles.hebrew].map(expected));
    expect(fontFileUrls.emoji.map(named)).toEqual(fontFiles.emoji.map(expected));
  });
});
