import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bakePngItxt, makeBadgePng, makeOb2Assertion } from '../support/credentials';

/**
 * Deterministic workloads, generated once per machine and reused: the same seed always
 * gives the same bytes, so runs on different days compare like with like.
 */
const cacheRoot = path.join(os.tmpdir(), 'badgefolio-bench');

/** `count` distinct OB 2.0 assertions, each baked (iTXt `openbadges`) into a ~100 KB PNG. */
export function bakedPngBadges(count: number): string[] {
  const folder = path.join(cacheRoot, `baked-png-v1-${String(count)}`);
  if (existsSync(folder) && readdirSync(folder).length === count) {
    return readdirSync(folder)
      .sort()
      .map((name) => path.join(folder, name));
  }
  mkdirSync(folder, { recursive: true });
  // 20 distinct artworks (encoding noise PNGs is the slow part), 1000 distinct assertions.
  const artworks = Array.from({ length: Math.min(20, count) }, (_, i) => makeBadgePng(100_000, i + 1));
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const { assertion } = makeOb2Assertion({
      assertionId: `https://badges.example.org/assertions/${String(i).padStart(5, '0')}.json`,
      badgeName: `Workshop ${String(i)}: Data analysis with Python`,
      recipientEmail: `learner${String(i)}@example.com`,
    });
    const file = path.join(folder, `badge-${String(i).padStart(5, '0')}.png`);
    writeFileSync(file, bakePngItxt(artworks[i % artworks.length] ?? new Uint8Array(), 'openbadges', JSON.stringify(assertion)));
    files.push(file);
  }
  return files;
}
