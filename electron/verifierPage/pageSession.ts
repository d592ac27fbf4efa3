import type { CheckedCredential, PageAttachment, PageFetch, PagePdf, VerifierFailure, VerifierRequest, VerifierResponse } from '../../shared/contract/verifierPage';
import type { NormalizedCredential } from '../../shared/credential/model';
import { FragmentError } from '../../shared/portfolio/verifierFragment';
import { Intake } from '../intake/intake';
import { fillInCredential, type Obtain } from '../intake/linkedDocuments';
import { defaultIntakeLimits, MalformedInputError } from '../intake/limits';
import { fragmentCredentialBytes } from '../portfolio/cborldFragment';
import { credentialName, readPortfolioPdf } from '../portfolio/readPortfolioPdf';
import type { LocalDocument } from '../verify/documents';
import { createVerifier, type Verifier } from '../verify/verifier';
import { safeFetch, takeFetchLog } from './browser/browserFetch';

/**
 * What the verifier page's worker does with one request: the same steps as the app and the
 * CLI, on the same code. A link's credential bytes (or a dropped file) go through intake's
 * recognition, then each credential through the verification engine with the network allowed
 * (the page has no other way to reach an issuer's key or status list); a PDF goes through
 * readPortfolioPdf, the code behind `badgefolio verify-pdf`, manifest and all.
 *
 * `takeFetchLog` reads the page's fetcher: the build swaps electron/verify/safeFetch.ts
 * for browser/browserFetch.ts, so the engine's fetches and this log are one module.
 */
const isPdf = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

export class PageSession {
  private verifier: Verifier = createVerifier({ network: 'allowed' });
  /** What filling in fetched for this request: the checks read it from here rather than fetching it again. */
  private obtained = new Map<string, LocalDocument>();

  async handle(request: VerifierRequest): Promise<VerifierResponse> {
    // A fresh verifier per request: its fetch cache then holds only this request's documents, so
    // every document a check used is fetched, and listed, for the credential shown.
    const obtained = new Map<string, LocalDocument>();
    this.obtained = obtained;
    this.verifier = createVerifier({ network: 'allowed', documents: { lookup: (url) => obtained.get(url) } });
    takeFetchLog();
    try {
      if (request.kind === 'link') {
        let bytes: Uint8Array;
        try {
          // `z`: the original bytes; `c`: the CBOR-LD credential decoded with the bundled contexts, as JSON.
          ({ bytes } = await fragmentCredentialBytes(request.fragment));
        } catch (error) {
          if (error instanceof FragmentError) return this.failed(request.id, error.reason);
          throw error;
        }
        return await this.checkFile(request.id, 'credential', bytes);
      }
      if (isPdf(request.bytes)) return await this.checkPdf(request.id, request.bytes, request.name);
      return await this.checkFile(request.id, request.name, request.bytes);
    } catch (error) {
      return this.failed(request.id, error instanceof MalformedInputError ? 'not-a-credential' : 'engine-failed', error instanceof Error ? error.message : String(error));
    }
  }

  private failed(id: number, reason: VerifierFailure, detail?: string): VerifierResponse {
    return { kind: 'failed', id, reason, ...(detail === undefined ? {} : { detail }), fetches: this.fetches() };
  }

  private fetches(): PageFetch[] {
    return takeFetchLog().map((entry) => ({ url: entry.url, outcome: entry.outcome, ...(entry.status === undefined ? {} : { status: entry.status }) }));
  }

  /**
   * What the credential links to, as the app and `badgefolio verify` fill it in (an Open Badges
   * 2.0 badge's name and issuer live at its issuer): no pictures, which the page does not show.
   */
  private readonly obtain: Obtain = async (url, role) => {
    try {
      // Documents only (no pictures are asked for): JSON, as the engine's own fetches ask.
      const answer = await safeFetch(url);
      if (answer.status !== 200 && answer.status !== 410) return { ok: false, url, role, reason: 'failed', message: `${url} answered ${String(answer.status)}.` };
      this.obtained.set(url, { body: answer.body, status: answer.status, origin: 'network', fetchedAt: answer.fetchedAt });
      return { ok: true, url, role, status: answer.status, origin: 'network', fetchedAt: answer.fetchedAt, body: new TextEncoder().encode(answer.body) };
    } catch (error) {
      return { ok: false, url, role, reason: 'failed', message: `${url} could not be fetched: ${error instanceof Error ? error.message : String(error)}` };
    }
  };

  private async verifyAll(credentials: readonly NormalizedCredential[]): Promise<CheckedCredential[]> {
    const checked: CheckedCredential[] = [];
    for (const found of credentials) {
      const credential = await fillInCredential(found, this.obtain, { pictures: false });
      checked.push({ credential, report: await this.verifier.verify(credential) });
    }
    return checked;
  }

  private async checkFile(id: number, name: string, bytes: Uint8Array): Promise<VerifierResponse> {
    const outcomes = await new Intake(defaultIntakeLimits).inspect({ name, bytes });
    const recognised = outcomes.flatMap((o) => (o.outcome === 'recognised' ? [o.credential] : []));
    if (recognised.length === 0) {
      const refusal = outcomes.flatMap((o) => (o.outcome === 'recognised' ? [] : [o]))[0];
      // A credential intake found but cannot read is damaged (the CLI's "malformed"); anything else is no credential.
      return this.failed(id, refusal?.outcome === 'malformed' ? 'malformed-credential' : 'not-a-credential', refusal?.reason);
    }
    return { kind: 'checked', id, credentials: await this.verifyAll(recognised), fetches: this.fetches() };
  }

  private async checkPdf(id: number, bytes: Uint8Array, name: string): Promise<VerifierResponse> {
    let report;
    try {
      report = await readPortfolioPdf(bytes, { verify: (credential) => this.verifier.verify(credential) });
    } catch (error) {
      if (error instanceof MalformedInputError) return this.failed(id, 'unreadable-pdf', error.message);
      throw error;
    }
    // A PDF with no attachments is a certificate, not a portfolio: read it as the app would.
    if (report.credentials.length === 0 && report.manifest === undefined) return this.checkFile(id, name, bytes);
    const attachments: PageAttachment[] = report.credentials.map((item) => ({
      file: item.file,
      integrity: item.integrity,
      ...(item.listed ? { listedName: item.listed.name } : {}),
      ...(item.sha256 === undefined ? {} : { sha256: item.sha256 }),
      // readPortfolioPdf verifies each recognised credential in order: report i is credential i's.
      credentials: item.credentials.flatMap((credential, index) => {
        const verification = item.verification[index];
        return verification ? [{ credential: { ...credential, name: credentialName(item, index) ?? credential.name }, report: verification }] : [];
      }),
      ...(item.unrecognised === undefined ? {} : { unrecognised: item.unrecognised }),
    }));
    const pdf: PagePdf = {
      intact: report.intact,
      hasManifest: report.manifest !== undefined,
      ...(report.manifest?.owner ? { owner: report.manifest.owner } : {}),
      attachments,
      notes: report.noteMessages,
    };
    return { kind: 'checked', id, credentials: [], pdf, fetches: this.fetches() };
  }
}
