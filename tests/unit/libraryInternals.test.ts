import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';

/**
 * Badgefolio relies on a few libraries beyond their documented API: expansion.ts reads jsonld's
 * active contexts (`mappings`, `previousContext`), blockcertsV3Hash.ts listens to jsonld's event
 * codes, rdfDataset.ts hands rdf-canonize the dataset jsonld would, fontCoverage.ts wraps
 * fontkit's private `_addGlyph`. Those libraries are pinned to exact versions in package.json;
 * this test fails when a version moves or the internals we touch are gone, so an upgrade is a
 * decision (re-run the expansion and PDF suites, then move the pin here), never an accident.
 */
const root = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const installed = (name: string): string => (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const pins = { jsonld: '9.0.0', 'rdf-canonize': '5.0.0', 'pdf-lib': '1.17.1', '@pdf-lib/fontkit': '1.1.1' };

describe('libraries whose internals Badgefolio touches', () => {
  it('are pinned exactly, and the pinned versions are the ones installed', () => {
    for (const [name, version] of Object.entries(pins)) {
      expect(manifest.dependencies[name], `${name} in package.json`).toBe(version);
      expect(installed(name), `${name} installed`).toBe(version);
    }
    // jsonld's own rdf-canonize is the one rdfDataset.ts calls: one canonicaliser, not two.
    expect(existsSync(path.join(root, 'node_modules/jsonld/node_modules/rdf-canonize'))).toBe(false);
  });

  it('jsonld still builds active contexts with the fields expansion.ts reads', async () => {
    const initial = (await jsonld.processContext(null, null, { safe: true })) as { mappings?: unknown; previousContext?: unknown };
    expect(initial.mappings).toBeInstanceOf(Map);
    const scoped = (await jsonld.processContext(
      initial,
      { '@vocab': 'https://example.org/', name: { '@id': 'https://example.org/name', '@context': { x: 'https://example.org/x' } } },
      { safe: true },
    )) as {
      mappings: Map<string, { '@id'?: string; '@context'?: unknown }>;
    };
    expect(scoped.mappings.get('name')?.['@id']).toBe('https://example.org/name');
    expect(scoped.mappings.get('name')?.['@context']).toEqual({ x: 'https://example.org/x' });
  });

  it('fontkit subsets still add glyphs through _addGlyph', () => {
    const font = fontkit.create(readFileSync(path.join(root, 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff')));
    const subset = font.createSubset() as unknown as { _addGlyph?: unknown };
    expect(typeof subset._addGlyph).toBe('function');
  });
});
