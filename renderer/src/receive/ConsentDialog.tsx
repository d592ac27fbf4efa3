import { useEffect, useId, useRef, useState } from 'react';
import type { ConsentAnswer, ConsentQuestion, ConsentSend } from '../../../shared/credential/receiving';
import { identityLabel } from '../credentials/issuerIdentityWords';
import { useI18n, type Translate } from '../i18n/i18n';

/** One thing that will be sent, in the reader's words. */
function SendItem({ send, host, t }: { send: ConsentSend; host: string; t: Translate }) {
  switch (send.kind) {
    case 'holder-did':
      return (
        <li>
          {t('receive.send.holderDid')} <code className="did">{send.did}</code>
        </li>
      );
    case 'signed-proof':
      return <li>{t(send.what === 'openid4vci-proof' ? 'receive.send.proof' : 'receive.send.didAuth')}</li>;
    case 'transaction-code':
      return <li>{t('receive.send.txCode')}</li>;
    case 'browser-sign-in':
      return <li>{t('receive.send.browser', { host: send.host || host })}</li>;
  }
}

/**
 * The question asked before anything leaves the computer when credentials are received from
 * a link: who asks (the issuer's host, what it calls itself, what is known of who stands behind
 * it), what Badgefolio will send, and what the user will receive, with the transaction code's
 * field when the offer needs one. A modal dialog: focus stays inside while it is open and goes
 * back where it was after; Escape is Cancel, and Cancel sends nothing.
 */
export function ConsentDialog({ question, onAnswer }: { question: ConsentQuestion; onAnswer: (answer: ConsentAnswer) => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pinId = useId();
  const pinHelpId = useId();
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState(false);
  const answered = useRef(false);
  const host = question.issuerHost;
  const code = question.transactionCode;
  const numeric = code?.inputMode !== 'text';

  useEffect(() => {
    // showModal makes the rest of the page inert (the focus trap); the opener gets the focus back on close.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);

  const answer = (given: ConsentAnswer): void => {
    if (answered.current) return;
    answered.current = true;
    onAnswer(given);
  };

  const accept = (): void => {
    const typed = pin.trim();
    if (code && typed === '') {
      setMissing(true);
      return;
    }
    answer({ consent: true, ...(code ? { transactionCode: typed } : {}) });
  };

  return (
    <dialog
      ref={dialog}
      className="detail consent-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape is "Cancel": answered here, so the dialog is closed by its owner, not by the browser.
        event.preventDefault();
        answer({ consent: false });
      }}
    >
      <form
        method="dialog"
        // The app says what is missing in the reader's language, not the browser's validation bubble.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          accept();
        }}
      >
        <h2 id={titleId}>{t('receive.consent.title', { host })}</h2>
        <section>
          <h3>{t('receive.consent.who')}</h3>
          <p>
            {t('receive.consent.host', { host })}
            {question.issuerName ? ` ${t('receive.consent.calls', { name: question.issuerName })}` : ''}
          </p>
          <p>
            {question.issuerIdentity
              ? identityLabel({ level: question.issuerIdentity.level, source: question.issuerIdentity.source ?? null, test: question.issuerIdentity.test === true }, t)
              : t('receive.consent.noIdentity')}
            {question.issuerIdentity?.site && question.issuerIdentity.name
              ? ` ${t('receive.consent.site', { site: question.issuerIdentity.site, name: question.issuerIdentity.name })}`
              : ''}
          </p>
        </section>
        <section>
          <h3>{t('receive.consent.sends', { host })}</h3>
          {question.sends.length === 0 ? (
            <p>{t('receive.consent.sendsNothing')}</p>
          ) : (
            <ul>
              {question.sends.map((send, index) => (
                <SendItem key={`${send.kind}-${String(index)}`} send={send} host={host} t={t} />
              ))}
            </ul>
          )}
        </section>
        <section>
          <h3>{t('receive.consent.receives')}</h3>
          {question.receives.length > 0 ? (
            <ul>
              {question.receives.map((item, index) => (
                <li key={`${item.name}-${String(index)}`}>{item.name}</li>
              ))}
            </ul>
          ) : (
            <p>{t(question.protocol === 'web' ? 'receive.consent.receivesWeb' : 'receive.consent.receivesUnknown')}</p>
          )}
        </section>
        {code && (
          <div className="field">
            <label htmlFor={pinId}>{t('receive.consent.pin')}</label>
            <input
              id={pinId}
              type="text"
              inputMode={numeric ? 'numeric' : 'text'}
              {...(numeric ? { pattern: '[0-9]*' } : {})}
              autoComplete="one-time-code"
              autoFocus
              {...(code.length ? { maxLength: code.length } : {})}
              aria-describedby={pinHelpId}
              aria-invalid={missing}
              value={pin}
              onChange={(event) => {
                setPin(event.target.value);
                setMissing(false);
              }}
            />
            <p id={pinHelpId} className="muted">
              {code.description ? t('receive.consent.pinIssuer', { description: code.description }) : ''}
              {code.description && code.length ? ' ' : ''}
              {code.length ? t('receive.consent.pinLength', { count: code.length }) : ''}
            </p>
            {missing && <p role="alert">{t('receive.consent.pinMissing')}</p>}
          </div>
        )}
        <div className="row-actions">
          <button type="submit" className="primary">
            {t('receive.consent.accept')}
          </button>
          <button
            type="button"
            autoFocus={!code}
            onClick={() => {
              answer({ consent: false });
            }}
          >
            {t('receive.consent.decline')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
