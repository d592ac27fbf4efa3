import { describe, expect, it } from 'vitest';
import { formatName, formatTechnicalVersion } from '../../renderer/src/credentials/formatName';
import { de } from '../../renderer/src/i18n/de';
import { en, type Catalogue, type MessageKey } from '../../renderer/src/i18n/en';
import { normaliseOne } from './verify/helpers';
import { makeIssuerProfile, makeOb3Credential } from '../support/credentials';

/** The details name a format as people say it, from what intake recorded, in the reader's language. */
const translate = (catalogue: Catalogue) => (key: MessageKey, values?: Readonly<Record<string, string | number>>) =>
  catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values?.[name] === undefined ? whole : String(values[name])));

describe('format names', () => {
  it('names what intake read in words a job seeker and an employer use', async () => {
    const ob3 = await normaliseOne(makeOb3Credential({ issuer: makeIssuerProfile({ id: 'did:example:academy', name: 'Academy' }) }));
    // As intake records them (electron/intake/formats/*.ts).
    const clr = { format: 'clr2', formatVersion: '2.0 (VC 1.1)' } as const;
    const ob2 = { format: 'ob2', formatVersion: '2.0' } as const;
    const label = (c: { format: Parameters<typeof formatName>[0]; formatVersion?: string }, catalogue: Catalogue) => {
      const technical = formatTechnicalVersion(c.format, c.formatVersion);
      return technical ? `${formatName(c.format, c.formatVersion, translate(catalogue))} · ${technical}` : formatName(c.format, c.formatVersion, translate(catalogue));
    };
    expect(label(ob3, en)).toMatch(/^Open Badge 3\.0( · VC 1\.1)?$/);
    expect(label(clr, en)).toBe('Comprehensive Learner Record · VC 1.1');
    expect(label(ob2, en)).toBe('Open Badge 2.0');
    expect(label(ob2, de)).toBe('Open Badge 2.0');
    expect(label({ format: 'ob2', formatVersion: '1.x' }, en)).toBe('Open Badge 1.0');
    expect(label({ format: 'blockcerts', formatVersion: '3.1' }, en)).toBe('Blockcerts certificate (version 3)');
    expect(label({ format: 'europass-edc', formatVersion: 'ELM 3' }, de)).toBe('Europass-Nachweis · ELM 3');
    expect(label({ format: 'certificate' }, de)).toBe('Zertifikat als PDF oder Bild');
    for (const format of ['ob2', 'ob3', 'clr2', 'blockcerts', 'europass-edc', 'vc', 'certificate'] as const) {
      expect(formatName(format, undefined, translate(en))).not.toMatch(/^(ob|clr|vc|europass-edc)/);
    }
  });
});
