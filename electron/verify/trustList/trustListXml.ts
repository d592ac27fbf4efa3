import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * Reads the EU's trusted lists (ETSI TS 119 612): the List of Trusted Lists (LOTL), which
 * points to each member state's list, and a member state's list (TSL), which names its trust
 * service providers and their services with the certificates they use. Only what the seal
 * check needs is kept. Parsed as data: saxes loads no external DTD or entity, a DOCTYPE with an
 * internal subset (where entity bombs live) is refused, and the element count is capped.
 */

export interface TslPointer {
  /** The member state (ISO 3166 alpha-2, "EL" for Greece as the lists write it). */
  readonly territory: string;
  readonly location: string;
  /** application/vnd.etsi.tsl+xml, or application/pdf for a list's PDF copy; '' when not said. */
  readonly mimeType: string;
}

export interface ListedService {
  /** e.g. http://uri.etsi.org/TrstSvc/Svctype/CA/QC */
  readonly type: string;
  /** e.g. http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted */
  readonly status: string;
  readonly name: string;
  /** base64 DER certificates of the service's digital identity. */
  readonly certificates: readonly string[];
  /** AdditionalServiceInformation URIs (ForeSeals, ForeSignatures, ForWebSiteAuthentication). */
  readonly additional: readonly string[];
}

export interface TrustServiceProvider {
  readonly name: string;
  readonly services: readonly ListedService[];
}

export interface TrustedList {
  readonly territory: string;
  readonly operator: string;
  /** ListIssueDateTime, as written (ISO 8601). */
  readonly issued: string;
  readonly pointers: readonly TslPointer[];
  readonly providers: readonly TrustServiceProvider[];
}

export class TrustListUnreadable extends Error {
  override readonly name = 'TrustListUnreadable';
}

const maxElements = 2_000_000;

/**
 * The most a trusted list may be, fetched or kept. EU member states' lists run from about 1 to
 * 10 MB today and grow as providers are added: 16 MB takes every one of them, so a Europass seal
 * found on a list online is found on the same list offline later.
 */
export const trustListMaxBytes = 16 * 1024 * 1024;

/**
 * Whether a fetched document is an ETSI trusted list (a LOTL or a member state's list), by its
 * root element near the start: what the wallet's cache keeps with the larger allowance such
 * lists need (electron/core/vaultFetchCache.ts). Not a parse: readTrustedList decides what it says.
 */
export function looksLikeTrustedList(body: string): boolean {
  return /<(?:[A-Za-z_][\w.-]*:)?TrustServiceStatusList[\s>]/.test(body.slice(0, 4096));
}

/** A name the list gives in several languages: the first English one wins, else the first of any. */
class NamePick {
  value = '';
  private english = false;
  offer(value: string, lang: string | undefined): void {
    if (this.english) return;
    this.english = lang?.toLowerCase() === 'en';
    if (this.value === '' || this.english) this.value = value;
  }
}

interface Draft {
  territory: string;
  operator: NamePick;
  issued: string | null;
  pointers: TslPointer[];
  providers: { name: NamePick; services: ServiceDraft[] }[];
}

interface ServiceDraft {
  type: string;
  status: string;
  name: NamePick;
  certificates: string[];
  additional: string[];
}

/** Reads a LOTL or a member state's list; throws TrustListUnreadable for anything that is not one. */
export function readTrustedList(xml: string): TrustedList {
  const draft: Draft = { territory: '', operator: new NamePick(), issued: null, pointers: [], providers: [] };
  const path: string[] = [];
  const langs: (string | undefined)[] = [];
  let text = '';
  let elements = 0;
  let pointer: { territory: string; location: string; mimeType: string } | undefined;
  let service: ServiceDraft | undefined;
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) throw new TrustListUnreadable('the list declares its own entities');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++elements > maxElements) throw new TrustListUnreadable('the list is too large');
    path.push(tag.local);
    langs.push(Object.values(tag.attributes).find((a) => a.local === 'lang')?.value);
    text = '';
    const where = path.join('/');
    if (tag.local === 'OtherTSLPointer') pointer = { territory: '', location: '', mimeType: '' };
    if (tag.local === 'TrustServiceProvider') {
      draft.providers.push({ name: new NamePick(), services: [] });
    }
    // Only a service's current information: ServiceHistory holds what it was before.
    if (where.endsWith('TSPService/ServiceInformation')) service = { type: '', status: '', name: new NamePick(), certificates: [], additional: [] };
  });
  const onText = (chunk: string): void => {
    text += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const where = path.join('/');
    const local = path.pop() ?? '';
    const lang = langs.pop();
    const value = text.trim();
    text = '';
    const provider = draft.providers.at(-1);
    if (pointer && where.includes('OtherTSLPointer/')) {
      if (local === 'TSLLocation') pointer.location = value;
      if (local === 'SchemeTerritory') pointer.territory = value.toUpperCase();
      if (local === 'MimeType') pointer.mimeType = value.toLowerCase();
    } else if (service && where.includes('TSPService/ServiceInformation/')) {
      if (local === 'ServiceTypeIdentifier') service.type = value;
      else if (local === 'ServiceStatus') service.status = value;
      else if (local === 'Name' && where.includes('ServiceInformation/ServiceName/')) service.name.offer(value, lang);
      else if (local === 'X509Certificate' && where.includes('ServiceDigitalIdentity/')) service.certificates.push(value.replace(/\s+/g, ''));
      else if (local === 'URI' && where.includes('AdditionalServiceInformation/')) service.additional.push(value);
    } else if (provider && local === 'Name' && where.includes('TSPInformation/TSPName/')) {
      provider.name.offer(value, lang);
    } else if (where.endsWith('TrustServiceStatusList/SchemeInformation/SchemeTerritory')) {
      draft.territory = value.toUpperCase();
    } else if (where.endsWith('TrustServiceStatusList/SchemeInformation/ListIssueDateTime')) {
      draft.issued = value || null;
    } else if (where.endsWith('TrustServiceStatusList/SchemeInformation/SchemeOperatorName/Name')) {
      draft.operator.offer(value, lang);
    }
    if (local === 'OtherTSLPointer' && pointer) {
      if (pointer.location && pointer.territory) draft.pointers.push(pointer);
      pointer = undefined;
    }
    if (local === 'ServiceInformation' && service && where.endsWith('TSPService/ServiceInformation')) {
      provider?.services.push(service);
      service = undefined;
    }
  });
  parser.on('error', (error) => {
    throw new TrustListUnreadable(error.message.split('\n')[0] ?? 'not XML');
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof TrustListUnreadable) throw error;
    throw new TrustListUnreadable(error instanceof Error ? (error.message.split('\n')[0] ?? 'not XML') : 'not XML');
  }
  if (!draft.territory) throw new TrustListUnreadable('it is not an ETSI trusted list (no scheme territory)');
  if (!draft.issued) throw new TrustListUnreadable('the list does not say when it was issued');
  return {
    territory: draft.territory,
    operator: draft.operator.value,
    issued: draft.issued,
    pointers: draft.pointers,
    providers: draft.providers.map((p) => ({ name: p.name.value, services: p.services.map((s) => ({ ...s, name: s.name.value })) })),
  };
}

/** The LOTL's pointers to member states' lists in XML (the LOTL also points to PDF copies). */
export function xmlListPointers(lotl: TrustedList): TslPointer[] {
  return lotl.pointers.filter((p) => (p.mimeType ? p.mimeType.includes('xml') : !/\.pdf$/i.test(p.location)));
}
