import type { NormalizedCredential } from '../../../shared/credential/model';
import { walkXml } from '../safeXml';
import { completeCredential, noLists, type CredentialSource } from './credentialSource';
import { compact } from './jsonLdValues';

/**
 * Europass ELM 2 credentials (XML, sealed with XAdES): older than ELM 3's JSON-LD but still
 * issued. We read what a person needs to recognise it: title, issuer, date.
 */
export function readEuropassXml(text: string, source: CredentialSource): NormalizedCredential | null {
  // State lives in one object: the visitor's callbacks update it as the parser walks.
  const state = {
    root: undefined as string | undefined,
    europass: false,
    signed: false,
    credentialId: undefined as string | undefined,
    issuedOn: undefined as string | undefined,
    current: '',
  };
  const path: string[] = [];
  const texts = new Map<string, { value: string; english: boolean }>();

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
        path.push(element.local);
        state.current = '';
      },
      text(chunk) {
        state.current += chunk;
      },
      close(element) {
        if (!state.europass) return;
        const value = state.current.trim();
        const parent = path.at(-2);
        // Texts come in several languages: keep the first English one, else the first one.
        if (element.local === 'text' && parent && value !== '') {
          const english = element.attributes.get('lang') === 'en';
          const seen = texts.get(parent);
          if (!seen || (english && !seen.english)) texts.set(parent, { value, english });
        }
        if (element.local === 'issuedDate' && value !== '') state.issuedOn ??= value;
        path.pop();
        state.current = '';
      },
    },
    'Europass XML credential',
  );
  if (!state.europass) return null;
  const pick = (key: string): string | undefined => texts.get(key)?.value;
  return completeCredential(
    {
      format: 'europass-edc',
      formatVersion: 'ELM 2 (XML)',
      kind: /diploma/i.test(pick('title') ?? '') ? 'diploma' : 'certificate',
      types: [state.root ?? 'unknown'],
      ...compact({ id: state.credentialId, issuedOn: state.issuedOn, description: pick('description') }),
      name: pick('title') ?? 'European Digital Credential',
      issuer: compact({ name: pick('prefLabel') }),
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
