import type { NormalizedCredential } from '../../../shared/credential/model';
import { walkXml, type XmlElement } from '../safeXml';
import { completeCredential, noLists, type CredentialSource } from './credentialSource';
import { compact } from './jsonLdValues';
import { pickLanguage, type LanguageText } from './preferredLanguage';

/** How an organisation's name may be written, preferred first (ELM 2 and its drafts differ). */
const nameFields = ['prefLabel', 'preferredName', 'legalName', 'altLabel', 'alternativeName'] as const;
type NameField = (typeof nameFields)[number];
const isNameField = (local: string): local is NameField => (nameFields as readonly string[]).includes(local);

/** One open element and the texts found in it so far. */
interface Frame {
  readonly element: XmlElement;
  direct: string;
  readonly texts: LanguageText[];
  /** Set on an organisation (or an issuer written inline): its id, and the names found in it. */
  readonly organisation?: string;
}

const languageOf = (element: XmlElement): string | undefined => element.attributes.get('lang') ?? element.attributes.get('language');
const inlineIssuer = '#issuer';

/**
 * Europass ELM 2 credentials (XML, sealed with XAdES): older than ELM 3's JSON-LD but still
 * issued. We read what a person needs to recognise it: title, issuer, date. Texts come in
 * several languages (<text lang="fr">, or a lang attribute on the field itself): the user's
 * language is shown, else English, else the first. The issuer is the organisation the
 * credential points to (<cred:issuer idref="…">, or an awarding body's idref), among the
 * several organisations a credential lists.
 */
export function readEuropassXml(text: string, source: CredentialSource): NormalizedCredential | null {
  // State lives in one object: the visitor's callbacks update it as the parser walks.
  const state = {
    root: undefined as string | undefined,
    europass: false,
    signed: false,
    credentialId: undefined as string | undefined,
    issuedOn: undefined as string | undefined,
    issuerRef: undefined as string | undefined,
    awardingRef: undefined as string | undefined,
  };
  const frames: Frame[] = [];
  /** The credential's own title and description (children of the root), and the first anywhere. */
  const own = new Map<string, LanguageText[]>();
  const first = new Map<string, LanguageText[]>();
  const organisations = new Map<string, Map<NameField, LanguageText[]>>();

  walkXml(
    text,
    {
      open(element) {
        if (state.root === undefined) {
          state.root = element.local;
          state.europass = element.uri.includes('data.europa.eu') || element.uri.includes('europass');
        }
        if (!state.europass) return;
        if (element.local === 'Signature' && element.uri === 'http://www.w3.org/2000/09/xmldsig#') state.signed = true;
        if (element.local === 'credential') state.credentialId ??= element.attributes.get('id');
        const parent = frames.at(-1)?.element.local;
        const idref = element.attributes.get('idref');
        if (idref !== undefined) {
          // <cred:issuer idref>, or <issuer><organization idref>; likewise for an awarding body.
          if (element.local === 'issuer' || (element.local === 'organization' && parent === 'issuer')) state.issuerRef ??= idref;
          if (element.local === 'awardingBody' || (element.local === 'organization' && parent === 'awardingBody')) state.awardingRef ??= idref;
        }
        let organisation: string | undefined;
        if (element.local === 'organization' && idref === undefined) organisation = element.attributes.get('id');
        else if (element.local === 'issuer' && idref === undefined && element.depth === 1) organisation = inlineIssuer;
        frames.push({ element, direct: '', texts: [], ...(organisation !== undefined ? { organisation } : {}) });
      },
      text(chunk) {
        const frame = frames.at(-1);
        if (frame) frame.direct += chunk;
      },
      close(element) {
        if (!state.europass) return;
        const frame = frames.pop();
        if (!frame) return;
        const parent = frames.at(-1);
        const value = frame.direct.trim();
        if (element.local === 'text') {
          if (value !== '' && parent) parent.texts.push({ language: languageOf(element), value });
          return;
        }
        if (frame.texts.length === 0 && value !== '') frame.texts.push({ language: languageOf(element), value });
        if (frame.texts.length === 0) return;
        if (element.local === 'title' || element.local === 'description') {
          if (element.depth === 1 && !own.has(element.local)) own.set(element.local, frame.texts);
          if (!first.has(element.local)) first.set(element.local, frame.texts);
        }
        if ((element.local === 'issuedDate' || (element.local === 'issued' && element.depth === 1)) && value !== '') state.issuedOn ??= value;
        if (isNameField(element.local) && parent?.organisation !== undefined) {
          let names = organisations.get(parent.organisation);
          if (!names) organisations.set(parent.organisation, (names = new Map<NameField, LanguageText[]>()));
          if (!names.has(element.local)) names.set(element.local, frame.texts);
        }
      },
    },
    'Europass XML credential',
  );
  if (!state.europass) return null;
  const pick = (key: string): string | undefined => {
    const texts = own.get(key) ?? first.get(key);
    return texts ? pickLanguage(texts) : undefined;
  };
  const organisationName = (id: string | undefined): string | undefined => {
    const names = id === undefined ? undefined : organisations.get(id);
    if (!names) return undefined;
    for (const field of nameFields) {
      const texts = names.get(field);
      if (texts) return pickLanguage(texts);
    }
    return undefined;
  };
  const title = pick('title');
  return completeCredential(
    {
      format: 'europass-edc',
      formatVersion: 'ELM 2 (XML)',
      kind: /diploma/i.test(title ?? '') ? 'diploma' : 'certificate',
      types: [state.root ?? 'unknown'],
      ...compact({ id: state.credentialId, issuedOn: state.issuedOn, description: pick('description') }),
      name: title ?? 'European Digital Credential',
      issuer: compact({ name: organisationName(state.issuerRef) ?? organisationName(inlineIssuer) ?? organisationName(state.awardingRef) }),
      ...noLists(),
      verification: {
        signature: state.signed ? 'xades' : 'none',
        keyRefs: [],
        proofTypes: state.signed ? ['XAdES'] : [],
        statusEntries: [],
        links: [],
      },
      notes: [],
    },
    source,
  );
}
