import { useEffect, useId, useState } from 'react';
import type { ReceivedRow } from '../../../shared/contract/receiveSchemas';
import type { ReceiveResult } from '../../../shared/credential/receiving';
import { identityLabel } from '../credentials/issuerIdentityWords';
import { displayName } from '../credentials/untitledName';
import { useI18n } from '../i18n/i18n';
import { CheckSentence } from '../wallet/VerificationText';
import { ConsentDialog } from './ConsentDialog';
import { linkInDrop } from './droppedLink';
import type { Receiver } from './useReceive';

/** The link field: pasted (or typed) and sent with "Add from link". */
function LinkForm({ receiver, onClose }: { receiver: Receiver; onClose: () => void }) {
  const { t } = useI18n();
  const fieldId = useId();
  const hintId = useId();
  const [link, setLink] = useState('');
  const [empty, setEmpty] = useState(false);
  const working = receiver.state.kind === 'working' || receiver.state.kind === 'asking';
  return (
    <form
      className="receive-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const given = link.trim();
        if (given === '') {
          setEmpty(true);
          return;
        }
        setLink('');
        receiver.receive(given);
      }}
    >
      <div className="field">
        <label htmlFor={fieldId}>{t('receive.field')}</label>
        <input
          id={fieldId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-describedby={hintId}
          aria-invalid={empty}
          value={link}
          onChange={(event) => {
            setLink(event.target.value);
            setEmpty(false);
          }}
        />
        <p id={hintId} className="muted">
          {t('receive.hint')}
        </p>
        {empty && <p role="alert">{t('receive.empty')}</p>}
      </div>
      <div className="row-actions">
        <button type="submit" className="primary" disabled={working}>
          {t('receive.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('receive.close')}
        </button>
      </div>
    </form>
  );
}

/** What came of a receive, worded as the import summary words files: one row per credential, with who issued it. */
function ReceiveSummary({ result, rows, onDismiss }: { result: ReceiveResult; rows: readonly ReceivedRow[]; onDismiss: () => void }) {
  const { t } = useI18n();
  const dismiss = (
    <button type="button" onClick={onDismiss}>
      {t('import.dismiss')}
    </button>
  );
  if (result.state === 'failed') {
    return (
      <div className="import-summary">
        <p role="alert">
          {/* Why, in the reader's language: the main process sends the reason as a message beside its English. */}
          {t('receive.result.failed')} <CheckSentence check={{ sentence: result.reason, message: result.reasonMessage }} />
        </p>
        {dismiss}
      </div>
    );
  }
  if (result.state === 'declined') {
    return (
      <div className="import-summary">
        <p role="status">{t('receive.result.declined', { host: result.issuerHost })}</p>
        {dismiss}
      </div>
    );
  }
  const count = (outcome: ReceivedRow['outcome']): number => rows.filter((row) => row.outcome === outcome).length;
  const failed = count('not-replaced') + count('not-a-credential') + count('malformed');
  return (
    <div className="import-summary">
      <p role="status">
        {t('receive.result.from', { host: result.issuerHost })}{' '}
        {rows.length === 0
          ? t('receive.result.none', { host: result.issuerHost })
          : t('import.summary', { added: count('added'), already: count('already-there'), updated: count('updated'), failed })}
      </p>
      {rows.length > 0 && (
        <ul aria-label={t('receive.result.rows')}>
          {rows.map((row, index) => (
            <li key={`${row.id ?? ''}-${String(index)}`} className={`outcome outcome-${row.outcome}`}>
              <strong>{displayName(row.name, row.details, t)}</strong>: {t(`import.${row.outcome}`)}
              {row.issuerIdentity ? ` — ${identityLabel(row.issuerIdentity, t)}` : ''}
              {row.reason ? (
                <>
                  {' ('}
                  <CheckSentence check={{ sentence: row.reason, message: row.reasonMessage }} />
                  {')'}
                </>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      {dismiss}
    </div>
  );
}

/**
 * "Add from a link" on the home screen: the link field (shown with `open`), a link dropped on
 * the window, the consent dialog while the main process waits for the user's answer, and what
 * came of it.
 */
export function ReceivePanel({ receiver, open, onClose }: { receiver: Receiver; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { state, receive } = receiver;

  // A link dragged from a browser onto the window is received like one pasted (files are the importer's).
  useEffect(() => {
    const drop = (event: DragEvent): void => {
      const link = linkInDrop(event.dataTransfer);
      if (link) receive(link);
    };
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('drop', drop);
    };
  }, [receive]);

  return (
    <>
      {open && <LinkForm receiver={receiver} onClose={onClose} />}
      {state.kind === 'working' && (
        <p role="status" className="banner">
          {t('receive.working')}
        </p>
      )}
      {state.kind === 'error' && (
        <div className="import-summary">
          <p role="alert">
            {t('receive.result.failed')} {state.message}
          </p>
          <button type="button" onClick={receiver.dismiss}>
            {t('import.dismiss')}
          </button>
        </div>
      )}
      {state.kind === 'done' && <ReceiveSummary result={state.result} rows={state.rows} onDismiss={receiver.dismiss} />}
      {state.kind === 'asking' && (
        <ConsentDialog
          key={state.requestId}
          question={state.question}
          onAnswer={(answer) => {
            void receiver.answer(state.requestId, answer);
          }}
        />
      )}
    </>
  );
}
