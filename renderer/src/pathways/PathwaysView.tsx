import { useMemo } from 'react';
import { pathwayProgress, type Pathway } from '../../../shared/organiser';
import { creditsText } from '../../../shared/portfolio/credits';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../i18n/plural';
import { CredentialLink, EditDeleteActions, OrganiserPageHeader, useOrganiserEditor, type OrganiserPageProps } from '../home/organiserPage';
import { wallet } from '../wallet';
import { PathwayEditor } from './PathwayEditor';

/** Stackable credentials: goals made of steps, how far along each is, and what is still missing. */
export function PathwaysView({ credentials, organiser, onOrganiser, onOpen }: OrganiserPageProps) {
  const { t, language } = useI18n();
  const editor = useOrganiserEditor<Pathway>(onOrganiser);
  const byId = useMemo(() => new Map(credentials.map((c) => [c.id, c])), [credentials]);
  const transcripts = credentials.filter((c) => c.format === 'clr2' && !organiser.pathways.some((p) => p.fromClr === c.id));

  return (
    <section className="page pathways" aria-labelledby="pathways-title">
      <OrganiserPageHeader titleId="pathways-title" title={t('pathways.title')} lead={t('pathways.lead')} newLabel={t('pathways.new')} {...editor.header} />
      {editor.open && <PathwayEditor credentials={credentials} pathway={editor.item} onCancel={editor.close} onSave={(draft) => editor.save(wallet().savePathway(draft))} />}
      {transcripts.length > 0 && (
        <section className="from-clr" aria-labelledby="from-clr-title">
          <h2 id="from-clr-title">{t('pathways.fromClrTitle')}</h2>
          <ul>
            {transcripts.map((clr) => (
              <li key={clr.id}>
                <button type="button" onClick={() => void editor.act(wallet().pathwayFromClr({ id: clr.id }))}>
                  {t('pathways.fromClr', { name: clr.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {organiser.pathways.length === 0 && !editor.open ? (
        <p className="empty-state">{t('pathways.empty')}</p>
      ) : (
        <ul className="pathway-list">
          {organiser.pathways.map((pathway) => {
            const progress = pathwayProgress(pathway, byId);
            return (
              <li key={pathway.id}>
                <article className="pathway" aria-label={pathway.name}>
                  <header>
                    <h2>{pathway.name}</h2>
                    {progress.complete && <span className="status status-verified">{t('pathways.complete')}</span>}
                  </header>
                  {pathway.description && <p>{pathway.description}</p>}
                  <progress aria-label={t('pathways.progressOf', { name: pathway.name })} value={Math.min(progress.done, progress.required)} max={progress.required} />
                  <p className="progress-text">{t('pathways.progress', { done: progress.done, required: progress.required, steps: pathway.steps.length })}</p>
                  {progress.credits.length > 0 && (
                    <p>{t('pathways.credits', { credits: creditsText(progress.credits, (value) => formatNumber(language, value), t('credits.unit')) })}</p>
                  )}
                  <ul className="steps">
                    {pathway.steps.map((step) => {
                      const credential = step.credentialId ? byId.get(step.credentialId) : undefined;
                      return (
                        <li key={step.id} className={credential ? 'step step-done' : 'step step-missing'}>
                          <span aria-hidden="true">{credential ? '✓' : '○'}</span> {step.title}
                          {credential ? (
                            <>
                              {' · '}
                              <CredentialLink id={credential.id} name={credential.name} onOpen={onOpen} />
                            </>
                          ) : (
                            <span className="muted"> · {t('pathways.missing')}</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                  <EditDeleteActions
                    page="pathways"
                    name={pathway.name}
                    onEdit={editor.onEdit(pathway)}
                    onDelete={() => void editor.act(wallet().removePathway({ id: pathway.id }))}
                  />
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
