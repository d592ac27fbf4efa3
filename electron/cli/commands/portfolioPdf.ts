import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { summaryIn } from '../../../shared/credential/verificationMessages';
import type { IssuerIdentity, VerificationReport } from '../../../shared/credential/verification';
import { buildPortfolioPdf, type OwnerProfile, type PortfolioEntry } from '../../../shared/portfolio';
import { verifierBase } from '../../../shared/portfolio/verificationLink';
import { openFilePreferences } from '../../core/filePreferences';
import { defaultVerifierUrl } from '../../core/verifierUrl';
import { readPreferences } from '../../core/preferences';
import { loadFontSet } from '../../portfolio/fontFiles';
import { HolderKeyError, presentationSigner, readHolderKey } from '../../portfolio/holderSignature';
import { prepareImageNode } from '../../portfolio/prepareImage';
import { entryLinkSentence, linkContradicts } from '../../portfolio/pdfEntryLinks';
import { credentialName, readPortfolioPdf } from '../../portfolio/readPortfolioPdf';
import { writeFileAtomic } from '../../vault/atomicFile';
import { readOrganiser } from '../../core/organiserStore';
import { Vault, VaultError } from '../../vault/vault';
import { WrongPassphraseError } from '../../vault/walletHeader';
import { WalletBusyError } from '../../vault/writerLock';
import { RegistryFormatError } from '../../verify/issuerRegistries';
import { verifierFromConfig, type PoolConfig } from '../../verify/poolConfig';
import type { Verifier } from '../../verify/verifier';
import { MalformedInputError } from '../../intake/limits';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { networkOptions, networkOptionsHelp, networkUse } from '../networkOption';
import { readPassphrase } from '../passphrase';
import { renderTable } from '../table';
import { exportPdfWords } from '../exportPdfWords';
import { pdfCheckWords } from '../pdfCheckWords';
import { savedLanguage } from '../savedLanguage';
import { parseCommand, walletFolder, walletOptions, walletOptionsHelp } from '../vaultOptions';
import { withLinkFragments } from '../../portfolio/cborldFragment';

/** Network and clock options shared by the commands that verify. */
const verifyOptions = {
  ...networkOptions,
  now: { type: 'string' },
  documents: { type: 'string', multiple: true },
  registry: { type: 'string', multiple: true },
} as const;

const registryHelp = `  --registry FILE    a known-issuer registry of your own (see "badgefolio help verify"),
                     consulted before the bundled DCC registries; may be given more than once`;

function verifierConfig(
  values: { offline?: boolean; online?: boolean; vault?: string | undefined; now?: string | undefined; documents?: string[] | undefined; registry?: string[] | undefined },
  io: CliIo,
  emails: readonly string[],
): PoolConfig {
  let now: string | undefined;
  if (values.now !== undefined) {
    const date = new Date(values.now);
    if (Number.isNaN(date.getTime())) throw new UsageError((w) => w.nowIso);
    now = date.toISOString();
  }
  return {
    network: networkUse(values, io),
    ...(now ? { now } : {}),
    ownerEmails: emails,
    documentsMapFiles: (values.documents ?? []).map((file) => path.resolve(io.cwd, file)),
    registryFiles: (values.registry ?? []).map((file) => path.resolve(io.cwd, file)),
    allowPrivateNetworkForTests: io.env.BADGEFOLIO_TEST_ALLOW_PRIVATE_NETWORK === '1',
  };
}

/** The verifier for a command; a registry file that is not one is a usage error. */
function verifierFor(config: PoolConfig): Verifier {
  try {
    return verifierFromConfig(config);
  } catch (error) {
    if (error instanceof RegistryFormatError) throw new UsageError((w) => w.registry(error.message));
    throw error;
  }
}

/** What verify-pdf --json says of who stands behind a credential's key. */
function identityJson(identity: IssuerIdentity): Pick<IssuerIdentity, 'level' | 'name' | 'source' | 'asOf' | 'test' | 'sentence'> {
  return { level: identity.level, name: identity.name, source: identity.source, asOf: identity.asOf, ...(identity.test ? { test: true } : {}), sentence: identity.sentence };
}

function ownerFrom(folder: string): { owner: OwnerProfile; emails: string[]; verifierUrl: string | undefined } {
  const { profile, verifierUrl } = readPreferences(openFilePreferences(folder));
  const owner: OwnerProfile = {
    name: profile.name,
    ...(profile.headline ? { headline: profile.headline } : {}),
    ...(profile.emails[0] ? { email: profile.emails[0] } : {}),
    ...(profile.phone ? { phone: profile.phone } : {}),
    ...(profile.website ? { website: profile.website } : {}),
    ...(profile.location ? { location: profile.location } : {}),
    ...(profile.about ? { about: profile.about } : {}),
    links: profile.links,
  };
  return { owner, emails: profile.emails, verifierUrl };
}

/**
 * The verifier page every entry links to: --verifier-url, else the one chosen in Settings, else
 * the project's published one (package.json). Only an https address: the link carries the
 * credential, and an employer's browser opens it.
 */
function verifierPage(option: string | undefined, setting: string | undefined): string | undefined {
  if (option !== undefined) {
    const base = verifierBase(option);
    if (base === undefined) throw new UsageError((w) => w.verifierUrl);
    return base;
  }
  return verifierBase(setting) ?? defaultVerifierUrl();
}

export const exportPdfCommand: CliCommand = {
  name: 'export-pdf',
  help: `Usage: badgefolio export-pdf --out FILE.pdf [--ids id,...|--collection NAME] [--paper a4|letter]
                            [--for NAME] [--language en|de] [--verifier-url URL] [--sign KEYFILE]
                            [--offline|--online]
                            [--registry FILE] [--vault DIR]

Builds a portfolio PDF: a cover with your profile, then one entry per credential with its
verification status (checked now) and what confirms its issuer, a verification link (the
verifier page with the credential in the link: nothing is uploaded, and it never expires) and a
QR code, and the original signed credential attached byte for byte so an employer can check it.

  --ids id,...       only these credentials, in this order (IDs from "badgefolio list")
  --collection NAME  only the credentials of a collection
  --paper a4|letter  paper size (default a4)
  --for NAME         who the portfolio is for, printed on the cover ("Acme Ltd, hiring team")
  --language en|de   the language of the PDF's headings, labels and verdicts, and of what this
                     command prints (default: the app's language setting); credentials print
                     as their issuers wrote them
  --verifier-url URL the verifier page each entry links to, with the credential in the link
                     (https only; default: the one in Settings, else Badgefolio's published
                     page); the QR code carries the same link where it stays readable
  --sign KEYFILE     also attach a presentation of the whole set signed with your Ed25519 key
                     (PKCS#8 PEM, e.g. from "openssl genpkey -algorithm ed25519", or a private
                     JWK): it names you by the key's did:key and covers every attached file
${networkOptionsHelp}
  --now ISO          check dates as of this moment
  --documents MAP    pre-fetched documents (see "badgefolio help verify")
${registryHelp}
${walletOptionsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, {
      ...walletOptions,
      ...verifyOptions,
      out: { type: 'string' },
      ids: { type: 'string' },
      collection: { type: 'string' },
      paper: { type: 'string', default: 'a4' },
      for: { type: 'string' },
      language: { type: 'string' },
      'verifier-url': { type: 'string' },
      sign: { type: 'string' },
    });
    if (!values.out || positionals.length > 0) throw new UsageError((w) => w.pdfOut);
    if (values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError((w) => w.paper);
    if (values.ids && values.collection) throw new UsageError((w) => w.idsOrCollection);
    if (values.language !== undefined && values.language !== 'en' && values.language !== 'de') throw new UsageError((w) => w.languageIs);
    // Checked before the passphrase is asked for: a wrong address should not cost one.
    if (values['verifier-url'] !== undefined) verifierPage(values['verifier-url'], undefined);
    const folder = walletFolder(values.vault, io);
    // The PDF's language, and its console lines'.
    const language = values.language ?? savedLanguage(folder);
    const say = exportPdfWords(language);
    let holderKey: KeyObject | undefined;
    if (values.sign !== undefined) {
      // Read before the wallet is opened: a wrong key file should not cost a passphrase.
      let contents: string;
      try {
        contents = readFileSync(path.resolve(io.cwd, values.sign), 'utf8');
      } catch {
        io.stderr(`${say.keyUnreadable(values.sign)}\n`);
        return 1;
      }
      try {
        holderKey = readHolderKey(contents);
      } catch (error) {
        if (!(error instanceof HolderKeyError)) throw error;
        io.stderr(`${values.sign}: ${error.message}\n`);
        return 1;
      }
    }
    try {
      if (!Vault.exists(folder)) throw new VaultError(say.noWallet(folder));
      const passphrase = await readPassphrase({ file: values['passphrase-file'], envName: 'BADGEFOLIO_PASSPHRASE', prompt: 'Passphrase' }, io);
      const wallet = await Vault.unlock(folder, passphrase);
      let credentials: NormalizedCredential[];
      let chosen: string[] | undefined;
      try {
        if (values.collection) {
          // Collections are made in the app and kept, encrypted, in the wallet; names match regardless of case.
          const wanted = values.collection.trim().toLowerCase();
          const collection = readOrganiser(wallet).collections.find((c) => c.name.toLowerCase() === wanted);
          if (!collection) throw new VaultError(say.noCollection(values.collection));
          chosen = collection.credentialIds;
        } else if (values.ids)
          chosen = values.ids
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean);
        const ids = chosen ?? wallet.list().map((entry) => entry.id);
        credentials = ids.map((id) => {
          const credential = wallet.get(id);
          if (!credential) throw new VaultError(say.noCredential(id));
          return credential;
        });
      } finally {
        wallet.lockWallet();
      }
      // A chosen set keeps its order (the collection's, or the --ids given); the whole wallet goes newest first.
      if (!chosen) credentials.sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? ''));
      if (credentials.length === 0) {
        io.stderr(`${values.collection ? say.emptyCollection(values.collection) : say.emptyWallet}\n`);
        return 1;
      }
      const { owner, emails, verifierUrl: verifierSetting } = ownerFrom(folder);
      const verifierUrl = verifierPage(values['verifier-url'], verifierSetting);
      const verifier = verifierFor(verifierConfig(values, io, emails));
      const entries: PortfolioEntry[] = [];
      for (const credential of credentials) {
        const report = await verifier.verify(credential);
        entries.push({
          credential,
          status: report.status,
          statusSentence: summaryIn(report, language),
          checkedAt: report.checkedAt,
          ...(report.issuerIdentity ? { issuerIdentity: report.issuerIdentity } : {}),
        });
      }
      const generatedAt = new Date();
      const signer = holderKey ? presentationSigner(holderKey, { issuedAt: generatedAt }) : undefined;
      const pdf = await buildPortfolioPdf({
        owner,
        // Links in CBOR-LD where shorter (checked to round-trip); only links to the verifier page carry fragments.
        credentials: verifierUrl === undefined ? entries : await withLinkFragments(entries),
        options: {
          paper: values.paper,
          generatedAt,
          language,
          locale: language === 'de' ? 'de-DE' : 'en-GB',
          fonts: loadFontSet(),
          prepareImage: prepareImageNode,
          ...(values.for ? { recipientName: values.for } : {}),
          ...(verifierUrl === undefined ? {} : { verifierUrl }),
          ...(signer ? { presentation: signer } : {}),
        },
      });
      const out = path.resolve(io.cwd, values.out);
      writeFileAtomic(out, pdf);
      const counts = new Map<string, number>();
      for (const entry of entries) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
      io.stdout(`${say.wrote(out, entries.length, [...counts], pdf.length)}\n`);
      if (signer) io.stdout(`${say.signedBy(signer.holder)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof WrongPassphraseError || error instanceof VaultError || error instanceof WalletBusyError) {
        io.stderr(`${error instanceof WrongPassphraseError ? say.wrongPassphrase : error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

export const verifyPdfCommand: CliCommand = {
  name: 'verify-pdf',
  help: `Usage: badgefolio verify-pdf FILE.pdf [--json] [--language en|de] [--offline|--online] [--now ISO] [--documents MAP] [--registry FILE]

The employer's side: extracts every credential attached to a portfolio PDF, verifies
each one, and checks the attachments against the PDF's manifest.

  --json          the report as JSON (codes and English sentences, for scripts)
  --language en|de  the language of the report (default: the app's language setting)
${networkOptionsHelp}
  --now ISO       check dates as of this moment
  --documents MAP pre-fetched documents (see "badgefolio help verify")
${registryHelp}

Each credential's ISSUER says who stands behind its signing key: listed in a registry (which),
key published at a web domain (which: judge whether it is the issuer's), or not confirmed
(the issuer's name is only the signer's own claim); --json gives it as issuerIdentity
{level, name, source, asOf}.

Each entry's verification link is read back and compared with its attached file: --json gives
it as link (matches-attachment, differs-from-attachment, unreadable, issuer-hosted,
verifier-page, other, none) with a linkSentence; a link that differs is reported.

Exit code: 0 when every attachment is intact, every credential verified and no link differs
from its attachment, 1 otherwise.`,
  async run(args, io) {
    const { values, positionals } = parseCommand(args, { json: { type: 'boolean', default: false }, language: { type: 'string' }, ...verifyOptions });
    if (values.language !== undefined && values.language !== 'en' && values.language !== 'de') throw new UsageError((w) => w.languageIs);
    const words = pdfCheckWords(values.language ?? savedLanguage(walletFolder(undefined, io)));
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError((w) => w.onePdf);
    const verifier = verifierFor(verifierConfig(values, io, []));
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.resolve(io.cwd, file));
    } catch {
      io.stderr(`${file} could not be read.\n`);
      return 1;
    }
    let report;
    try {
      report = await readPortfolioPdf(bytes, { verify: (credential) => verifier.verify(credential) });
    } catch (error) {
      if (error instanceof MalformedInputError) {
        io.stderr(`${file}: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    // Each row's report, for its summary in the reader's language (the JSON keeps the English one).
    const reportOf = new Map<object, VerificationReport>();
    const rows = report.credentials.flatMap((item) => {
      const reports: (VerificationReport | undefined)[] = item.verification.length > 0 ? item.verification : [undefined];
      const identities = new Set(item.credentials.map((credential) => credential.identity));
      const partOf = (index: number): string | undefined => {
        const parent = item.credentials[index]?.parentIdentity;
        return parent !== undefined && identities.has(parent) ? parent : undefined;
      };
      return reports.map((verification, index) => {
        const row = {
          file: item.file,
          // A credential nested in a CLR of the same file: listed under it.
          ...(partOf(index) === undefined ? {} : { partOf: partOf(index) }),
          integrity: item.integrity,
          sentence: item.sentence,
          name: credentialName(item, index) ?? '',
          format: item.credentials[index]?.format ?? '',
          issuer: { id: item.credentials[index]?.issuer.id ?? null, name: item.credentials[index]?.issuer.name ?? null },
          status: verification?.status ?? (item.unrecognised ? 'malformed' : 'unverifiable'),
          ...(verification?.issuerIdentity ? { issuerIdentity: identityJson(verification.issuerIdentity) } : {}),
          summary: verification?.summary ?? item.unrecognised ?? item.sentence,
          checks: verification?.checks ?? [],
          // Whether the entry's verification link carries this very file: said once per file.
          ...(index === 0 && item.link !== undefined ? { link: item.link, linkSentence: entryLinkSentence(item.link) } : {}),
        };
        if (verification) reportOf.set(row, verification);
        return row;
      });
    });
    /** The ISSUER column: the name, and how sure that is ("Harbour University (listed in the DCC Member Registry)"). */
    const issuerCell = (row: (typeof rows)[number]): string => {
      const name = row.issuerIdentity?.level === 'registry' ? (row.issuerIdentity.name ?? row.issuer.name) : row.issuer.name;
      const how = row.issuerIdentity ? words.identityPhrase(row.issuerIdentity) : '';
      return name && how ? `${name} (${how})` : (name ?? how);
    };
    const ok =
      report.intact &&
      rows.length > 0 &&
      rows.every((row) => row.integrity === 'intact' && row.status === 'verified') &&
      !report.credentials.some((item) => linkContradicts(item.link));
    if (values.json) {
      io.stdout(`${JSON.stringify({ file, intact: report.intact, notes: report.notes, credentials: rows }, null, 2)}\n`);
    } else {
      io.stdout(
        `${renderTable(
          [...words.headers],
          rows.map((r) => [r.file, words.integrity(r.integrity), words.status(r.status), issuerCell(r), 'partOf' in r ? `  ↳ ${r.name}` : r.name]),
          { clipStart: [0], maxWidth: 64 },
        )}\n`,
      );
      const summaryOf = (row: (typeof rows)[number]): string => {
        const verification = reportOf.get(row);
        return verification ? words.summary(verification) : row.summary === row.sentence ? '' : row.summary;
      };
      for (const row of rows) {
        const attachment = words.attachment(row.integrity, row.file, report.manifest !== undefined);
        if (row.integrity !== 'intact' || row.status !== 'verified') io.stdout(`${row.file}: ${attachment} ${summaryOf(row)}\n`);
        else if (row.issuerIdentity && row.issuerIdentity.level !== 'registry') io.stdout(`${row.file}: ${words.identitySentence(row.issuerIdentity, row.status)}\n`);
      }
      const linkLanguage = values.language ?? savedLanguage(walletFolder(undefined, io));
      for (const item of report.credentials) if (linkContradicts(item.link) && item.link) io.stdout(`${item.file}: ${entryLinkSentence(item.link, linkLanguage)}\n`);
      const verified = rows.filter((row) => row.status === 'verified');
      const identities = words.verifiedIssuers(
        verified.length,
        verified.flatMap((row) => (row.issuerIdentity ? [row.issuerIdentity] : [])),
      );
      if (identities !== '') io.stdout(`${identities}\n`);
      for (const note of report.noteMessages) io.stdout(`${words.note(note)}\n`);
      io.stdout(ok ? `${words.allConfirmed}\n` : `${words.notAllConfirmed}\n`);
    }
    return ok ? 0 : 1;
  },
};
