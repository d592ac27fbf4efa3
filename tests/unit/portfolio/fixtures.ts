import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { Intake } from '../../../electron/intake/intake';
import { bakePngItxt, makeBadgePng, makeOb2Assertion, makeOb3Credential, makeIssuerProfile, pngDataUrl } from '../../support/credentials';

/** Real normalised credentials (made by the factory, read by intake) and the poppler tools the tests check PDFs with. */

const intake = new Intake();
const encoder = new TextEncoder();

async function recognise(name: string, bytes: Uint8Array): Promise<NormalizedCredential> {
  const outcomes = await intake.inspect({ name, bytes });
  const first = outcomes[0];
  if (first?.outcome !== 'recognised') throw new Error(`intake did not recognise ${name}: ${JSON.stringify(outcomes)}`);
  return first.credential;
}

export interface TestCredential {
  readonly credential: NormalizedCredential;
  /** The URL its QR code must decode to, or undefined when it has no public link. */
  readonly expectedUrl: string | undefined;
}

const issuer = (name: string, id: string): ReturnType<typeof makeIssuerProfile> => makeIssuerProfile({ id, name, url: 'https://academy.example.org/' });

/**
 * OB 3.0 JSON, unsigned (the PDF prints what it is given; verification is another engine's),
 * normalised by intake. The badge image is a noise PNG unless `image` (PNG bytes) or
 * `imageDataUrl` (any data: URL) is given.
 */
export async function ob3(options: {
  seed: number;
  name: string;
  id: string;
  achievementId: string;
  issuerName: string;
  skills?: string[];
  image?: Uint8Array;
  imageDataUrl?: string;
  validUntil?: string;
}): Promise<NormalizedCredential> {
  const vc = makeOb3Credential({
    id: options.id,
    issuer: issuer(options.issuerName, `did:web:issuer${String(options.seed)}.example.org`),
    name: options.name,
    achievementName: options.name,
    achievementId: options.achievementId,
    image: options.imageDataUrl ?? pngDataUrl(options.image ?? makeBadgePng(20_000, options.seed)),
    creditsAvailable: 2,
    ...(options.skills ? { skills: options.skills.map((targetName) => ({ targetName, targetFramework: 'ESCO' })) } : {}),
    ...(options.validUntil ? { validUntil: options.validUntil } : {}),
  });
  return recognise(`credential-${String(options.seed)}.json`, encoder.encode(JSON.stringify(vc, null, 2)));
}

/** Seven credentials: Latin, Greek, Cyrillic, CJK, Arabic, Hebrew and emoji names, each kind of verification link and none. */
export async function unicodeCredentials(): Promise<TestCredential[]> {
  const latin = await ob3({
    seed: 1,
    name: 'Data Analysis with Python',
    id: 'https://badges.example.org/credentials/1001',
    achievementId: 'https://academy.example.org/achievements/data-analysis',
    issuerName: 'Example Academy',
    skills: ['Python', 'data analysis', 'statistics', 'pandas'],
    validUntil: '2027-09-01T00:00:00Z',
  });
  const { assertion } = makeOb2Assertion({
    assertionId: 'https://badges.example.org/assertions/greek-2002.json',
    badgeName: 'Πιστοποιητικό Ανάλυσης Δεδομένων',
    issuerName: 'Πανεπιστήμιο Αθηνών',
  });
  const greek = await recognise('greek.png', bakePngItxt(makeBadgePng(30_000, 2), 'openbadges', JSON.stringify(assertion)));
  const cyrillic = await ob3({
    seed: 3,
    name: 'Сертификат по анализу данных',
    id: 'urn:uuid:3a0e2b47-8f5c-4c4e-9a55-0d7f3b1a0003',
    achievementId: 'https://academy.example.org/achievements/cyrillic-data',
    issuerName: 'Московская школа данных',
    skills: ['анализ данных'],
  });
  const cjk = await ob3({
    seed: 4,
    name: '数据分析证书',
    id: 'urn:uuid:3a0e2b47-8f5c-4c4e-9a55-0d7f3b1a0004',
    achievementId: 'urn:uuid:3a0e2b47-8f5c-4c4e-9a55-0d7f3b1a1004',
    issuerName: '北京数据学院',
    skills: ['数据分析'],
  });
  const arabic = await ob3({
    seed: 5,
    name: 'شهادة تحليل البيانات',
    id: 'https://badges.example.org/credentials/5005',
    achievementId: 'urn:uuid:3a0e2b47-8f5c-4c4e-9a55-0d7f3b1a1005',
    issuerName: 'أكاديمية البيانات',
  });
  const hebrew = await ob3({
    seed: 6,
    name: 'תעודה בניתוח נתונים',
    id: 'https://badges.example.org/credentials/6006',
    achievementId: 'urn:uuid:3a0e2b47-8f5c-4c4e-9a55-0d7f3b1a1006',
    issuerName: 'האקדמיה לנתונים',
  });
  const emoji = await ob3({
    seed: 7,
    name: '🎓 Graduate Certificate in Machine Learning 🤖👩🏽‍💻',
    id: 'https://badges.example.org/credentials/7007',
    achievementId: 'urn:uuid:3a0e2b47-8f5c-4c4e-9a55-0d7f3b1a1007',
    issuerName: 'Example University 🏛️',
  });
  return [
    { credential: latin, expectedUrl: 'https://academy.example.org/achievements/data-analysis' },
    { credential: greek, expectedUrl: 'https://badges.example.org/assertions/greek-2002.json' },
    { credential: cyrillic, expectedUrl: 'https://academy.example.org/achievements/cyrillic-data' },
    { credential: cjk, expectedUrl: undefined },
    { credential: arabic, expectedUrl: 'https://badges.example.org/credentials/5005' },
    { credential: hebrew, expectedUrl: 'https://badges.example.org/credentials/6006' },
    { credential: emoji, expectedUrl: 'https://badges.example.org/credentials/7007' },
  ];
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'badgefolio-pdf-'));
}

export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export { decodeAllQr, renderPages, run } from '../../support/pdfTools';
