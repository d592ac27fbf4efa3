import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { VerifierResponse } from '../../shared/contract/verifierPage';
import type { Language } from '../../shared/preferences';
import { makeTranslate } from '../src/i18n/translate';
import { CredentialView, groupNested } from './CredentialView';
import type { EngineClient, EngineRequest } from './engineClient';
import { FetchList } from './FetchList';
import { PdfView } from './PdfView';
import { browserLanguage, failureKey, pageWords } from './pageWords';

type State = { phase: 'idle' } | { phase: 'shortId' } | { phase: 'checking'; what: string | undefined } | { phase: 'done'; response: VerifierResponse };

/** The link's credential is in the fragment, which never reaches any server. */
const fragmentOf = (): string => window.location.hash.replace(/^#/, '');

/** A PDF's QR code may carry only `#id.<12 hex>`: the start of the credential file's SHA-256 (shared/portfolio/verifierFragment.ts). */
const shortIdOf = (fragment: string): string | undefined => /^id\.([0-9a-f]{12})$/.exec(fragment)?.[1];

export function VerifierApp({ engine }: { engine: EngineClient }) {
  const [language, setLanguage] = useState<Language>(() => browserLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]));
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [shortId, setShortId] = useState<string | undefined>(() => shortIdOf(fragmentOf()));
  const latest = useRef(0);
  const t = useMemo(() => makeTranslate(language), [language]);
  const w = useMemo(() => pageWords(language), [language]);

  const run = useCallback(
    async (request: EngineRequest, what: string | undefined) => {
      const ticket = ++latest.current;
      setState({ phase: 'checking', what });
      const response = await engine.check(request);
      // Only the newest request's answer is shown (a second drop while one is checked).
      if (ticket === latest.current) setState({ phase: 'done', response });
    },
    [engine],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = w('title');
  }, [language, w]);

  useEffect(() => {
    const fromLink = (): void => {
      const fragment = fragmentOf();
      const id = shortIdOf(fragment);
      setShortId(id);
      if (id !== undefined) setState({ phase: 'shortId' });
      else if (fragment !== '') void run({ kind: 'link', fragment }, undefined);
    };
    fromLink();
    window.addEventListener('hashchange', fromLink);
    return () => {
      window.removeEventListener('hashchange', fromLink);
    };
  }, [run]);

  const checkFile = useCallback(
    async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await run({ kind: 'file', name: file.name, bytes }, file.name);
    },
    [run],
  );

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void checkFile(file);
  };
  const onChoose = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file) void checkFile(file);
    event.target.value = '';
  };

  return (
    <div
      className={dragging ? 'page dragging' : 'page'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="masthead">
        <p className="brand">Badgefolio</p>
        <label className="language">
          {w('language')}{' '}
          <select
            value={language}
            onChange={(event) => {
              setLanguage(event.target.value === 'de' ? 'de' : 'en');
            }}
          >
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>
      </header>
      <main>
        <h1>{w('title')}</h1>
        <p className="intro">{w('intro')}</p>
        <div aria-live="polite" className="results">
          {state.phase === 'checking' && <p className="checking">{state.what ? w('checkingFile', { file: state.what }) : w('checking')}</p>}
          {state.phase === 'shortId' && <p className="short-id">{w('shortIdLink')}</p>}
          {state.phase === 'done' && <Result response={state.response} shortId={shortId} language={language} t={t} w={w} />}
        </div>
        <section className="drop" aria-label={w('dropHere')}>
          <p>
            {w('dropHere')}{' '}
            <label className="choose">
              {w('choose')}
              <input type="file" accept=".pdf,.json,.jsonld,.jwt,.png,.svg,.xml,.zip,application/pdf,application/json,image/png,image/svg+xml" onChange={onChoose} />
            </label>
          </p>
        </section>
      </main>
    </div>
  );
}

interface ResultProps {
  readonly response: VerifierResponse;
  readonly shortId: string | undefined;
  readonly language: Language;
  readonly t: ReturnType<typeof makeTranslate>;
  readonly w: ReturnType<typeof pageWords>;
}

function Result({ response, shortId, language, t, w }: ResultProps) {
  if (response.kind === 'failed') {
    return (
      <>
        <p className="failure" role="alert">
          {w(failureKey(response.reason))}
          {response.detail && response.reason !== 'damaged' ? ` (${response.detail})` : ''}
        </p>
        <FetchList fetches={response.fetches} checks={[]} language={language} w={w} />
      </>
    );
  }
  const checks = [...response.credentials, ...(response.pdf?.attachments.flatMap((a) => a.credentials) ?? [])].flatMap((c) => c.report.checks);
  return (
    <>
      {response.pdf && <PdfView pdf={response.pdf} shortId={shortId} language={language} t={t} w={w} />}
      {groupNested(response.credentials).map(({ top, nested }) => (
        <CredentialView key={top.credential.identity} checked={top} nested={nested} language={language} t={t} w={w} />
      ))}
      <FetchList fetches={response.fetches} checks={checks} language={language} w={w} />
    </>
  );
}
