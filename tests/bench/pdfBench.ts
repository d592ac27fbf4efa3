import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { NormalizedCredential } from '../../shared/credential/model';
import { buildPortfolioPdf } from '../../shared/portfolio/portfolioPdf';
import type { PortfolioEntry } from '../../shared/portfolio/types';
import { loadFontSet } from '../../electron/portfolio/fontFiles';
import { prepareImageNode } from '../../electron/portfolio/prepareImage';
import { seededBytes } from '../support/credentials';
import { durations, median, MemoryPeak, type Figure } from './measure';

/**
 * Issue "Portfolio PDFs for job applications": a 100-credential portfolio with images builds
 * in at most 2 s and weighs at most 4 MB.
 *
 * Workload: 100 OB 3.0 credentials (JSON originals, attached byte for byte) with badge artwork
 * of 50-100 KB each (400x400 PNGs with transparency, gradients and grain, as issuers' badges
 * are), 80 distinct images and 20 repeats (series badges share artwork). Timed: the whole
 * export from credentials in memory (as the vault holds them) to PDF bytes: fonts subset,
 * images downscaled and deduplicated, QR codes, attachments, manifest. The floor peer is the
 * raw cost of reading the same JSON and image files from disk.
 */

const cacheRoot = path.join(os.tmpdir(), 'badgefolio-bench');

/** Badge artwork: a shaded disc with a ring and stripes on transparency, grain to reach real-world sizes. */
function badgeArtwork(seed: number, side = 400): Uint8Array {
  const png = new PNG({ width: side, height: side, colorType: 6 });
  const grain = seededBytes(side * side, seed);
  const hue = (seed * 47) % 360;
  const [r0, g0, b0] = hsl(hue, 0.55, 0.42);
  const [r1, g1, b1] = hsl((hue + 40) % 360, 0.6, 0.7);
  const c = side / 2;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const i = (y * side + x) * 4;
      const d = Math.hypot(x - c, y - c) / c;
      const noise = ((grain[y * side + x] ?? 0) % 5) - 2;
      if (d > 0.98) {
        png.data.fill(0, i, i + 4);
        continue;
      }
      const t = Math.min(1, d);
      const ring = d > 0.84 && d < 0.9 ? 0.35 : 1;
      const stripe = Math.floor((x + y + seed) / 24) % 2 === 0 && d < 0.6 ? 0.85 : 1;
      png.data[i] = clamp((r0 + (r1 - r0) * t) * ring * stripe + noise);
      png.data[i + 1] = clamp((g0 + (g1 - g0) * t) * ring * stripe + noise);
      png.data[i + 2] = clamp((b0 + (b1 - b0) * t) * ring * stripe + noise);
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png, { colorType: 6 }));
}

const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)));
  return [f(0), f(8), f(4)];
}

interface Workload {
  readonly folder: string;
  readonly json: string[];
  readonly images: string[];
}

function workload(count: number): Workload {
  const folder = path.join(cacheRoot, `portfolio-v2-${String(count)}`);
  const jsonPath = (i: number): string => path.join(folder, `credential-${String(i).padStart(3, '0')}.json`);
  const imagePath = (i: number): string => path.join(folder, `image-${String(i % Math.ceil(count * 0.8)).padStart(3, '0')}.png`);
  const list = { folder, json: Array.from({ length: count }, (_, i) => jsonPath(i)), images: Array.from({ length: count }, (_, i) => imagePath(i)) };
  if (existsSync(folder) && readdirSync(folder).length >= count + Math.ceil(count * 0.8)) return list;
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    if (!existsSync(imagePath(i))) writeFileSync(imagePath(i), badgeArtwork((i % Math.ceil(count * 0.8)) + 1));
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `https://badges.example.org/credentials/${String(10_000 + i)}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `https://issuer${String(i % 12)}.example.org/`, type: ['Profile'], name: `Example Institute ${String(i % 12)}` },
      name: `Workshop ${String(i + 1)}: Data analysis with Python and SQL`,
      validFrom: `2024-${String((i % 12) + 1).padStart(2, '0')}-15T09:00:00Z`,
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: `https://issuer${String(i % 12)}.example.org/achievements/${String(i)}`,
          type: ['Achievement'],
          name: `Workshop ${String(i + 1)}: Data analysis with Python and SQL`,
          description: 'A six-week, project-based workshop: cleaning, exploring and presenting a real public data set.',
          criteria: { narrative: 'Completed six graded assignments and a final project reviewed by two instructors, with a score of at least 80%.' },
        },
      },
    };
    writeFileSync(jsonPath(i), JSON.stringify(credential, null, 2));
  }
  return list;
}

function normalised(i: number, json: Uint8Array, image: Uint8Array): NormalizedCredential {
  const parsed = JSON.parse(new TextDecoder().decode(json)) as { id: string; name: string; validFrom: string; issuer: { name: string; id: string } };
  return {
    identity: parsed.id,
    contentHash: String(i),
    format: 'ob3',
    container: 'json',
    kind: 'badge',
    types: ['VerifiableCredential', 'OpenBadgeCredential'],
    id: parsed.id,
    name: parsed.name,
    description: 'A six-week, project-based workshop: cleaning, exploring and presenting a real public data set.',
    image: { mediaType: 'image/png', bytes: image },
    issuer: { id: parsed.issuer.id, name: parsed.issuer.name, url: parsed.issuer.id },
    issuedOn: parsed.validFrom,
    criteria: { narrative: 'Completed six graded assignments and a final project reviewed by two instructors, with a score of at least 80%.' },
    evidence: [{ id: `https://github.com/learner/workshop-${String(i)}`, name: 'Final project repository' }],
    skills: ['Python', 'SQL', 'data cleaning', 'data visualisation', `topic ${String(i % 9)}`].map((name) => ({ name })),
    credits: [{ value: 1.5, unit: 'ECTS' }],
    endorsements: [],
    tags: [],
    childIdentities: [],
    associations: [],
    verification: { signature: 'data-integrity', keyRefs: [], proofTypes: ['DataIntegrityProof'], statusEntries: [], links: [parsed.id] },
    selfReported: false,
    original: { fileName: `credential-${String(i)}.json`, mediaType: 'application/json', bytes: json, payload: new TextDecoder().decode(json) },
    notes: [],
  };
}

/** Portfolios of 10 and 100 credentials: how the cost grows; the targets are for 100. */
export async function pdfBench(quick: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const count of [10, 100]) figures.push(...(await pdfFigures(count, quick)));
  return figures;
}

async function pdfFigures(count: number, quick: boolean): Promise<Figure[]> {
  const targeted = count === 100;
  const runs = quick ? 1 : 5;
  const files = workload(count);
  const fonts = loadFontSet();
  const entries: PortfolioEntry[] = files.json.map((file, i) => ({
    credential: normalised(i, new Uint8Array(readFileSync(file)), new Uint8Array(readFileSync(files.images[i] ?? ''))),
    status: i % 10 === 0 ? 'expired' : 'verified',
    checkedAt: '2025-03-01T09:00:00Z',
  }));
  let size = 0;
  const build = async (): Promise<void> => {
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Ana Sofía Pérez', headline: 'Data analyst', email: 'ana@example.org', website: 'https://ana.example.org/' },
      credentials: entries,
      options: { paper: 'a4', generatedAt: new Date('2025-03-01T10:00:00Z'), fonts, prepareImage: prepareImageNode },
    });
    size = pdf.length;
  };
  const readFloor = (): Promise<void> => {
    let total = 0;
    for (const [i, file] of files.json.entries()) total += readFileSync(file).length + readFileSync(files.images[i] ?? '').length;
    if (total === 0) throw new Error('nothing read');
    return Promise.resolve();
  };
  const memory = new MemoryPeak();
  const ours = await durations(runs, build);
  const floor = await durations(runs, readFloor);
  const peak = memory.stop();
  const inputBytes = entries.reduce((sum, e) => sum + e.credential.original.bytes.length + (e.credential.image?.bytes?.length ?? 0), 0);
  const distinctImageBytes = [...new Set(files.images)].reduce((sum, file) => sum + readFileSync(file).length, 0);
  return [
    {
      suite: 'pdf',
      name: `build a ${String(count)}-credential portfolio PDF with images`,
      unit: 'ms',
      median: median(ours),
      min: Math.min(...ours),
      max: Math.max(...ours),
      runs,
      better: 'lower',
      ...(targeted ? { target: { value: 2000, text: '≤ 2 s' } } : {}),
      peer: { name: 'reading the same JSON and images from disk', median: median(floor), ratio: median(ours) / median(floor) },
      peakRssMb: peak,
      note: `one core, fonts already read; ${String(count)} credentials, ${String(new Set(files.images).size)} distinct 400x400 PNG badges (${(distinctImageBytes / 1024 / new Set(files.images).size).toFixed(0)} KB average), decoded and downscaled to 192 px once each (deduplicated), re-encoded as JPEG (Badgefolio's baseline encoder, 4:2:0); originals attached byte for byte`,
    },
    {
      suite: 'pdf',
      name: `size of the ${String(count)}-credential portfolio PDF`,
      unit: 'MB',
      median: size / (1024 * 1024),
      min: size / (1024 * 1024),
      max: size / (1024 * 1024),
      runs: 1,
      better: 'lower',
      ...(targeted ? { target: { value: 4, text: '≤ 4 MB' } } : {}),
      peer: { name: 'the input credentials and images', median: inputBytes / (1024 * 1024), ratio: size / inputBytes },
      peakRssMb: peak,
      note: 'pages, subset Noto fonts, vector QR codes, one embedded image per distinct artwork, every original JSON attached',
    },
  ];
}
