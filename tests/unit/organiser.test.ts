import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../shared/contract/channels';
import { pathwayProgress, pathwaySchema, type Organiser } from '../../shared/organiser';
import { buildPortfolioPdf } from '../../shared/portfolio';
import { dispatch } from '../../electron/core/dispatch';
import type { Handlers } from '../../electron/core/handlers';
import { saveIntoFolder, safeFileName } from '../../electron/core/savedFiles';
import { loadFontSet } from '../../electron/portfolio/fontFiles';
import { Vault } from '../../electron/vault/vault';
import {
  bakePngItxt,
  generateEd25519Issuer,
  makeBadgePng,
  makeClrCredential,
  makeIssuerProfile,
  makeOb2Assertion,
  makeOb3Credential,
  signDataIntegrity,
} from '../support/credentials';
import { harnessHandlers, testWalletSession } from '../support/testHandlers';
import { testKdf } from '../support/walletFixtures';

const passphrase = 'maple harbour 42 lantern';

function setUp() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'badgefolio-organiser-'));
  const downloads = path.join(folder, 'downloads');
  const handlers = harnessHandlers(testWalletSession(path.join(folder, 'wallet')), { saveFile: (name, bytes) => Promise.resolve(saveIntoFolder(downloads, name, bytes)) });
  return { folder, downloads, handlers };
}

/** Calls a channel through the contract (request and response validated) and fails the test on an error. */
async function call<K extends ChannelName>(handlers: Handlers, name: K, request: ChannelRequest<K>): Promise<ChannelResponse<K>> {
  const result = await dispatch(handlers, name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as ChannelResponse<K>;
}

async function refusal<K extends ChannelName>(handlers: Handlers, name: K, request: ChannelRequest<K>): Promise<string> {
  const result = await dispatch(handlers, name, request);
  if (result.ok) throw new Error(`${name} was expected to be refused`);
  return result.error.message;
}

describe('collections, pathways, exports and the profile photo, kept in the wallet', () => {
  let files: { name: string; bytes: Uint8Array }[];
  let clrFile: { name: string; bytes: Uint8Array };

  beforeAll(async () => {
    const issuer = await generateEd25519Issuer(new Uint8Array(32).fill(11));
    const profile = makeIssuerProfile({ id: issuer.did, name: 'Riverbank Technical College' });
    files = [];
    for (const [index, name] of ['SQL basics', 'Data visualisation', 'Statistics'].entries()) {
      const credential = await signDataIntegrity(
        makeOb3Credential({ issuer: profile, idSeed: 100 + index, achievementName: name, creditsAvailable: 2 + index, validFrom: '2025-01-01T00:00:00Z' }),
        issuer,
      );
      files.push({ name: `${name}.json`, bytes: new TextEncoder().encode(JSON.stringify(credential)) });
    }
    const { assertion } = makeOb2Assertion({ badgeName: 'Forklift safety' });
    files.push({ name: 'forklift.png', bytes: bakePngItxt(makeBadgePng(2_000, 4), 'openbadges', JSON.stringify(assertion)) });
    const clr = await makeClrCredential({ issuer, courseNames: ['Web basics', 'JavaScript'] });
    clrFile = { name: 'transcript.json', bytes: new TextEncoder().encode(JSON.stringify(clr.credential)) };
  });

  it('keeps collections and pathways encrypted across lock and unlock, and refuses bad ones', async () => {
    const { folder, handlers } = setUp();
    await call(handlers, 'createWallet', { passphrase, remember: false });
    await call(handlers, 'importFiles', { files });
    const { credentials } = await call(handlers, 'listCredentials', {});
    const idOf = (name: string) => credentials.find((c) => c.name === name)?.id ?? '';
    expect(credentials.find((c) => c.name === 'Statistics')?.credits).toEqual([{ value: 4, unit: expect.any(String) as string }]);

    let organiser = await call(handlers, 'saveCollection', { name: 'Data analyst applications', credentialIds: [idOf('SQL basics'), idOf('Statistics')] });
    expect(organiser.collections).toMatchObject([{ name: 'Data analyst applications', credentialIds: [idOf('SQL basics'), idOf('Statistics')] }]);
    expect(await refusal(handlers, 'saveCollection', { name: 'data analyst APPLICATIONS', credentialIds: [] })).toBe(
      'There is already a collection named "data analyst APPLICATIONS".',
    );
    expect(await refusal(handlers, 'saveCollection', { name: 'Other', credentialIds: ['ffffffffffff'] })).toBe('No credential with ID "ffffffffffff" in this wallet.');
    expect(await refusal(handlers, 'saveCollection', { name: '   ', credentialIds: [] })).toBe('Give it a name.');

    organiser = await call(handlers, 'savePathway', {
      name: 'Data analytics certificate',
      required: 2,
      steps: [{ title: 'SQL basics', credentialId: idOf('SQL basics') }, { title: 'Data visualisation', credentialId: idOf('Data visualisation') }, { title: 'Machine learning' }],
    });
    const pathway = organiser.pathways[0];
    if (!pathway) throw new Error('no pathway');
    const byId = new Map(credentials.map((c) => [c.id, c]));
    expect(pathwayProgress(pathway, byId)).toMatchObject({ done: 2, required: 2, complete: true, missing: [{ title: 'Machine learning' }] });
    expect(pathwayProgress(pathway, byId).credits).toEqual([{ unit: expect.any(String) as string, value: 5 }]);
    expect(await refusal(handlers, 'savePathway', { name: 'Too much', required: 3, steps: [{ title: 'One' }] })).toBe('A pathway cannot require more steps than it has.');

    // Nothing of it is readable on disk without the key.
    const documents = readdirSync(path.join(folder, 'wallet', 'documents'));
    expect(documents).toHaveLength(1);
    const sealed = readFileSync(path.join(folder, 'wallet', 'documents', documents[0] ?? ''));
    expect(sealed.includes(Buffer.from('Data analyst'))).toBe(false);

    await call(handlers, 'lockWallet', {});
    expect(await refusal(handlers, 'organiser', {})).toBe('The wallet is locked.');
    await call(handlers, 'unlockWallet', { passphrase, remember: false });
    const reread = await call(handlers, 'organiser', {});
    expect(reread).toEqual(organiser);

    // Removing a credential: the collection forgets it, the pathway step becomes missing.
    await call(handlers, 'removeCredential', { id: idOf('SQL basics') });
    const after = await call(handlers, 'organiser', {});
    expect(after.collections[0]?.credentialIds).toEqual([idOf('Statistics')]);
    expect(after.pathways[0]?.steps[0]).toEqual({ id: pathway.steps[0]?.id, title: 'SQL basics' });
    const left = new Map((await call(handlers, 'listCredentials', {})).credentials.map((c) => [c.id, c]));
    expect(pathwayProgress(after.pathways[0] ?? pathway, left)).toMatchObject({ done: 1, complete: false });

    organiser = await call(handlers, 'removeCollection', { id: after.collections[0]?.id ?? '' });
    expect(organiser.collections).toEqual([]);
  });

  it('derives a pathway from a CLR transcript, its courses already done', async () => {
    const { handlers } = setUp();
    await call(handlers, 'createWallet', { passphrase, remember: false });
    await call(handlers, 'importFiles', { files: [clrFile] });
    const { credentials } = await call(handlers, 'listCredentials', {});
    const transcript = credentials.find((c) => c.format === 'clr2');
    if (!transcript) throw new Error('no CLR');
    expect(transcript.childIds).toHaveLength(2);
    for (const child of credentials.filter((c) => c.format !== 'clr2')) expect(child.parentId).toBe(transcript.id);

    const organiser: Organiser = await call(handlers, 'pathwayFromClr', { id: transcript.id });
    const pathway = pathwaySchema.parse(organiser.pathways[0]);
    expect(pathway.fromClr).toBe(transcript.id);
    expect(pathway.steps.map((s) => s.title)).toEqual(['Web basics', 'JavaScript']);
    expect(pathwayProgress(pathway, new Map(credentials.map((c) => [c.id, c])))).toMatchObject({ done: 2, required: 2, complete: true });
    expect(await refusal(handlers, 'pathwayFromClr', { id: transcript.id })).toContain('There is already a pathway from');
    expect(await refusal(handlers, 'pathwayFromClr', { id: transcript.childIds[0] ?? '' })).toBe('Only a CLR transcript can become a pathway.');
  });

  it('exports: material with originals, a saved PDF logged for its recipient, the original saved byte for byte', async () => {
    const { downloads, handlers } = setUp();
    await call(handlers, 'createWallet', { passphrase, remember: false });
    await call(handlers, 'importFiles', { files });
    const { credentials } = await call(handlers, 'listCredentials', {});
    const ids = credentials.filter((c) => c.format === 'ob3').map((c) => c.id);

    const { entries } = await call(handlers, 'portfolioMaterial', { ids });
    expect(entries.map((e) => e.status)).toEqual(['verified', 'verified', 'verified']);
    // Who stands behind each key goes into the PDF with the verdict (these test keys: nothing confirms them).
    expect(entries.map((e) => e.issuerIdentity?.level)).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed']);
    expect(new TextDecoder().decode(entries[0]?.credential.original.bytes)).toBe(new TextDecoder().decode(files[0]?.bytes));

    // Signed by the wallet's holder key through the contract, as the export dialog does.
    const { did } = await call(handlers, 'holderIdentity', {});
    expect(did).toMatch(/^did:key:z6Mk/);
    expect((await call(handlers, 'holderIdentity', {})).did).toBe(did);
    expect(await refusal(handlers, 'signPresentation', { presentation: { type: ['VerifiableCredential'], holder: did } })).toBe(
      'Only a presentation can be signed with the holder key.',
    );
    expect(await refusal(handlers, 'signPresentation', { presentation: { type: ['VerifiablePresentation'], holder: 'did:key:z6Mkother' } })).toBe(
      'The presentation names a different holder than this wallet.',
    );
    const pdf = await buildPortfolioPdf({
      owner: { name: 'Amira Haddad' },
      credentials: entries.map((e) => ({ credential: e.credential, status: e.status, ...(e.statusSentence ? { statusSentence: e.statusSentence } : {}) })),
      options: {
        paper: 'a4',
        generatedAt: new Date('2026-11-01T00:00:00Z'),
        fonts: loadFontSet(),
        presentation: { holder: did, sign: (presentation) => call(handlers, 'signPresentation', { presentation }) },
      },
    });
    expect(await refusal(handlers, 'saveExport', { bytes: new Uint8Array(20), fileName: 'x.pdf', recipient: '', paper: 'a4', credentialIds: ids })).toBe('That is not a PDF.');
    const saved = await call(handlers, 'saveExport', { bytes: pdf, fileName: '../../Amira portfolio.pdf', recipient: 'Northwind Analytics', paper: 'a4', credentialIds: ids });
    expect(saved).toMatchObject({ saved: true, record: { recipient: 'Northwind Analytics', credentialNames: ['SQL basics', 'Data visualisation', 'Statistics'] } });
    expect(path.dirname(saved.fileName ?? '')).toBe(downloads);
    expect(readFileSync(saved.fileName ?? '').equals(Buffer.from(pdf))).toBe(true);
    const again = await call(handlers, 'saveExport', { bytes: pdf, fileName: 'Amira portfolio.pdf', recipient: 'Contoso', paper: 'letter', credentialIds: ids });
    expect(path.basename(again.fileName ?? '')).toBe('Amira portfolio (2).pdf');

    let organiser = await call(handlers, 'organiser', {});
    expect(organiser.exports.map((e) => e.recipient)).toEqual(['Contoso', 'Northwind Analytics']);
    organiser = await call(handlers, 'removeExportRecord', { id: organiser.exports[0]?.id ?? '' });
    expect(organiser.exports.map((e) => e.recipient)).toEqual(['Northwind Analytics']);
    organiser = await call(handlers, 'removeExportRecord', { id: null });
    expect(organiser.exports).toEqual([]);

    // The employer's side, in the app: the saved PDF checks out; a swapped attachment does not.
    const check = await call(handlers, 'checkPortfolioPdf', { bytes: pdf });
    expect(check).toMatchObject({ intact: true, owner: 'Amira Haddad' });
    expect(check.notes.join(' ')).toContain(did);
    expect(check.credentials.map((c) => [c.name, c.integrity, c.status])).toEqual([
      ['SQL basics', 'intact', 'verified'],
      ['Data visualisation', 'intact', 'verified'],
      ['Statistics', 'intact', 'verified'],
    ]);
    const swapped = await swapFirstAttachment(pdf, files[3]?.bytes ?? new Uint8Array());
    const swappedCheck = await call(handlers, 'checkPortfolioPdf', { bytes: swapped });
    expect(swappedCheck.intact).toBe(false);
    expect(swappedCheck.credentials[0]?.integrity).toBe('altered');
    expect(await refusal(handlers, 'checkPortfolioPdf', { bytes: new TextEncoder().encode('not a pdf') })).toContain('could not be read');

    const png = credentials.find((c) => c.format === 'ob2');
    // Card pictures come in one call; a picture already small travels as it is, a missing credential as null.
    const thumbnails = await call(handlers, 'credentialThumbnails', { ids: [png?.id ?? '', 'ffffffffffff'] });
    expect(thumbnails.images[0]?.mediaType).toBe('image/png');
    expect(Buffer.from(thumbnails.images[0]?.bytes ?? []).equals(Buffer.from(files[3]?.bytes ?? []))).toBe(true);
    expect(thumbnails.images[1]).toBeNull();
    const original = await call(handlers, 'saveOriginal', { id: png?.id ?? '' });
    expect(readFileSync(original.fileName ?? '').equals(Buffer.from(files[3]?.bytes ?? []))).toBe(true);
  });

  it('keeps a profile photo, refuses other files, and carries wallet documents through a backup', async () => {
    const { folder, handlers } = setUp();
    await call(handlers, 'createWallet', { passphrase, remember: false });
    const photo = makeBadgePng(1_000, 9);
    expect(await refusal(handlers, 'setProfilePhoto', { image: { mediaType: 'image/png', bytes: new TextEncoder().encode('<svg/>') } })).toBe(
      'The photo must be a PNG or JPEG image.',
    );
    await call(handlers, 'setProfilePhoto', { image: { mediaType: 'image/png', bytes: photo } });
    expect(Buffer.from((await call(handlers, 'profilePhoto', {})).image?.bytes ?? []).equals(Buffer.from(photo))).toBe(true);
    await call(handlers, 'importFiles', { files: files.slice(0, 1) });
    const id = (await call(handlers, 'listCredentials', {})).credentials[0]?.id ?? '';
    await call(handlers, 'saveCollection', { name: 'Applications', credentialIds: [id] });
    await call(handlers, 'lockWallet', {});

    const vault = await Vault.unlock(path.join(folder, 'wallet'), passphrase, { write: true });
    const backup = path.join(folder, 'wallet.bfbackup');
    await vault.exportBackup(backup, 'backup pass 9', testKdf);
    vault.lockWallet();
    const other = await Vault.create(path.join(folder, 'other'), 'other pass 7', testKdf);
    await other.restoreBackup(backup, 'backup pass 9');
    expect(JSON.parse(other.readDocument('organiser')?.toString('utf8') ?? '{}')).toMatchObject({ collections: [{ name: 'Applications', credentialIds: [id] }] });
    expect(other.readDocument('profile-photo')?.equals(Buffer.from(photo))).toBe(true);
    other.lockWallet();

    await call(handlers, 'unlockWallet', { passphrase, remember: false });
    await call(handlers, 'setProfilePhoto', { image: null });
    expect((await call(handlers, 'profilePhoto', {})).image).toBeNull();
  });

  it('lets the owner correct a self-reported certificate, never a signed credential', async () => {
    const { folder, handlers } = setUp();
    await call(handlers, 'createWallet', { passphrase, remember: false });
    // A plain picture is "not a credential" unless its owner keeps it as a certificate.
    await call(handlers, 'importFiles', {
      files: [{ name: 'first-aid certificate.png', bytes: makeBadgePng(1_500, 3), keepAsCertificate: true }, files[0] ?? { name: '', bytes: new Uint8Array() }],
    });
    const { credentials } = await call(handlers, 'listCredentials', {});
    const certificate = credentials.find((c) => c.selfReported);
    const signed = credentials.find((c) => !c.selfReported);
    if (!certificate || !signed) throw new Error('expected one of each');

    const edited = await call(handlers, 'editCredential', { id: certificate.id, name: 'First aid at work', issuerName: 'St John Ambulance', issuedOn: '2023-09-14' });
    expect(edited.credential).toMatchObject({ name: 'First aid at work', issuerName: 'St John Ambulance', issuedOn: '2023-09-14', selfReported: true });
    expect(await refusal(handlers, 'editCredential', { id: signed.id, name: 'Something else', issuerName: '', issuedOn: '' })).toBe(
      'Only a self-reported entry can be edited: a signed credential says what its issuer signed.',
    );
    expect(await refusal(handlers, 'editCredential', { id: certificate.id, name: 'x', issuerName: '', issuedOn: 'last spring' })).toContain('Invalid');

    // Kept through lock and unlock and a backup; the original file is untouched.
    await call(handlers, 'lockWallet', {});
    await call(handlers, 'unlockWallet', { passphrase, remember: false });
    const detail = await call(handlers, 'credentialDetail', { id: certificate.id });
    expect(detail.credential).toMatchObject({ name: 'First aid at work', issuer: { name: 'St John Ambulance' }, original: { fileName: 'first-aid certificate.png' } });
    await call(handlers, 'lockWallet', {});
    const vault = await Vault.unlock(path.join(folder, 'wallet'), passphrase, { write: true });
    const backup = path.join(folder, 'edits.bfbackup');
    await vault.exportBackup(backup, 'backup pass 9', testKdf);
    vault.lockWallet();
    const other = await Vault.create(path.join(folder, 'restored'), 'other pass 7', testKdf);
    await other.restoreBackup(backup, 'backup pass 9');
    expect(other.list().find((entry) => entry.credential.selfReported === true)?.credential).toMatchObject({ name: 'First aid at work', issuedOn: '2023-09-14' });
    other.lockWallet();

    // Clearing a correction goes back to what intake read from the file.
    await call(handlers, 'unlockWallet', { passphrase, remember: false });
    const reverted = await call(handlers, 'editCredential', { id: certificate.id, name: 'First aid at work', issuerName: '', issuedOn: '' });
    expect(reverted.credential.issuerName).toBe(certificate.issuerName);
    expect(reverted.credential.issuedOn).toBe(certificate.issuedOn);
  });

  it('makes suggested file names safe', () => {
    expect(safeFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(safeFileName('a<b>c:d|e?.pdf', 'x')).toBe('a_b_c_d_e_.pdf');
    expect(safeFileName('CON', 'fallback.pdf')).toBe('fallback.pdf');
    expect(safeFileName('...', 'fallback.pdf')).toBe('fallback.pdf');
  });
});

/** Replaces the bytes of the PDF's first embedded file, leaving the manifest as it was. */
async function swapFirstAttachment(pdf: Uint8Array, replacement: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf);
  const { PDFName, PDFDict, PDFArray, PDFRawStream } = await import('pdf-lib');
  const names = document.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const spec = names.lookup(1, PDFDict);
  const fileRef = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F'));
  const stream = PDFRawStream.of(document.context.obj({ Type: 'EmbeddedFile', Length: replacement.length }), replacement);
  document.context.assign(fileRef as never, stream);
  return document.save({ useObjectStreams: false });
}
