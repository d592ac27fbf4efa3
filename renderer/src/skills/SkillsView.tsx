import { useMemo } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { CredentialLink } from '../home/organiserPage';

interface SkillGroup {
  readonly framework: string;
  readonly skills: readonly { readonly name: string; readonly code?: string; readonly credentials: readonly CredentialSummary[] }[];
}

/** Skills across issuers, grouped by the framework that defines them (ESCO, O*NET, an issuer's own...). */
export function skillGroups(credentials: readonly CredentialSummary[], locale: string, otherLabel: string): SkillGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const frameworks = new Map<string, Map<string, { name: string; code?: string; credentials: CredentialSummary[] }>>();
  for (const credential of credentials) {
    const seen = new Set<string>();
    for (const skill of credential.skills) {
      const named = skill.framework?.trim();
      const framework = named !== undefined && named !== '' ? named : otherLabel;
      // The same skill is one entry, whichever credential and capitalisation names it.
      const key = skill.name.trim().toLocaleLowerCase(locale);
      if (seen.has(`${framework}\n${key}`)) continue;
      seen.add(`${framework}\n${key}`);
      const skills = frameworks.get(framework) ?? new Map<string, { name: string; code?: string; credentials: CredentialSummary[] }>();
      frameworks.set(framework, skills);
      const entry = skills.get(key) ?? { name: skill.name.trim(), ...(skill.code ? { code: skill.code } : {}), credentials: [] };
      skills.set(key, entry);
      entry.credentials.push(credential);
    }
  }
  return [...frameworks]
    .sort(([a], [b]) => (a === otherLabel ? 1 : b === otherLabel ? -1 : collator.compare(a, b)))
    .map(([framework, skills]) => ({ framework, skills: [...skills.values()].sort((a, b) => b.credentials.length - a.credentials.length || collator.compare(a.name, b.name)) }));
}

export function SkillsView({ credentials, onOpen }: { credentials: readonly CredentialSummary[]; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const groups = useMemo(() => skillGroups(credentials, language, t('skills.otherFramework')), [credentials, language, t]);
  const total = groups.reduce((sum, group) => sum + group.skills.length, 0);
  return (
    <section className="page skills" aria-labelledby="skills-title">
      <h1 id="skills-title">{t('skills.title')}</h1>
      {total === 0 ? (
        <p className="empty-state">{t('skills.empty')}</p>
      ) : (
        <>
          <p className="lead">{t('skills.lead', { skills: total, frameworks: groups.length })}</p>
          {groups.map((group) => (
            <section key={group.framework} className="skill-group" aria-label={group.framework}>
              <h2>{group.framework}</h2>
              <ul className="skill-list">
                {group.skills.map((skill) => (
                  <li key={skill.name} className="skill">
                    <h3>
                      {skill.name}
                      {skill.code && <span className="skill-code"> · {skill.code}</span>}
                    </h3>
                    <p className="skill-count">{t('skills.shownBy', { count: skill.credentials.length })}</p>
                    <ul className="skill-credentials">
                      {skill.credentials.map((credential) => (
                        <li key={credential.id}>
                          <CredentialLink id={credential.id} name={credential.name} onOpen={onOpen} />
                          {credential.issuerName && <span className="muted"> · {credential.issuerName}</span>}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
