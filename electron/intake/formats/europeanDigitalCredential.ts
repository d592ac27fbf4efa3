import type { Credit, NormalizedCredential, Skill } from '../../../shared/credential/model';
import { badgeImage, completeCredential, type CredentialSource } from './credentialSource';
import { asArray, asRecord, compact, contextsOf, idOf, records, text, typesOf, type Json } from './jsonLdValues';
import { inLanguage } from './preferredLanguage';
import { embeddedProofHints, issuerOf, publicLinks, statusEntriesOf, vcDates } from './vcBasics';

/** Europass European Digital Credentials (ELM v3): JSON-LD, optionally sealed with JAdES. */
export function isEuropeanDigitalCredential(json: Json): boolean {
  return typesOf(json).includes('EuropeanDigitalCredential') || contextsOf(json).some((c) => c.startsWith('http://data.europa.eu/snb/model/context/'));
}

/** How a JAdES seal wrapped the credential: the protected header names the key. */
export interface JadesEnvelope {
  readonly header: Record<string, unknown>;
}

/** Every claim's specification (what was achieved), however deeply ELM nests it. */
function specificationsOf(claims: Json[]): Json[] {
  return claims.flatMap((claim) => records(claim.specifiedBy));
}

function skillsOf(specifications: Json[]): Skill[] {
  const skills: Skill[] = [];
  for (const outcome of specifications.flatMap((s) => records(s.learningOutcome))) {
    for (const skill of records(outcome.relatedESCOSkill)) {
      const name = text(skill.prefLabel);
      if (name) skills.push(compact({ name, url: idOf(skill)?.startsWith('http') ? idOf(skill) : undefined, framework: 'ESCO' }));
    }
    if (records(outcome.relatedESCOSkill).length === 0) {
      const name = text(outcome.title);
      if (name) skills.push({ name, framework: 'Learning outcome' });
    }
  }
  return skills;
}

function creditsOf(specifications: Json[]): Credit[] {
  return specifications.flatMap((specification) =>
    records(specification.creditPoint).flatMap((credit) => {
      const value = Number(text(credit.point));
      const unit = text(asRecord(credit.framework)?.prefLabel) ?? 'credits';
      return Number.isFinite(value) ? [{ value, unit }] : [];
    }),
  );
}

/**
 * An organisation's name as Europass writes it: ELM 3 gives an Organisation a `legalName` (a
 * language map) and often no `name`; earlier drafts used `prefLabel`. In the user's language,
 * else English, else the first.
 */
function organisationName(organisation: Json | undefined): string | undefined {
  if (!organisation) return undefined;
  return inLanguage(organisation.name) ?? inLanguage(organisation.legalName) ?? inLanguage(organisation.prefLabel) ?? inLanguage(organisation.altLabel);
}

/** The awarding bodies the claims name (ELM 3: claim.awardedBy.awardingBody). */
function awardingBodies(claims: Json[]): Json[] {
  return claims.flatMap((claim) => records(claim.awardedBy).flatMap((awarding) => records(awarding.awardingBody)));
}

export function readEuropeanDigitalCredential(json: Json, source: CredentialSource, jades?: JadesEnvelope): NormalizedCredential {
  const subject = asRecord(json.credentialSubject);
  const claims = records(subject?.hasClaim);
  const specifications = specificationsOf(claims);
  const display = asRecord(json.displayParameter);
  const profile = text(asRecord(json.credentialProfiles)?.prefLabel) ?? '';
  const id = idOf(json);
  const fullName = text(subject?.fullName) ?? ([text(subject?.givenName), text(subject?.familyName)].filter(Boolean).join(' ') || undefined);
  const email = idOf(asRecord(subject?.contactPoint)?.emailAddress)?.replace(/^mailto:/, '');
  // The issuer (who sealed it) as named in the credential; when it gives no name of any kind,
  // the awarding body's, which a person recognises the credential by.
  const issuerRecord = asRecord(json.issuer);
  const issuerName = organisationName(issuerRecord) ?? organisationName(awardingBodies(claims)[0]);
  const issuer = { ...issuerOf(json.issuer), ...(issuerName !== undefined ? { name: issuerName } : {}) };
  const issuerEmail = idOf(asRecord(issuerRecord?.contactPoint)?.emailAddress)?.replace(/^mailto:/, '');
  const proof = jades
    ? { signature: 'jades' as const, proofTypes: [`JAdES/${String(jades.header.alg)}`], keyRefs: typeof jades.header.kid === 'string' ? ['x5c certificate in the seal'] : [] }
    : embeddedProofHints(json);
  return completeCredential(
    {
      format: 'europass-edc',
      formatVersion: 'ELM 3',
      kind: /diploma/i.test(profile) ? 'diploma' : 'certificate',
      types: typesOf(json),
      ...compact({
        id,
        description: inLanguage(display?.description) ?? inLanguage(claims[0]?.description) ?? inLanguage(specifications[0]?.description),
        image: badgeImage(source, asRecord(asRecord(asRecord(display?.individualDisplay)?.displayDetail)?.image)?.content),
        recipient: compact({ identity: email ?? idOf(subject), type: email ? 'email' : 'id', hashed: false, name: fullName }),
        ...vcDates(json),
      }),
      name: inLanguage(claims[0]?.title) ?? inLanguage(specifications[0]?.title) ?? inLanguage(display?.title) ?? 'European Digital Credential',
      issuer: { ...issuer, ...(issuerEmail && !issuer.email ? { email: issuerEmail } : {}) },
      evidence: [],
      skills: skillsOf(specifications),
      credits: creditsOf(specifications),
      endorsements: [],
      tags: asArray(profile).length > 0 && profile ? [profile] : [],
      associations: [],
      verification: { ...proof, statusEntries: statusEntriesOf(json), links: publicLinks(id) },
      notes: [],
    },
    source,
  );
}
